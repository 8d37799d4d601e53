"""Plain Wagtail pages (about, help, ...): members-only text with no taxonomy."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.sources import (
    Entry,
    Source,
    model_or_none,
    page_language,
    page_url,
    plain_text,
    register,
    tier_keys,
)


def _queryset():
    return model_or_none("home.StandardPage").objects.live().select_related("locale")


def _to_entry(page) -> Entry | None:
    return Entry(
        title=page.title,
        url=page_url(page),
        access=tier_keys(page),
        language=page_language(page),
        summary=page.summary,
        body=plain_text(page.body),
        date=page.last_published_at,
    )


if model_or_none("home.StandardPage"):
    register(
        Source(
            kind="page",
            label=_("Page"),
            model="home.StandardPage",
            queryset=_queryset,
            to_entry=_to_entry,
            is_page=True,
        )
    )
