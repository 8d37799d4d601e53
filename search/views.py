"""The search page and the header box's suggestions: thin, over ``search.query``."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.params import bounded_int
from search import query as search_query
from search.services import zero_result_record

logger = logging.getLogger(__name__)


def _params(request: HttpRequest, **changes: str | int | list[str] | None) -> str:
    """The current query string with ``changes`` applied (a value of None removes the key)."""
    params: dict[str, str | int | list[str]] = {
        key: request.GET.getlist(key) for key in request.GET if key != "page"
    }
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(params, doseq=True)


def _link_facets(request: HttpRequest, results: search_query.SearchResults) -> None:
    for facet in results.facets:
        chosen = results.filters.get(facet.name, [])
        for value in facet.values:
            values = (
                [v for v in chosen if v != value.value]
                if value.selected
                else [*chosen, value.value]
            )
            value.url = _params(request, **{facet.name: values})


def _page_of(found: search_query.SearchResults) -> Page:
    """The results' page for components/pagination.html: the engine paged them already, so
    the paginator only counts (a range, never a list of the hits)."""
    counted = range(min(found.total, found.pages * found.per_page))
    return Paginator(counted, found.per_page).page(min(found.page, found.pages))


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "relevance")
    page = bounded_int(request.GET.get("page", "1"), minimum=1, maximum=search_query.MAX_PAGE)
    if page is None:
        message = _("There is no such page of results: pages run from 1 to %(last)d.") % {
            "last": search_query.MAX_PAGE
        }
        return render(
            request,
            "search/results.html",
            {"results": None, "query": request.GET.get("q", "")[:200], "error": message},
            status=400,
        )
    try:
        found = search_query.search(
            user=request.user,
            query=request.GET.get("q", ""),
            filters=request.GET,
            sort=sort,
            page=page,
            language=get_language(),
        )
    except search_query.SearchUnavailable:
        logger.warning("search: the engine is unavailable", exc_info=True)
        return render(
            request, "search/unavailable.html", {"query": request.GET.get("q", "")}, status=503
        )
    if found.engine and found.total == 0 and not found.query.is_empty and page == 1:
        zero_result_record(query=found.query.text)
    _link_facets(request, found)
    context = {
        "results": found,
        "query": found.query.text,
        "max_query_chars": search_query.MAX_QUERY_CHARS,
        "active_filters": [
            {"label": facet.label, "value": value.label, "url": value.url}
            for facet in found.facets
            for value in facet.values
            if value.selected
        ],
        "sort_links": {name: _params(request, sort=name) for name in search_query.SORTS},
        "clear_url": _params(request, **dict.fromkeys(search_query.FACETS)),
        "page_obj": _page_of(found),
        "suggestion_url": _params(request, q=found.suggestion) if found.suggestion else "",
    }
    return render(request, "search/results.html", context)


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """The header popup's suggestions, grouped by kind; ``suggestions`` lists them all in the
    popup's order. Each group's ``label`` is in the interface language."""
    query = request.GET.get("q", "")[:100]
    try:
        groups = search_query.suggestion_groups(user=request.user, prefix=query)
    except search_query.SearchUnavailable:
        return JsonResponse(
            {"query": query, "groups": [], "suggestions": [], "unavailable": True}, status=503
        )
    return JsonResponse(
        {
            "query": query,
            "groups": [
                {"name": group.name, "label": group.label, "suggestions": group.suggestions}
                for group in groups
            ],
            "suggestions": [s for group in groups for s in group.suggestions],
        }
    )
