from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

LANGUAGE_PREFIXES = {f"/{code}/" for code, _name in settings.LANGUAGES}


@register.simple_tag(takes_context=True)
def page_link(context, page) -> str:
    """The page's URL in the reader's interface language.

    All pages live in one tree; Wagtail would prefix a page's own locale, switching a Russian
    reader's interface to English on every click.
    """
    url = page.get_url(context.get("request")) or ""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for prefix in LANGUAGE_PREFIXES:
        if url.startswith(prefix):
            return f"/{language}/{url[len(prefix) :]}"
    return url


@register.simple_tag
def document_link(document, title: str = "") -> str:
    if document is None:
        return ""
    details = ", ".join(part for part in (document.kind, document.size_display) if part)
    return format_html(
        '<a href="{}">{} <span class="document-link__meta">{} ({})</span></a>',
        document.url,
        title or document.title,
        _("download"),
        details,
    )


@register.filter
def language_name(code: str) -> str:
    return str(dict(settings.CONTENT_LANGUAGES).get(code, code))
