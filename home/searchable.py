"""Plain pages (about, help, ...) in search: members-only text with no taxonomy."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.access import page_access_keys
from home.models import StandardPage
from search.extract import page_language, page_url, plain_text
from search.sources import SOURCES_HOOK, Entry, Source


def _pages() -> QuerySet[StandardPage]:
    return StandardPage.objects.live().select_related("locale")


def _page_entry(page: StandardPage) -> Entry:
    return Entry(
        title=page.title,
        url=page_url(page),
        access=page_access_keys(page),
        language=page_language(page),
        summary=page.summary,
        body=plain_text(page.body),
        date=page.last_published_at,
    )


PAGES = Source(
    kind="page",
    label=_("Page"),
    model=StandardPage,
    queryset=_pages,
    to_entry=_page_entry,
    is_page=True,
)


@hooks.register(SOURCES_HOOK)
def search_sources() -> list[Source]:
    return [PAGES]
