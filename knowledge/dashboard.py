"""The knowledge app's dashboard panel: new and updated practices the member may read."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from knowledge.selectors import new_practices_panel


@hooks.register("register_dashboard_panel", order=20)
def practices_panel(user: Any) -> dict | None:
    # visible_notes: the member's tiers and the pages' privacy rules (core.access).
    return new_practices_panel(user=user)
