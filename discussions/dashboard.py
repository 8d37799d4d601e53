"""The discussions app's dashboard panel: active threads the member may read, unread count."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from discussions.selectors import dashboard_panel


@hooks.register("register_dashboard_panel", order=40)
def threads_panel(user: Any) -> dict | None:
    # active_threads: threads_visible_to(user), the discussions access rule.
    return dashboard_panel(user=user)
