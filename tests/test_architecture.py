"""Architecture kept by tests: views parse input and render; writes happen in services.

A write in a view skips the service's validation, transaction and on-commit side effects
(indexing, e-mail), which is how data gets out of step with the index or a notice is lost.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "taxonomy", "home", "members", "knowledge", "events", "discussions", "search"]
WRITE_METHODS = {
    "save",
    "delete",
    "create",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "save_revision",
}
VIEW_MODULES = sorted(
    path
    for app in APPS
    for name in ("views.py", "admin_views.py")
    if (path := ROOT / app / name).exists()
)


def _writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITE_METHODS
    ]


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_make_no_orm_writes(path):
    assert _writes(path) == [], "move these writes into the app's services.py"


def test_the_guard_sees_a_write():
    sample = ROOT / "var" / "architecture_sample_views.py"
    sample.parent.mkdir(exist_ok=True)
    sample.write_text("def view(request):\n    request.user.save()\n")
    try:
        assert _writes(sample) == ["var/architecture_sample_views.py:2 .save()"]
    finally:
        sample.unlink()
