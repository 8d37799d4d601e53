"""The donor report's parts: each app says what it did in a period.

The secretariat's report (home) sits above every app and names none of them. An app adds a
section by registering a function with the Wagtail hook ``register_donor_report_section`` (in
its ``reports.py``, imported by its ``wagtail_hooks.py``)::

    @hooks.register(DONOR_REPORT_SECTION_HOOK)
    def requests_section(period: Period) -> ReportSection:
        ...

The function counts what happened in ``period`` for the whole platform (the report is the
secretariat's: it sees every tier) and returns a :class:`ReportSection`: headline figures,
tables (each shown as a table, as a chart where ``chart`` is given, and as a sheet of the XLSX
workbook). Counts of people by a personal trait (gender) hide groups under ``SMALLEST_GROUP``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings

DONOR_REPORT_SECTION_HOOK = "register_donor_report_section"
SMALLEST_GROUP = 5

Cell = str | int | float | None


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included, in the platform's time zone."""

    start: dt.date
    end: dt.date

    @property
    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def ends_before(self) -> dt.datetime:
        """The first instant after the period (filter with ``__lt``)."""
        day_after = self.end + dt.timedelta(days=1)
        return dt.datetime.combine(day_after, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


@dataclass(frozen=True)
class Table:
    """A table of the report: ``columns`` name the cells of each row; the first is the label.

    ``chart`` is "bars" for a bar chart of the second column by the first, "stacked" for one
    bar per row stacked by the other columns, or None for a table alone.
    """

    key: str
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    chart: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Figure:
    label: str
    value: Cell


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    order: int
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def hide_small_groups(counts: dict[str, int], hidden_label: str) -> dict[str, int]:
    """``counts`` with every group of 1 to 4 people merged into ``hidden_label``; while that
    merged group is itself under 5, the next smallest group joins it, so no group under 5 (nor
    one that can be worked out by subtraction from the total) is shown."""
    shown = {label: n for label, n in counts.items() if n}
    merged = 0
    for label in [label for label, n in shown.items() if n < SMALLEST_GROUP]:
        merged += shown.pop(label)
    while 0 < merged < SMALLEST_GROUP and shown:
        smallest = min(shown, key=lambda label: shown[label])
        merged += shown.pop(smallest)
    if merged:
        shown[hidden_label] = merged
    return shown
