"""The database engine: the same interface over ``StoredDocument`` rows, with fewer features.

Every word must appear in the title, summary or body: as typed (case-insensitively, part of a
word too), folded, or as a form of the same stem in the document's language (Snowball, see
``search.languages``: "трудовая миграция" finds "трудовой миграции", "emek" finds "əmək").
Quoted phrases must appear as typed. No typo tolerance, no "did you mean"; relevance is "the
title matches" first, then newest. Rows of one group (a thread's posts) are one result, shown by the
first of them in that order; the total and the facet counts count results, not rows.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import reduce
from operator import or_

from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.languages import WORD, lower, normalise, stem, word_keys
from search.models import StoredDocument
from search.query import FACETS, Facet, FacetValue, Hit, SearchResults

FACET_COLUMNS = {
    "kind": "kind",
    "countries": "countries",
    "themes": "themes",
    "gcm": "gcm",
    "language": "language",
    "year": "year",
}
MULTI = {"countries", "themes", "gcm"}
MAX_FACET_ROWS = 5000


def _any_of(column: str, values, *, multi: bool) -> Q:
    if multi:
        return reduce(or_, (Q(**{f"{column}__contains": f"|{v}|"}) for v in values))
    return Q(**{f"{column}__in": list(values)})


def _text(term: str) -> Q:
    return Q(title__icontains=term) | Q(summary__icontains=term) | Q(body__icontains=term)


def _word(term: str) -> Q:
    """``term`` as typed, or one of its forms: folded in any document, stemmed in a document
    of each language it can be a word of."""
    folded, stems = word_keys(term)
    found = _text(term) | Q(terms__contains=f" {folded} ")
    for language, key in stems.items():
        found |= Q(language=language, terms__contains=f" {key} ")
    return found


class DatabaseEngine:
    name = "database"

    def queryset(self, results: SearchResults, keys):
        rows = StoredDocument.objects.exclude(access="").filter(
            _any_of("access", sorted(keys), multi=True)
        )
        for term in results.query.terms:
            rows = rows.filter(_word(term))
        for phrase in results.query.phrases:
            rows = rows.filter(_text(phrase))
        return rows

    def run(self, results: SearchResults, *, keys, language: str) -> None:
        matching = self.queryset(results, keys)
        filtered = matching
        for name, values in results.filters.items():
            column = FACETS[name][0]
            if column == "countries":
                values = [v.lower() for v in values]
            filtered = filtered.filter(_any_of(column, values, multi=column in MULTI))
        if results.ids is not None:
            filtered = filtered.filter(object_id__in=results.ids)
        results.total = filtered.values("group").distinct().count()
        counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
        columns = [FACETS[name][0] for name in FACETS]
        facet_rows = (
            filtered.values_list("group", *columns)[:MAX_FACET_ROWS] if results.detail else []
        )
        # A value counts a group once, however many of its rows carry it.
        counted: set[tuple[str, str, str]] = set()
        for group, *row in facet_rows:
            for name, value in zip(FACETS, row, strict=True):
                if value in ("", None):
                    continue
                if FACETS[name][0] in MULTI:
                    found = [v for v in value.strip("|").split("|") if v]
                else:
                    found = [str(value)]
                for v in found:
                    if (name, v, group) not in counted:
                        counted.add((name, v, group))
                        counters[name][v] += 1
        results.facets = [
            Facet(
                name=name,
                label=str(FACETS[name][1]),
                values=[
                    FacetValue(
                        value=v, label=v, count=c, selected=v in results.filters.get(name, [])
                    )
                    for v, c in sorted(counters[name].items(), key=lambda item: (-item[1], item[0]))
                ],
            )
            for name in FACETS
            if results.detail
        ]
        order: list = ["-date", "pk"]
        ordered = filtered
        if results.sort == "relevance" and results.query.terms:
            title_match = reduce(or_, (Q(title__icontains=t) for t in results.query.terms))
            ordered = ordered.annotate(
                title_match=Case(
                    When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField()
                )
            )
            order = ["-title_match", *order]
        # The best row of each group stands for it: first in the same order within its group.
        ordered = ordered.annotate(
            rank_in_group=Window(
                RowNumber(),
                partition_by=[F("group")],
                order_by=[
                    F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in order
                ],
            )
        ).filter(rank_in_group=1)
        ordered = ordered.order_by(*order)
        start = (results.page - 1) * results.per_page
        words = results.query.terms + results.query.phrases
        results.hits = [
            Hit(
                kind=row.kind,
                kind_label=row.kind,
                title=_mark(row.title, words, row.language),
                url=row.url,
                snippet=_mark(_snippet(row, words), words, row.language),
                date=row.date,
                language=row.language,
                object_id=row.object_id,
            )
            for row in ordered[start : start + results.per_page]
        ]

    def suggest(self, prefix: str, *, keys, limit: int) -> list[dict]:
        """Titles, newest first, one per group (a thread once, however many posts match)."""
        words = prefix.split()
        rows = StoredDocument.objects.exclude(access="").filter(
            _any_of("access", sorted(keys), multi=True)
        )
        for word in words[:-1]:
            rows = rows.filter(title__icontains=word)
        last = words[-1]
        rows = rows.filter(Q(title__istartswith=last) | Q(title__icontains=f" {last}"))
        rows = rows.annotate(
            rank_in_group=Window(
                RowNumber(), partition_by=[F("group")], order_by=[F("date").desc(), F("pk").asc()]
            )
        ).filter(rank_in_group=1)
        found = rows.order_by("-date", "pk").values_list("title", "url", "kind")[:limit]
        return [{"title": title, "url": url, "kind": kind} for title, url, kind in found]


def _spans(text: str, words: list[str], language: str) -> list[tuple[int, int]]:
    """Where ``words`` are in ``text``: as typed (part of a word too), and each word of the
    text that has the folded form or the stem (in ``language``) of one of them."""
    if not words:
        return []
    ordered = sorted(words, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)
    found = [match.span() for match in pattern.finditer(text)]
    folded = set()
    stems = set()
    for word in words:
        key, by_language = word_keys(word)
        folded.add(key)
        if language in by_language:
            stems.add(by_language[language])
    for match in WORD.finditer(text):
        token = match.group(0)
        if normalise(token) in folded or (stems and stem(language, lower(token)) in stems):
            found.append(match.span())
    # Overlapping spans become one.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _snippet(row: StoredDocument, words: list[str], width: int = 200) -> str:
    for text in (row.summary, row.body):
        spans = _spans(text, words, row.language)
        if spans:
            at = spans[0][0]
            start = max(0, at - width // 2)
            return ("… " if start else "") + text[start : start + width]
    return (row.summary or row.body)[:width]


def _mark(text: str, words: list[str], language: str):
    """Escape ``text``, marking the words found in it (found on the raw text, then escaped)."""
    parts, last = [], 0
    for start, end in _spans(text, words, language):
        parts.append(str(escape(text[last:start])))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(str(escape(text[last:])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text was escaped
