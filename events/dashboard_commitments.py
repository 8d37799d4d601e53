"""The focal point's dashboard: their country's open commitments, and those coming due."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from events import selectors_commitments


@hooks.register("register_dashboard_panel", order=15)
def commitments_panel(user: Any) -> dict[str, Any] | None:
    return selectors_commitments.dashboard_panel(user=user)


@hooks.register("register_dashboard_deadlines")
def commitments_deadlines(user: Any) -> list[dict[str, Any]]:
    return selectors_commitments.deadlines(user=user)
