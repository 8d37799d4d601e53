"""Members' Markdown becomes safe HTML: checked against a corpus of known XSS vectors."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from discussions.rendering import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    mentioned_handles,
    quote,
    render,
)

VECTORS = [
    line.replace("\\n", "\n")
    for line in (Path(__file__).parent / "xss_vectors.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
SAFE_SCHEMES = {"http", "https", "mailto", ""}


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel", "class"}
            if name.startswith("on") or name not in allowed:
                self.problems.append(f"attribute {name} on <{tag}>")
            if name == "href":
                scheme = urlsplit((value or "").strip()).scheme.lower()
                if scheme not in SAFE_SCHEMES:
                    self.problems.append(f"href scheme {scheme!r}")
            if name == "class" and value != "mention":
                self.problems.append(f"class {value!r}")

    handle_startendtag = handle_starttag


def test_corpus_is_large_enough():
    assert len(VECTORS) >= 100


@pytest.mark.parametrize("vector", VECTORS)
def test_no_script_event_handler_or_dangerous_url_survives(vector):
    html = render(vector, members={"admin": SimpleNamespace(pk=1)})
    audit = _Audit()
    audit.feed(html)
    assert not audit.problems, f"{vector!r} -> {html!r}"
    assert "<script" not in html.lower()


def test_links_are_kept_and_marked_user_generated():
    html = render("[IOM](https://www.iom.int/) and <mailto:a@example.org>")
    assert 'href="https://www.iom.int/"' in html
    assert 'rel="nofollow noopener ugc"' in html
    assert 'href="mailto:a@example.org"' in html


def test_markdown_formatting_survives():
    html = render("**bold** *it*\n\n> quoted\n\n- one\n- two\n\n```\ncode <b>\n```")
    for fragment in (
        "<strong>bold</strong>",
        "<em>it</em>",
        "<blockquote>",
        "<li>one</li>",
        "<pre><code>code &lt;b&gt;",
    ):
        assert fragment in html


def test_mentions_are_found_outside_code_and_before_punctuation():
    assert mentioned_handles("Thanks @anna.petrova, and `@not.me` or @Bob_K.") == {
        "anna.petrova",
        "bob_k",
    }
    assert mentioned_handles("write to someone@example.org") == set()


def test_known_mentions_are_highlighted_unknown_left_as_text():
    html = render("Hi @anna and @nobody", members={"anna": SimpleNamespace(pk=7)})
    assert '<span class="mention" data-member="7">@anna</span>' in html
    assert "@nobody" in html and html.count("mention") == 1


def test_quote_prefixes_every_line_and_names_the_author():
    assert quote("one\n\ntwo", "Anna") == "> **Anna:**\n> one\n>\n> two\n\n"
