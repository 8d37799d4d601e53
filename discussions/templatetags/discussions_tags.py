from django import template
from django.utils.html import conditional_escape, format_html

from discussions import access, selectors
from discussions.models import Topic

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_unread_count(context) -> int:
    return selectors.unread_notification_count(user=context["request"].user)


@register.inclusion_tag("discussions/page_discussions.html", takes_context=True)
def page_discussions(context, page, limit: int = 5):
    """For page templates: "Discuss this" and the latest threads on ``page``.

    Include with ``{% load discussions_tags %}{% page_discussions page %}``.
    """
    user = context["request"].user
    if not user.is_authenticated or page is None or not page.pk:
        return {"show": False}
    threads = list(selectors.thread_list(user=user, page=page)[:limit])
    return {
        "show": True,
        "page": page,
        "threads": threads,
        "can_start": access.can_start_thread_in(user, page=page),
    }


@register.filter
def topic_name(topic: Topic) -> str:
    """The topic's name in the interface language, marked ``lang="en"`` (WCAG 3.1.2) where it
    falls back to the English name."""
    if topic.label_lang:
        return format_html('<span lang="{}">{}</span>', topic.label_lang, topic.label)
    return conditional_escape(topic.label)


@register.filter
def in_language(text, language: str):
    """``text`` marked as written in ``language`` when that is not the interface's, for text
    placed inside an interface sentence (a thread's title in a notification)."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    if not language or language == (get_language() or "").split("-")[0]:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)
