"""Dates said the way a person says them: "today", "tomorrow", "in 3 days", "2 days ago".

Counted in calendar days of the active time zone, so a deadline tonight is "today".
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


def days_between(value: datetime | date, today: date | None = None) -> int:
    day = timezone.localdate(value) if isinstance(value, datetime) else value
    return (day - (today or timezone.localdate())).days


@register.filter
def days_from_now(value: datetime | date | None) -> str:
    if value is None:
        return ""
    days = days_between(value)
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days > 1:
        return ngettext("in %(n)d day", "in %(n)d days", days) % {"n": days}
    return ngettext("%(n)d day ago", "%(n)d days ago", -days) % {"n": -days}
