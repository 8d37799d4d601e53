"""The events app's dashboard parts: the member's upcoming events and consultations, their
deadlines, and the secretariat's queue of registrations awaiting approval with the
participation charts; each list read through the access layer (``selectors``)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from events import access, charts, selectors


@hooks.register("register_dashboard_panel", order=10)
def events_panel(user: Any) -> dict[str, Any]:
    return selectors.dashboard_panel(user=user)


@hooks.register("register_dashboard_deadlines")
def events_deadlines(user: Any) -> list[dict[str, Any]]:
    return selectors.upcoming_deadlines(user=user)


@hooks.register("register_secretariat_panel", order=30)
def registrations_queue(user: Any) -> dict[str, Any] | None:
    if not access.can_manage_events(user):
        return None
    count, first = selectors.registrations_awaiting_approval()
    return {"template": "events/secretariat_queue.html", "count": count, "registrations": first}


@hooks.register("register_secretariat_panel", order=90)
def participation(user: Any) -> dict[str, Any] | None:
    if not access.can_manage_events(user):
        return None
    return {
        "template": "events/secretariat_charts.html",
        "charts": charts.participation_charts(viewer=user),
    }
