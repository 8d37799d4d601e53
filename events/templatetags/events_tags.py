from __future__ import annotations

from django import template

from core.links import localized_url

register = template.Library()


@register.simple_tag(takes_context=True)
def event_link(context, page) -> str:
    return localized_url(page, context.get("request"))
