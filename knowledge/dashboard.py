"""The knowledge app's dashboard parts: new and updated practices the member may read, the
writer's way in ("Write a practice note", "My notes"), reviews asked of the member, and the
secretariat's queue of notes awaiting approval."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from core.access import is_secretariat
from knowledge import selectors


@hooks.register("register_dashboard_panel", order=20)
def practices_panel(user: Any) -> dict | None:
    # visible_notes: the member's tiers and the pages' privacy rules (core.access).
    return selectors.new_practices_panel(user=user)


@hooks.register("register_dashboard_deadlines")
def review_deadlines(user: Any) -> list[dict[str, Any]]:
    return selectors.review_deadlines(user=user)


@hooks.register("register_secretariat_panel", order=10)
def approvals_queue(user: Any) -> dict | None:
    if not is_secretariat(user):
        return None
    count, notes = selectors.awaiting_review()
    return {"template": "knowledge/secretariat_queue.html", "count": count, "notes": notes}
