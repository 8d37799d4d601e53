"""The evaluation's part of the member's dashboard: evaluations and pre-tests awaiting them."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from events import evaluation


@hooks.register("register_dashboard_deadlines")
def evaluation_deadlines(user: Any) -> list[dict[str, Any]]:
    return evaluation.dashboard_items(user=user)
