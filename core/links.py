"""Links to pages that keep the reader in their interface language."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def localized_url(page, request=None) -> str:
    """The page's URL in the reader's interface language.

    All pages live in one tree; Wagtail would prefix the page's own locale and switch a Russian
    reader's interface to English on every click.
    """
    url = page.get_url(request) or ""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for prefix in LANGUAGE_PREFIXES:
        if url.startswith(prefix):
            return f"/{language}/{url[len(prefix) :]}"
    return url
