"""Dates said the way a person says them: "today", "tomorrow", "in 3 days", "2 days ago"
(counted in calendar days of the active time zone, so a deadline tonight is "today"); dates with
their weekday, time zones and numbers in the interface language.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import formats

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


# --- Dates, times, zones and numbers in the interface language ----------------------------
# Plain dates use Django's named formats (|date:"DATE_FORMAT", config/formats/); these filters
# cover what one Django pattern per language cannot: a weekday (CLDR's skeletons), a time
# zone's name and numbers (CLDR through Babel, core/formats.py).
_WEEKDAY_FORMS = {"": True, "month_day": False}


@register.filter(expects_localtime=True)
def weekday_date(value: datetime | date | None, form: str = "") -> str:
    """``{{ day|weekday_date }}`` "Thursday, 10 December 2026" (ru "четверг, 10 декабря
    2026 г."); ``{{ day|weekday_date:"month_day" }}`` without the year."""
    if value is None:
        return ""
    if form not in _WEEKDAY_FORMS:
        raise template.TemplateSyntaxError(f"weekday_date takes '' or 'month_day', not {form!r}")
    return formats.weekday_date(value, year=_WEEKDAY_FORMS[form])


@register.filter(expects_localtime=True)
def weekday_name(value: datetime | date | None, width: str = "wide") -> str:
    """``{{ day|weekday_name }}`` "Thursday"; ``{{ day|weekday_name:"abbreviated" }}`` "Thu"."""
    if value is None:
        return ""
    if width not in ("wide", "abbreviated", "short"):
        raise template.TemplateSyntaxError(f"weekday_name takes a CLDR width, not {width!r}")
    return formats.weekday_name(value, width=width)


@register.filter
def zone_name(value: str | None) -> str:
    """``{{ event.timezone|zone_name }}``: "Asia/Tbilisi" as the interface language names it
    ("Tbilisi Time", ru "Тбилиси")."""
    if not value:
        return ""
    return formats.zone_label(str(value))


@register.filter(expects_localtime=True)
def datetime_zone(value: datetime | None) -> str:
    """A moment in the active time zone with the zone's name: "10 December 2026, 14:30
    (Tbilisi Time)"."""
    if value is None:
        return ""
    zone = timezone.get_current_timezone_name()
    return f"{date_format(value, 'DATETIME_FORMAT')} ({formats.zone_label(zone)})"


@register.filter
def number(value: int | float | Decimal | None, digits: int | None = None) -> str:
    """A count or figure members read, with the language's separators (ru "1 234", ro
    "1.234", en "1,234"). Never in URLs, ids, form values or attributes."""
    if value is None or value == "":
        return ""
    return formats.number(value, digits=digits)
