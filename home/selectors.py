"""Reads for the member's dashboard: the panels the apps register, in their order.

Home sits above every app and names none of them: an app shows a panel by registering a
function with the Wagtail hook ``register_dashboard_panel`` (in its ``dashboard.py``, with an
``order``). The function takes the member and returns the panel, a dict whose "template" is
included with the dict as ``panel``, or None to show nothing. Each app reads its own lists
through the access layer.
"""

from __future__ import annotations

from typing import Any

from wagtail import hooks

DASHBOARD_PANEL_HOOK = "register_dashboard_panel"


def dashboard_for(*, user: Any) -> dict[str, list[dict[str, Any]]]:
    panels = []
    for panel_for in hooks.get_hooks(DASHBOARD_PANEL_HOOK):
        panel = panel_for(user)
        if panel:
            panels.append(panel)
    return {"panels": panels}
