"""The participant's check-in code and visa letter on the event page (one include there)."""

from __future__ import annotations

from django import template

from events import selectors_attendance

register = template.Library()


@register.inclusion_tag("events/attendance/participant_panel.html", takes_context=True)
def attendance_panel(context) -> dict:
    request = context["request"]
    return selectors_attendance.participant_panel(
        event=context["page"], registration=context.get("registration"), user=request.user
    )
