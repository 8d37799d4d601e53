"""Reads for the member's dashboard. Each app contributes a panel through ``DASHBOARD_PANELS``."""

from __future__ import annotations

from importlib import import_module

# "module:function" entries; each returns a dict merged into the dashboard context. Apps add
# theirs here as they grow panels (new practices, upcoming events, active threads).
DASHBOARD_PANELS: list[str] = []


def dashboard_for(*, user) -> dict:
    panels: dict = {}
    for path in DASHBOARD_PANELS:
        module_name, func_name = path.split(":")
        panels.update(getattr(import_module(module_name), func_name)(user=user))
    return panels
