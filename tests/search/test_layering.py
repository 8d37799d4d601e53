"""Search sits below the apps it indexes, and home above the apps whose panels it shows: neither
names another app's models or fields. Each app registers its own search source and panel."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from search.sources import sources

ROOT = Path(__file__).resolve().parents[2]
CONTENT_APPS = ("home", "knowledge", "events", "discussions", "members")


def _strings(package: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        found.extend(
            (str(path.relative_to(ROOT)), node.value)
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
    return found


@pytest.mark.parametrize(
    ("package", "others"), [("search", CONTENT_APPS), ("home", CONTENT_APPS[1:])]
)
def test_no_module_names_another_apps_models_in_strings(package, others):
    named = [
        (path, text)
        for path, text in _strings(package)
        if any(text.startswith((f"{app}.", f"{app}:")) for app in others)
        and not text.endswith((".html", ".txt"))
    ]
    assert named == []


def test_search_imports_no_content_app():
    imported = []
    for path in sorted((ROOT / "search").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                top = node.module.split(".")[0]
                if top in CONTENT_APPS:
                    imported.append((str(path.relative_to(ROOT)), node.module))
    assert imported == []


def test_every_app_registers_its_kinds_through_the_hook():
    registered = {kind: source.model._meta.app_label for kind, source in sources().items()}
    assert registered == {
        "page": "home",
        "member": "members",
        "practice_note": "knowledge",
        "event": "events",
        "consultation": "events",
        "post": "discussions",
    }
