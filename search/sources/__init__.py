"""What gets indexed: a registry of *sources*, one per kind of content.

A source says which objects should be in the index (``queryset``), how one becomes an
:class:`Entry` (``to_entry``; ``None`` keeps it out), or how a chunk of them do at once
(``to_entries``, reading what they share in a few queries), and which other models' changes
touch its documents (``related``). Adding a kind is a module in this package that calls
:func:`register`; the modules for other apps' models live here so those apps need not know
about search.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.functional import Promise

from core.access import Tier, keys_for_tier, page_keys


@dataclass
class Entry:
    """What the index keeps about one object, whichever engine stores it."""

    title: str
    url: str
    access: Iterable[str]
    language: str = "en"
    summary: str = ""
    body: str = ""
    countries: Iterable[str] = ()
    themes: Iterable[str] = ()
    gcm: Iterable[str] = ()
    date: dt.date | dt.datetime | None = None


@dataclass(frozen=True)
class Source:
    kind: str
    label: str | Promise
    model: str  # "app_label.ModelName"
    queryset: Callable[[], QuerySet]
    to_entry: Callable[[Model], Entry | None] | None = None
    # Entries for many objects at once, in order (for a rebuild, thousands a second): a kind
    # whose entries read related rows gives this instead of ``to_entry``.
    to_entries: Callable[[list[Model]], list[Entry | None]] | None = None
    # Other models whose changes alter this kind's documents: label -> affected object ids.
    related: dict[str, Callable[[Model], Iterable]] = field(default_factory=dict)
    # For a related model, the fields whose change matters: a save naming none of them in
    # ``update_fields`` (a counter, a login time) is ignored.
    related_fields: dict[str, frozenset[str]] = field(default_factory=dict)
    # Many-to-many fields ("app_label.Model.field") whose changes alter this kind's documents:
    # adding or removing a link saves neither side, so no post_save would tell. The callable
    # gets the model instance holding the field and returns the affected object ids.
    m2m: dict[str, Callable[[Model], Iterable]] = field(default_factory=dict)
    is_page: bool = False
    # For kinds whose audience follows a page's privacy rules: the objects at or below a page
    # path (pages themselves by default when ``is_page``).
    under_page: Callable[[str], QuerySet] | None = None

    def __post_init__(self) -> None:
        if (self.to_entry is None) == (self.to_entries is None):
            raise TypeError(f"source {self.kind}: give either to_entry or to_entries")

    def entries(self, objects: dict[str, Model]) -> dict[str, Entry | None]:
        """The entry of each of ``objects`` (as :meth:`load` returns them), by the same key."""
        if self.to_entries is not None:
            return dict(zip(objects, self.to_entries(list(objects.values())), strict=True))
        return {key: self.to_entry(obj) for key, obj in objects.items()}

    def objects_under(self, path: str) -> QuerySet | None:
        if self.under_page is not None:
            return self.under_page(path)
        if self.is_page:
            return self.model_class().objects.filter(path__startswith=path)
        return None

    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def load(self, ids: Iterable) -> dict[str, Model]:
        """The indexable objects among ``ids``, keyed by their id as a string."""
        return {str(obj.pk): obj for obj in self.queryset().filter(pk__in=list(ids))}


_REGISTRY: dict[str, Source] = {}
_MODULES = ["pages", "knowledge", "events", "discussions", "members"]
_loaded = False


def register(source: Source) -> Source:
    _REGISTRY[source.kind] = source
    return source


def sources() -> dict[str, Source]:
    """Every registered source; each module registers only when its app's models exist."""
    global _loaded
    if not _loaded:
        for name in _MODULES:
            import_module(f"search.sources.{name}")
        _loaded = True
    return _REGISTRY


def source_for(kind: str) -> Source | None:
    return sources().get(kind)


def model_or_none(label: str) -> type[Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


# --- helpers the source modules share --------------------------------------------------------

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


def tier_keys(obj) -> frozenset[str]:
    """The object's own access keys when it has them, else those of its tier (default members),
    narrowed for a page by the privacy rules on it and its ancestors."""
    if hasattr(obj, "access_keys"):
        return frozenset(obj.access_keys())
    keys = keys_for_tier(getattr(obj, "tier", Tier.MEMBERS))
    return page_keys(obj, keys) if hasattr(obj, "path") else keys


def stream_text(value) -> str:
    """The words of a StreamField value, as Wagtail's ``get_searchable_content`` finds them,
    read from its stored data: no block is turned into Python objects (rich text, choosers'
    database rows), which made the body most of a note's cost to index."""
    parts: list[str] = []
    _raw_text(value.stream_block, list(value.raw_data), parts)
    return plain_text(" ".join(parts))


def _raw_text(block, raw, parts: list[str]) -> None:
    from wagtail import blocks

    if raw is None or not getattr(block, "search_index", True):
        return
    if isinstance(block, blocks.RichTextBlock):
        parts.append(str(raw))  # HTML: plain_text strips it
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
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


def linked(model: type[Model], field_name: str, ids: Iterable, attribute: str) -> dict:
    """``attribute`` of the objects each of ``ids`` links to through the many-to-many
    ``field_name``, in one query: {id: [values]}, in the linked model's order."""
    m2m = model._meta.get_field(field_name)
    own, other = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    ordering = [
        f"-{other}__{o[1:]}" if o.startswith("-") else f"{other}__{o}"
        for o in m2m.related_model._meta.ordering
    ]
    rows = (
        m2m.remote_field.through.objects.filter(**{f"{own}_id__in": list(ids)})
        .order_by(*ordering)
        .values_list(f"{own}_id", f"{other}__{attribute}")
    )
    found: dict = {}
    for owner, value in rows:
        found.setdefault(owner, []).append(value)
    return found


def codes(manager, attribute: str) -> list[str]:
    """Values of ``attribute`` over a (prefetched) related manager."""
    return [str(getattr(item, attribute)) for item in manager.all()]


_url_request: tuple[float, object] | None = None


def page_url(page) -> str:
    """The page's URL. Wagtail caches the sites' root paths on the request it is given, so one
    shared request (renewed every minute) spares a cache round trip per page in bulk loads."""
    global _url_request
    import time

    from django.http import HttpRequest

    now = time.monotonic()
    if _url_request is None or now - _url_request[0] > 60:
        from wagtail.models import Site

        request = HttpRequest()
        site = Site.objects.filter(is_default_site=True).first()
        request.META["SERVER_NAME"] = site.hostname if site else "localhost"
        request.META["SERVER_PORT"] = str(site.port if site else 80)
        _url_request = (now, request)
    return page.get_url(request=_url_request[1]) or ""


def page_language(page, default: str = "en") -> str:
    language = getattr(page, "language", "") or ""
    if not language:
        locale = getattr(page, "locale", None)
        language = getattr(locale, "language_code", "") or default
    return language.split("-")[0].lower()


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
