"""Searches other apps call: the library listing and the member directory use the same service
(and therefore the same access filtering) as the search page."""

from __future__ import annotations

from search import query as search_query


def library_search(
    *,
    user,
    query: str = "",
    filters=None,
    sort: str = "relevance",
    page: int = 1,
    language: str | None = None,
    per_page: int = 20,
    detail: bool = True,
    ids=None,
) -> search_query.SearchResults:
    """Practice notes matching ``query`` and the facet ``filters`` (country, theme, gcm,
    language, year); ``hit.object_id`` is the page id. An empty query lists newest first.
    ``detail=False`` leaves out facets and highlights (ids for a listing); ``ids`` limits the
    search to those notes (the highlights for the page of cards shown)."""
    chosen = search_query.clean_filters(filters or {})
    chosen["kind"] = ["practice_note"]
    return search_query.search(
        user=user,
        query=query,
        filters=chosen,
        sort=sort if query else "date",
        page=page,
        language=language,
        per_page=per_page,
        detail=detail,
        ids=ids,
    )


def directory_search(
    *,
    user,
    query: str = "",
    filters=None,
    page: int = 1,
    language: str | None = None,
    per_page: int = 30,
    detail: bool = True,
) -> search_query.SearchResults:
    """Member profiles matching ``query`` (name, job title, organisation, expertise) and the
    filters (country, theme = expertise); ``hit.object_id`` is the user id."""
    chosen = search_query.clean_filters(filters or {})
    chosen["kind"] = ["member"]
    return search_query.search(
        user=user,
        query=query,
        filters=chosen,
        page=page,
        language=language,
        per_page=per_page,
        detail=detail,
    )
