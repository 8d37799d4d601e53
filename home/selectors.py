"""Reads for the member's dashboard and the secretariat's: what the apps register, in order.

Home sits above every app and names none of them. An app shows:
- a panel on the member's dashboard by registering a function with the Wagtail hook
  ``register_dashboard_panel`` (in its ``dashboard.py``, with an ``order``). The function takes
  the member and returns the panel, a dict whose "template" is included with the dict as
  ``panel``, or None to show nothing;
- deadlines in the dashboard's "Upcoming deadlines" with ``register_dashboard_deadlines``: a
  function of the member returning dicts with "when" (a datetime), "kind", "title", "url" and,
  for things asked of the member some time ago rather than due, "since": True;
- a work queue on the secretariat's dashboard with ``register_secretariat_panel``, a function
  of the member returning a panel as above (or None).
Each app reads its own lists through the access layer.
"""

from __future__ import annotations

from typing import Any

from wagtail import hooks

DASHBOARD_PANEL_HOOK = "register_dashboard_panel"
DEADLINES_HOOK = "register_dashboard_deadlines"
SECRETARIAT_PANEL_HOOK = "register_secretariat_panel"


def _panels(hook: str, user: Any) -> list[dict[str, Any]]:
    panels = []
    for panel_for in hooks.get_hooks(hook):
        panel = panel_for(user)
        if panel:
            panels.append(panel)
    return panels


def dashboard_for(*, user: Any) -> dict[str, Any]:
    deadlines = [item for items_for in hooks.get_hooks(DEADLINES_HOOK) for item in items_for(user)]
    # Things asked of the member (reviews) first, oldest first; then what is due, soonest first.
    deadlines.sort(key=lambda item: (not item.get("since", False), item["when"]))
    return {"panels": _panels(DASHBOARD_PANEL_HOOK, user), "deadlines": deadlines}


def secretariat_dashboard_for(*, user: Any) -> dict[str, Any]:
    return {"panels": _panels(SECRETARIAT_PANEL_HOOK, user)}
