"""Markdown written by members, turned into HTML that is safe to show to everyone else.

Python-Markdown passes raw HTML through, so its output is never trusted: ``nh3`` (the Rust
``ammonia`` sanitiser) keeps only an allow-list of tags and attributes and only http, https and
mailto links, and marks every link ``nofollow noopener ugc``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

import markdown
import nh3
from django.contrib.auth import get_user_model
from markdown.inlinepatterns import InlineProcessor

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "span": {"data-member"},
}
ALLOWED_CLASSES = {"span": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener ugc"

# @handle: an e-mail local part (letters, digits, dot, dash, underscore). A trailing dot is
# punctuation ("thanks @anna."), so the pattern cannot end on one.
MENTION_RE = r"(?<![\w@])@([A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?)"


def handle_for(user) -> str:
    return user.email.split("@", 1)[0].lower()


def mentioned_handles(source: str) -> set[str]:
    # Code spans and blocks are not mentions; strip them before looking.
    text = re.sub(r"```.*?```|`[^`]*`", " ", source, flags=re.S)
    return {m.lower() for m in re.findall(MENTION_RE, text)}


def resolve_handles(handles: Iterable[str]) -> dict:
    """Map each handle to the active member whose e-mail address starts with it."""
    handles = {h.lower() for h in handles}
    if not handles:
        return {}
    user_model = get_user_model()
    from django.db.models import Q

    query = Q()
    for handle in handles:
        query |= Q(email__istartswith=f"{handle}@")
    found: dict = {}
    for user in user_model.objects.filter(query, is_active=True).order_by("pk"):
        found.setdefault(handle_for(user), user)
    return found


class _MentionProcessor(InlineProcessor):
    def __init__(self, pattern, md, members: dict):
        super().__init__(pattern, md)
        self.members = members

    def handleMatch(self, m, data):
        user = self.members.get(m.group(1).lower())
        if user is None:
            return None, None, None
        el = etree.Element("span")
        el.set("class", "mention")
        el.set("data-member", str(user.pk))
        el.text = f"@{m.group(1)}"
        return el, m.start(0), m.end(0)


def render(source: str, *, members: dict | None = None) -> str:
    """Sanitised HTML for ``source``; ``members`` maps handles to the members to highlight."""
    md = markdown.Markdown(extensions=["fenced_code", "sane_lists", "tables", "nl2br"])
    if members:
        md.inlinePatterns.register(_MentionProcessor(MENTION_RE, md, members), "mention", 175)
    return sanitise(md.convert(source))


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def quote(source: str, author_name: str) -> str:
    """The Markdown a reply starts with when it quotes ``source``."""
    lines = source.strip().splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"> **{author_name}:**\n{quoted}\n\n"
