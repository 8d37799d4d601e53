"""The library's reader-facing views (the page models call these for their context)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from knowledge.forms import filters_from_query
from knowledge.selectors import facet_counts, paginate, practice_notes_for

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
    notes = practice_notes_for(request.user, filters)
    page_obj = paginate(notes, request.GET.get("page"))
    facets = facet_counts(request.user, filters)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filters": filters,
        "notes_page": page_obj,
        "facets": [(name, FACET_LABELS[name], facets[name]) for name in FACET_LABELS],
        "year_facet": facets["year"],
        "query_without_page": query.urlencode(),
    }
