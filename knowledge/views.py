"""The library's reader-facing views (the page models call these for their context)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from knowledge.access import writes_notes
from knowledge.forms import filters_from_query, page_number_from_query
from knowledge.selectors import (
    SEARCH_LIMIT,
    facet_counts,
    note_add_url,
    paginate_notes,
    practice_notes_for,
    text_matches,
)
from knowledge.selectors import my_notes as notes_of

FACET_LABELS = {
    "country": _("Country"),
    "theme": _("Theme"),
    "objective": _("GCM objective"),
    "target": _("Target group"),
    "type": _("Type"),
    "language": _("Language"),
}


def library_context(*, request, library) -> dict:
    filters = filters_from_query(request.GET)
    matches = text_matches(request.user, filters)
    notes = practice_notes_for(request.user, filters, matches)
    page_obj = paginate_notes(
        notes, page_number_from_query(request.GET), filters=filters, matches=matches
    )
    facets = facet_counts(request.user, filters, matches)
    query = request.GET.copy()
    query.pop("page", None)
    applied = sum(facets[name].selected_count for name in FACET_LABELS)
    return {
        "filters": filters,
        "matches": matches,
        "search_limit": SEARCH_LIMIT,
        "notes_page": page_obj,
        "facets": [(name, FACET_LABELS[name], facets[name]) for name in FACET_LABELS],
        "year_facet": facets["year"],
        "query_without_page": query.urlencode(),
        # The "Filter" disclosure says how many are applied; clearing them keeps the words.
        "applied_count": applied + (1 if filters.year else 0),
        "clear_url": f"?{urlencode({'q': filters.query})}" if filters.query else request.path,
    }


def my_notes(request):
    """The writer's notes by state (draft, in review, published), each with its admin link."""
    if not writes_notes(request.user):
        # Only writers (experts, the secretariat) have notes to list.
        raise PermissionDenied
    return render(
        request,
        "knowledge/my_notes.html",
        {"groups": notes_of(user=request.user), "write_url": note_add_url(user=request.user)},
    )
