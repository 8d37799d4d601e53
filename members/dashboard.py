"""The members app's dashboard panel: finishing one's profile, and invitations in flight."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from members.selectors import dashboard_panel


@hooks.register("register_dashboard_panel", order=30)
def profile_panel(user: Any) -> dict | None:
    return dashboard_panel(user=user)
