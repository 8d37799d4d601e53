"""Needs and requests on the dashboards: the member's own requests and their states, and the
secretariat's queue of new requests."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from knowledge import access_requests as access
from knowledge import selectors_requests as selectors


@hooks.register("register_dashboard_panel", order=25)
def requests_panel(user: Any) -> dict[str, Any] | None:
    return selectors.dashboard_panel(user=user)


@hooks.register("register_secretariat_panel", order=15)
def requests_queue(user: Any) -> dict[str, Any] | None:
    if not access.can_triage(user):
        return None
    return {
        "template": "knowledge/requests/secretariat_queue.html",
        "count": selectors.new_requests_count(),
    }
