"""Page classes cannot collide with component classes (issue 13: the library's header collapsed
into a narrow column because <body class="library"> matched the library's grid layout)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

CSS_DIR = Path(settings.BASE_DIR) / "static" / "css"
# A rule's selector list: everything before a "{" that is not inside a declaration block.
SELECTOR = re.compile(r"(^|})\s*([^{}@]+?)\s*\{", re.MULTILINE)


def _selectors():
    for sheet in sorted(CSS_DIR.glob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(), flags=re.DOTALL)
        for match in SELECTOR.finditer(text):
            for selector in match.group(2).split(","):
                yield sheet.name, selector.strip()


def test_page_classes_are_only_ever_a_scope():
    # .page-x may only stand before a descendant: it can never style <body> or a component.
    wrong = [
        (sheet, selector)
        for sheet, selector in _selectors()
        if re.search(r"\.page-[\w-]+(?![\w-])(?!\s+\S)", selector)
    ]
    assert not wrong, f"page-<type> classes styled on their own: {wrong}"


def test_components_are_prefixed_so_no_page_scope_can_match_them():
    page_scopes = {"page-" + name for name in ("library", "practice-note", "events-index")}
    defined = {
        name for _sheet, selector in _selectors() for name in re.findall(r"\.([\w-]+)", selector)
    }
    assert not page_scopes & {name for name in defined if not name.startswith("page-")}
    # The old names that collided stay unusable as page scopes: pages are page-<type>.
    assert "library" not in {name for name in defined if name.startswith("page-")}


@pytest.mark.django_db
def test_the_body_of_a_page_carries_only_page_scopes(member_client):
    html = member_client.get("/en/").content.decode()
    body_classes = re.search(r'<body class="([^"]*)"', html).group(1).split()
    assert body_classes and all(name.startswith("page-") for name in body_classes)


def test_no_template_sets_an_unprefixed_body_class():
    roots = [Path(settings.BASE_DIR)]
    offenders = [
        str(path)
        for root in roots
        for path in root.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "{% block body_class %}" in path.read_text()
    ]
    assert not offenders, f"use {{% block page_type %}}: {offenders}"


@pytest.mark.django_db
def test_the_library_body_is_scoped_not_styled_like_the_library_grid(member_client):
    from knowledge.services import library_setup

    library = library_setup()
    html = member_client.get(library.url).content.decode()
    body = re.search(r'<body class="([^"]*)"', html).group(1).split()
    assert "page-library" in body and "library" not in body
