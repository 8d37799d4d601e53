"""Text and facts for search entries, read in bulk: what every app's source module shares."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterable
from typing import Any

from django.db.models import ManyToManyField, Model
from django.http import HttpRequest
from wagtail import blocks
from wagtail.models import Page, Site

# Block ends and line breaks part words; other tags (<b>, <a>) may sit inside a word.
_BREAKS = re.compile(r"</(?:p|h\d|li|blockquote|div|t[dh]|pre)>|<(?:br|hr)\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def plain_text(value) -> str:
    """Rich text or HTML to the words a reader sees (as Wagtail's ``get_text_for_indexing``)."""
    if not value:
        return ""
    text = _TAGS.sub("", _BREAKS.sub(" ", str(value)))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def stream_text(value: Any) -> str:
    """The words of a StreamField value, as Wagtail's ``get_searchable_content`` finds them,
    read from its stored data: no block is turned into Python objects (rich text, choosers'
    database rows), which made the body most of a note's cost to index."""
    parts: list[str] = []
    _raw_text(value.stream_block, list(value.raw_data), parts)
    return plain_text(" ".join(parts))


def _raw_text(block: blocks.Block, raw: Any, parts: list[str]) -> None:
    if raw is None:
        return
    if isinstance(block, (blocks.RichTextBlock, blocks.CharBlock, blocks.TextBlock)):
        # Rich text is HTML: plain_text strips it.
        if block.search_index:
            parts.append(str(raw))
    elif isinstance(block, blocks.ChooserBlock):
        return  # an id: Wagtail indexes nothing of it either
    elif isinstance(block, blocks.BaseStreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                _raw_text(child_block, child.get("value"), parts)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Items are stored as {"type": "item", "value": ..., "id": ...} (older data: bare).
            is_wrapped = isinstance(item, dict) and "id" in item and "value" in item
            _raw_text(block.child_block, item["value"] if is_wrapped else item, parts)
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            if name in raw:
                _raw_text(child_block, raw[name], parts)
    else:
        parts.extend(str(p) for p in block.get_searchable_content(block.to_python(raw)))


def linked(model: type[Model], field_name: str, ids: Iterable[int], attribute: str) -> dict:
    """``attribute`` of the objects each of ``ids`` links to through the many-to-many
    ``field_name``, in one query: {id: [values]}, in the linked model's order."""
    m2m = model._meta.get_field(field_name)
    if not isinstance(m2m, ManyToManyField):
        raise TypeError(f"{model.__name__}.{field_name} is not a many-to-many field")
    through, target = m2m.remote_field.through, m2m.related_model
    # Both are model classes once the models are loaded (the stubs allow "self" and None).
    assert isinstance(target, type) and through is not None
    own, other = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    ordering = [
        f"-{other}__{o[1:]}" if o.startswith("-") else f"{other}__{o}"
        for o in target._meta.ordering or ()
    ]
    rows = (
        through._default_manager.filter(**{f"{own}_id__in": list(ids)})
        .order_by(*ordering)
        .values_list(f"{own}_id", f"{other}__{attribute}")
    )
    found: dict = {}
    for owner, value in rows:
        found.setdefault(owner, []).append(value)
    return found


def codes(manager: Any, attribute: str) -> list[str]:
    """Values of ``attribute`` over a (prefetched) related manager."""
    return [str(getattr(item, attribute)) for item in manager.all()]


_url_request: tuple[float, HttpRequest] | None = None


def page_url(page: Page) -> str:
    """The page's URL. Wagtail caches the sites' root paths on the request it is given, so one
    shared request (renewed every minute) spares a cache round trip per page in bulk loads."""
    global _url_request
    now = time.monotonic()
    if _url_request is None or now - _url_request[0] > 60:
        request = HttpRequest()
        site = Site.objects.filter(is_default_site=True).first()
        request.META["SERVER_NAME"] = site.hostname if site else "localhost"
        request.META["SERVER_PORT"] = str(site.port if site else 80)
        _url_request = (now, request)
    return page.get_url(request=_url_request[1]) or ""


def page_language(page: Page) -> str:
    """The language of a page's locale, as the index names languages ("en", "ru")."""
    return page.locale.language_code.split("-")[0].lower()


_SCRIPTS = [
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("uk", re.compile(r"[іїєґІЇЄҐ]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ro", re.compile(r"[ăâîșşțţĂÂÎȘŞȚŢ]")),
]


def guess_language(text: str, default: str = "en") -> str:
    """The language of text that does not say (posts): by the script it is written in."""
    sample = text[:2000]
    for language, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) >= 3:
            return language
    return default
