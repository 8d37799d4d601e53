"""Reads for the member's dashboard. Each app contributes panels through ``DASHBOARD_PANELS``."""

from __future__ import annotations

from importlib import import_module

# "module:function" entries, in display order. Each function takes ``user=`` and returns a
# panel dict with at least "template" (included with the dict as ``panel``), or None to show
# nothing. Apps add theirs as they grow panels (new practices, upcoming events, threads).
DASHBOARD_PANELS: list[str] = []
DASHBOARD_PANELS.append("events.selectors:dashboard_panel")
DASHBOARD_PANELS.append("knowledge.selectors:new_practices_panel")
DASHBOARD_PANELS.append("members.selectors:dashboard_panel")
DASHBOARD_PANELS.append("discussions.selectors:dashboard_panel")


def dashboard_for(*, user) -> dict:
    panels = []
    for path in DASHBOARD_PANELS:
        module_name, func_name = path.split(":")
        panel = getattr(import_module(module_name), func_name)(user=user)
        if panel:
            panels.append(panel)
    return {"panels": panels}
