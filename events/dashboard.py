"""The events app's dashboard panel: the member's upcoming events and the consultations
waiting for their answer, each list read through the access layer (``selectors``)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from events import selectors


@hooks.register("register_dashboard_panel", order=10)
def events_panel(user: Any) -> dict[str, Any]:
    return selectors.dashboard_panel(user=user)
