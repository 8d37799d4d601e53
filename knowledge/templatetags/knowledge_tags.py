from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.links import localized_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_link(context, page) -> str:
    return localized_url(page, context.get("request"))


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
