from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_unread_count(context) -> int:
    from discussions.selectors import unread_notification_count

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return 0
    return unread_notification_count(user=user)


@register.inclusion_tag("discussions/page_discussions.html", takes_context=True)
def page_discussions(context, page, limit: int = 5):
    """For page templates: "Discuss this" and the latest threads on ``page``.

    Include with ``{% load discussions_tags %}{% page_discussions page %}``.
    """
    from discussions import access, selectors

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None or not page.pk:
        return {"show": False}
    threads = list(selectors.thread_list(user=user, page=page)[:limit])
    return {
        "show": True,
        "page": page,
        "threads": threads,
        "can_start": access.can_start_thread_in(user, page=page),
    }
