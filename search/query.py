"""The query service: one interface, answered by Elasticsearch or, without it, by the database.

``search(user=, query=, filters=, sort=, page=, language=)`` returns :class:`SearchResults`;
``suggest(user=, prefix=)`` returns titles for the header box. Both filter on the asking
member's access keys (``core.access.user_keys``) inside the engine, so hits, counts, facets,
highlights and suggestions can only ever come from documents the member may see.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.access import user_keys
from core.params import bounded_int
from search.sources import sources

MAX_QUERY_CHARS = 200
MAX_TERMS = 24
PER_PAGE = 10
MAX_PAGE = 100  # deeper pages are not useful and cost the engine dearly

# Facet name in the URL -> (document field, label).
FACETS: dict[str, tuple[str, str | Promise]] = {
    "kind": ("kind", _("Type")),
    "country": ("countries", _("Country")),
    "theme": ("themes", _("Theme")),
    "gcm": ("gcm", _("GCM objective")),
    "language": ("language", _("Language")),
    "year": ("year", _("Year")),
}
SORTS = ("relevance", "date")

# Private-use characters mark highlights inside text that is escaped afterwards.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


class SearchUnavailable(Exception):
    """The search engine cannot answer right now."""


@dataclass
class ParsedQuery:
    text: str
    terms: list[str]
    phrases: list[str]
    # Longer than MAX_QUERY_CHARS: only the beginning was searched.
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def words(self) -> str:
        return " ".join(self.terms)


_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"\w+", re.UNICODE)


def parse_query(raw: str | None) -> ParsedQuery:
    """Words and quoted phrases; every other character is treated as a separator."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(ch for ch in text if ch.isprintable() or ch in " \t")
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    phrases = []
    for match in _PHRASE.findall(text):
        words = _WORD.findall(match)
        if len(words) > 1:
            phrases.append(" ".join(words))
    rest = _PHRASE.sub(lambda m: " " if len(_WORD.findall(m.group(1))) > 1 else m.group(1), text)
    terms = [w for w in _WORD.findall(rest) if w.strip("_")][:MAX_TERMS]
    return ParsedQuery(text=text, terms=terms, phrases=phrases[:4], truncated=truncated)


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: SafeString
    url: str
    snippet: SafeString
    date: dt.datetime | None
    language: str
    object_id: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # The search page's link that adds or removes this value (set by the view).
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    facets: list[Facet] = field(default_factory=list)
    suggestion: str | None = None
    sort: str = "relevance"
    filters: dict[str, list[str]] = field(default_factory=dict)
    engine: str = ""
    # False: hits and the total only (no facets, no highlights), for callers that want ids.
    detail: bool = True
    # Only among these object ids (e.g. the snippets for the page of cards a listing shows).
    ids: list[str] | None = None

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, math.ceil(self.total / self.per_page)))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1


def clean_filters(filters: QueryDict | Mapping[str, Any]) -> dict[str, list[str]]:
    """Known facets only, a handful of short values each (URLs are typed by people too):
    kinds that are registered, years that are years; anything else is left out."""
    kinds = sources()
    cleaned: dict[str, list[str]] = {}
    for name in FACETS:
        raw = filters.getlist(name) if isinstance(filters, QueryDict) else filters.get(name, [])
        values = [raw] if isinstance(raw, str) else list(raw)
        values = [v.strip()[:40] for v in values if v and v.strip()][:10]
        if name == "year":
            years = (bounded_int(v, minimum=1, maximum=9999) for v in values)
            values = [str(year) for year in years if year is not None]
        if name == "kind":
            values = [v for v in values if v in kinds]
        if name == "country":
            values = [v.lower() for v in values]
        if values:
            cleaned[name] = list(dict.fromkeys(values))
    return cleaned


def highlight_html(fragment: str) -> SafeString:
    """Escape the engine's text, then turn the private markers into ``<mark>``."""
    escaped = escape(fragment)
    return mark_safe(  # noqa: S308 - escaped above; only our own tags are added
        escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
    )


def _engine():
    if settings.ELASTICSEARCH_URL:
        from search.engines.elastic import ElasticsearchEngine

        return ElasticsearchEngine()
    from search.engines.database import DatabaseEngine

    return DatabaseEngine()


