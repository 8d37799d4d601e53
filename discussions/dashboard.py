"""The discussions app's dashboard panel: active threads the member may read, unread count."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from discussions import access, selectors
from discussions.selectors import dashboard_panel


@hooks.register("register_dashboard_panel", order=40)
def threads_panel(user: Any) -> dict | None:
    # active_threads: threads_visible_to(user), the discussions access rule.
    return dashboard_panel(user=user)


# The secretariat's dashboard shows this many flagged posts; the admin's queue has them all.
QUEUE_PREVIEW = 5


@hooks.register("register_secretariat_panel", order=20)
def flagged_posts_queue(user: Any) -> dict | None:
    if not access.can_moderate(user):
        return None
    queue = selectors.moderation_queue()
    return {
        "template": "discussions/secretariat_queue.html",
        "count": queue.count(),
        "posts": list(queue[:QUEUE_PREVIEW]),
    }
