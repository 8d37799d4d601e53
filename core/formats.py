"""What Django's named formats cannot say, from CLDR through Babel: a date with its weekday,
a time zone's name, a number as the interface language writes it.

Plain dates go through Django's named formats (``config/formats/<lang>/formats.py``,
``|date:"DATE_FORMAT"``). A weekday changes a date's grammar in several of our languages
(Armenian puts it last, Azerbaijani after the year), which one Django pattern per language
cannot follow for every combination; CLDR's skeletons can.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Literal

from babel import Locale, dates, numbers
from django.utils import timezone
from django.utils.translation import get_language

# CLDR calls our interface languages by the same codes, except that our English is written
# as in the United Kingdom and international organisations: "Thursday, 10 December 2026".
_CLDR_LOCALES = {"en": "en_GB"}
# Babel 2.19 imports the daylight-saving variant of Russian's region format ("{0}, летнее
# время") as the generic one, so every zone would read as summer time; CLDR's generic format
# is the city alone.
_REGION_FORMATS = {"ru": "%s"}


def interface_locale() -> Locale:
    """The active interface language as a Babel locale (English when none is active)."""
    code = (get_language() or "en").split("-")[0]
    return _locale(_CLDR_LOCALES.get(code, code))


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(code)


@cache
def _skeleton_pattern(skeleton: str, code: str) -> str:
    """The CLDR pattern for a skeleton, with the weekday widened to its full name.

    CLDR lists skeletons such as ``MMMMEd`` only; ICU's pattern generator widens the fields to
    what was asked for, and Babel does not, so the weekday is widened here as ICU would."""
    locale = _locale(code)
    matched = dates.match_skeleton(skeleton, locale.datetime_skeletons)
    if matched is None:
        raise ValueError(f"CLDR has no pattern for {skeleton!r} in {code!r}")
    pattern = locale.datetime_skeletons[matched].pattern
    if "EEEE" in skeleton:
        pattern = _outside_quotes(
            pattern, lambda text: re.sub(r"(?<!E)E{1,3}(?!E)|(?<!c)c{1,3}(?!c)", "EEEE", text)
        )
    return pattern


def _outside_quotes(pattern: str, change) -> str:
    parts = re.split(r"('(?:[^']|'')*')", pattern)
    return "".join(part if part.startswith("'") else change(part) for part in parts)


def _day(value: datetime | date) -> date:
    """The calendar day of a moment in its own zone (the template filters receive aware
    moments already in the zone the page shows; a naive one is read in the active zone)."""
    if isinstance(value, datetime):
        return (timezone.make_aware(value) if timezone.is_naive(value) else value).date()
    return value


def weekday_date(value: datetime | date, *, year: bool = True) -> str:
    """'Thursday, 10 December 2026' as the interface language writes it (ru 'четверг,
    10 декабря 2026 г.', hy '2026 թ. դեկտեմբերի 10, հինգշաբթի')."""
    locale = interface_locale()
    skeleton = "yMMMMEEEEd" if year else "MMMMEEEEd"
    pattern = _skeleton_pattern(skeleton, str(locale))
    return dates.format_date(_day(value), pattern, locale=locale)


def month_label(key: str) -> str:
    """A month of a chart, "2026-12", as the language abbreviates it: "Dec 2026", ru
    "дек. 2026 г.", hy "2026 թ. դեկ."."""
    locale = interface_locale()
    year, month = (int(part) for part in key.split("-"))
    pattern = _skeleton_pattern("yMMM", str(locale))
    return dates.format_date(date(year, month, 1), pattern, locale=locale)


DayWidth = Literal["abbreviated", "narrow", "short", "wide"]
DAY_WIDTHS: tuple[DayWidth, ...] = ("abbreviated", "narrow", "short", "wide")


def weekday_name(value: datetime | date, *, width: str = "wide") -> str:
    """The weekday alone, standalone form ('Thursday', 'четверг'; width 'abbreviated': 'чт')."""
    locale = interface_locale()
    widths: dict[str, DayWidth] = {name: name for name in DAY_WIDTHS}
    if width not in widths:
        raise ValueError(f"no weekday width {width!r}; one of {DAY_WIDTHS}")
    names = dates.get_day_names(widths[width], context="stand-alone", locale=locale)
    return names[_day(value).weekday()]


@cache
def _zone_label(name: str, code: str) -> str:
    locale = _locale(code)
    city = dates.get_timezone_location(name, locale=locale, return_city=True)
    region = _REGION_FORMATS.get(locale.language, locale.zone_formats["region"])
    return region % city


def zone_label(name: str) -> str:
    """A time zone named as the interface language names it, by its city, in CLDR's wording:
    'Tbilisi Time', ru 'Тбилиси', ka 'დრო: თბილისი', ro 'Ora din Tbilisi'. UTC is 'UTC'."""
    if name in ("UTC", "Etc/UTC"):
        return "UTC"
    return _zone_label(name, str(interface_locale()))


@cache
def _zone_choices(code: str) -> list[tuple[str, str]]:
    names = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})
    labelled = [(name, f"{_zone_label(name, code)} ({name.replace('_', ' ')})") for name in names]
    return labelled


def zone_choices() -> list[tuple[str, str]]:
    """Every IANA time zone, labelled in the interface language with its identifier beside the
    name (two zones share a city name in some languages), in the order of the identifiers so
    that a region's zones stay together."""
    return _zone_choices(str(interface_locale()))


def number(value: int | float | Decimal, *, digits: int | None = None) -> str:
    """A number members read, with the interface language's separators (ru '1 234,5',
    ro '1.234,5', en '1,234.5'). Never for URLs, ids, form values or attributes."""
    locale = interface_locale()
    if digits is None:
        return numbers.format_decimal(value, locale=locale)
    return numbers.format_decimal(
        value, format=f"#,##0.{'0' * digits}" if digits else "#,##0", locale=locale
    )