def search(
    *,
    user,
    query: str = "",
    filters=None,
    sort: str = "relevance",
    page: int = 1,
    language: str | None = None,
    per_page: int = PER_PAGE,
    detail: bool = True,
    ids=None,
    engine=None,
) -> SearchResults:
    parsed = parse_query(query)
    keys = user_keys(user)
    results = SearchResults(
        query=parsed,
        page=max(1, min(int(page or 1), MAX_PAGE)),
        per_page=per_page,
        sort=sort if sort in SORTS else "relevance",
        filters=clean_filters(filters or {}),
        detail=detail,
        ids=None if ids is None else [str(i) for i in ids],
    )
    if results.ids == []:
        return results
    if not keys or (parsed.is_empty and not results.filters):
        return results
    engine = engine or _engine()
    results.engine = engine.name
    engine.run(results, keys=keys, language=(language or "en").split("-")[0])
    _label_facets(results)
    return results


def suggest(*, user, prefix: str, limit: int = 8, engine=None) -> list[dict]:
    """Titles starting with the words typed, among documents ``user`` may see; a group of
    documents (a thread's posts) once."""
    parsed = parse_query(prefix)
    keys = user_keys(user)
    if not keys or not parsed.terms or len(parsed.text) < 2:
        return []
    engine = engine or _engine()
    return engine.suggest(" ".join(parsed.terms), keys=keys, limit=limit)


# The header box's popup: suggestions under these headings, in this order. Kinds not named
# here (plain pages) come last, under OTHER_GROUP.
SUGGESTION_GROUPS: tuple[tuple[str, tuple[str, ...], str | Promise], ...] = (
    ("practice_notes", ("practice_note",), _("Practice notes")),
    ("events", ("event", "consultation"), _("Events and consultations")),
    ("discussions", ("post",), _("Discussions")),
    ("members", ("member",), _("Members")),
)
COUNTRY_GROUP = ("countries", _("Countries"))
OTHER_GROUP = ("pages", _("Pages"))
PER_GROUP = 4
MAX_SUGGESTIONS = 10


@dataclass
class SuggestionGroup:
    name: str
    label: str
    suggestions: list[dict]


def suggestion_groups(*, user, prefix: str, engine=None) -> list[SuggestionGroup]:
    """The header popup's suggestions by kind (practice notes, events, discussions, members,
    countries), at most PER_GROUP a kind and MAX_SUGGESTIONS in all; each document once."""
    if not user_keys(user):
        return []
    found = suggest(user=user, prefix=prefix, limit=MAX_SUGGESTIONS * 2, engine=engine)
    group_of = {kind: name for name, kinds, _label in SUGGESTION_GROUPS for kind in kinds}
    buckets: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for suggestion in found:
        if suggestion["url"] in seen:
            continue
        seen.add(suggestion["url"])
        bucket = buckets.setdefault(group_of.get(suggestion["kind"], OTHER_GROUP[0]), [])
        if len(bucket) < PER_GROUP:
            bucket.append(suggestion)
    countries = country_suggestions(prefix)
    if countries:
        buckets[COUNTRY_GROUP[0]] = countries[:PER_GROUP]
    labels = [(name, label) for name, _kinds, label in SUGGESTION_GROUPS]
    groups = [
        SuggestionGroup(name=name, label=str(label), suggestions=buckets[name])
        for name, label in [*labels, COUNTRY_GROUP, OTHER_GROUP]
        if buckets.get(name)
    ]
    # The whole popup stays short: later groups give way first.
    room = MAX_SUGGESTIONS
    for group in groups:
        group.suggestions = group.suggestions[: max(room, 0)]
        room -= len(group.suggestions)
    return [group for group in groups if group.suggestions]


def country_suggestions(prefix: str) -> list[dict]:
    """Countries whose name (in the interface language) has a word starting with ``prefix``:
    each opens the search page filtered to that country."""
    from django.urls import reverse

    from search.labels import facet_labels

    parsed = parse_query(prefix)
    if not parsed.terms or len(parsed.text) < 2:
        return []
    typed = " ".join(parsed.terms).casefold()
    names = facet_labels(["country"])["country"]
    url = reverse("search:results")
    found = []
    for code, name in sorted(names.items(), key=lambda item: item[1]):
        folded = name.casefold()
        words = _WORD.findall(folded)
        if folded.startswith(typed) or any(word.startswith(typed) for word in words):
            found.append({"title": name, "url": f"{url}?country={code}", "kind": "country"})
    return found


def _label_facets(results: SearchResults) -> None:
    from search.labels import facet_labels

    labels = facet_labels(list(dict.fromkeys(["kind", *(f.name for f in results.facets)])))
    for facet in results.facets:
        for value in facet.values:
            value.label = labels[facet.name].get(value.value, value.value)
    for hit in results.hits:
        hit.kind_label = labels["kind"].get(hit.kind, hit.kind)
