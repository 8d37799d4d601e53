"""Which address a page has in another interface language (the language switcher, issue 13).

Django's ``translate_url`` resolves the address in the language that is *active*, which for the
switcher's own request (``/i18n/setlang/`` has no prefix) is the browser's Accept-Language: a
Russian page asked for by an English browser did not resolve, and the member was sent back to
the Russian page. Here the address is resolved in its own language, from its prefix.
"""

from __future__ import annotations

from typing import TypeGuard
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Locale, Page

from core.links import localized_url


def is_interface_language(code: str | None) -> TypeGuard[str]:
    return code in {language for language, _name in settings.LANGUAGES}


def safe_next(request: HttpRequest, next_url: str | None) -> str:
    """``next_url`` when it is an address on this site, else the home page ("/")."""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return "/"


def _swap_prefix(path: str, old: str | None, new: str) -> str:
    if old is None:
        return f"/{new}{path}" if path.startswith("/") else f"/{new}/"
    return f"/{new}/{path[len(old) + 2 :]}"


def _version_in(page: Page, language: str) -> Page | None:
    """The live version of ``page`` for a reader in ``language``: for a text that says its
    language (notes, events), the translation written in it; for an editorial page, its
    translation in that language's tree."""
    from events.models import ConsultationPage, EventPage
    from knowledge.models import PracticeNotePage

    page = page.specific
    translations = page.get_translations(inclusive=False).live()
    if isinstance(page, PracticeNotePage | EventPage | ConsultationPage):
        return translations.filter(language=language).order_by("pk").first()
    locale = Locale.objects.filter(language_code=language).first()
    return translations.filter(locale=locale).first() if locale is not None else None


def _wagtail_page_path(request: HttpRequest, route: str, language: str) -> str | None:
    """The path of the same Wagtail page in ``language``, when the page has a translation.

    ``route`` is the page's path below the language prefix, as Wagtail's serve view gets it.
    """
    page = Page.find_for_request(request, route)
    if page is None:
        return None
    translated = _version_in(page, language)
    if translated is None:
        return None
    with translation.override(language):
        url = localized_url(translated, request)
    return urlsplit(url).path if url else None


def translated_path(request: HttpRequest, next_url: str, language: str) -> str:
    """``next_url`` (a path on this site) as it reads in ``language``, query kept."""
    parts = urlsplit(next_url)
    path = parts.path or "/"
    current = translation.get_language_from_path(path)
    if current == language:
        return next_url
    new_path = None
    if current is not None:
        with translation.override(current):
            try:
                match = resolve(path)
            except Resolver404:
                match = None
            if match is not None and match.url_name == "wagtail_serve":
                new_path = _wagtail_page_path(request, match.args[0], language)
            elif match is not None:
                translated = translate_url(path, language)
                new_path = translated if translated != path else None
    if new_path is None:
        new_path = _swap_prefix(path, current, language)
    return urlunsplit(("", "", new_path, parts.query, parts.fragment))
