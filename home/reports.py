"""The donor report: what the platform did in a period, gathered from every app's section.

The report names no app: each registers its section with the hook in ``core.reports``. This
module reads the period the secretariat asked for, collects the sections in their order, and
writes them as a workbook; the views show the same sections as a page and a PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Cell, Period, ReportSection, Table
from core.table_charts import table_chart

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The period of a report, from its first to its last day (both included); sent by GET."""

    start = forms.DateField(
        label=gettext_lazy("From"),
        widget=DateInput(),
        error_messages={
            "required": gettext_lazy("Enter the first day of the period."),
            "invalid": gettext_lazy("Enter the first day as a date, for example 2026-01-31."),
        },
    )
    end = forms.DateField(
        label=gettext_lazy("To (included)"),
        widget=DateInput(),
        error_messages={
            "required": gettext_lazy("Enter the last day of the period."),
            "invalid": gettext_lazy("Enter the last day as a date, for example 2026-06-30."),
        },
    )

    def _clean_day(self, name: str) -> dt.date:
        day: dt.date = self.cleaned_data[name]
        if not EARLIEST <= day <= LATEST:
            raise forms.ValidationError(_("Enter a date between the years 2000 and 2099."))
        return day

    def clean_start(self) -> dt.date:
        return self._clean_day("start")

    def clean_end(self) -> dt.date:
        return self._clean_day("end")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last day must be on or after the first day."))
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


@dataclass(frozen=True)
class Preset:
    label: str
    period: Period


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_presets(today: dt.date) -> list[Preset]:
    """The periods donors usually ask about, ending on or before ``today``."""
    this_quarter = _quarter_start(today)
    last_quarter_end = this_quarter - dt.timedelta(days=1)
    year_ago = (
        today.replace(year=today.year - 1)
        if (today.month, today.day) != (2, 29)
        else (dt.date(today.year - 1, 2, 28))
    )
    return [
        Preset(_("Last quarter"), Period(_quarter_start(last_quarter_end), last_quarter_end)),
        Preset(_("This year so far"), Period(dt.date(today.year, 1, 1), today)),
        Preset(
            _("Last year"), Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
        ),
        Preset(_("Last 12 months"), Period(year_ago + dt.timedelta(days=1), today)),
    ]


def default_period(today: dt.date) -> Period:
    return Period(dt.date(today.year, 1, 1), today)


def report_sections(period: Period) -> list[ReportSection]:
    """Every registered section for ``period``, in the order the sections ask for."""
    sections = [section_for(period) for section_for in hooks.get_hooks(DONOR_REPORT_SECTION_HOOK)]
    return sorted(sections, key=lambda section: (section.order, section.key))


@dataclass(frozen=True)
class ShownTable:
    table: Table
    uid: str
    chart: str

    @property
    def numeric(self) -> list[bool]:
        """Which columns hold numbers (aligned right, like the figures in a printed report)."""
        return [
            index > 0 and all(isinstance(row[index], int | float | None) for row in self.table.rows)
            for index in range(len(self.table.columns))
        ]

    @property
    def header(self) -> list[tuple[str, bool]]:
        return list(zip(self.table.columns, self.numeric, strict=True))

    @property
    def cells(self) -> list[list[tuple[Cell, bool]]]:
        numeric = self.numeric
        return [list(zip(row, numeric, strict=False)) for row in self.table.rows]


@dataclass(frozen=True)
class ShownSection:
    section: ReportSection
    tables: list[ShownTable]

    @property
    def figures(self) -> list[tuple[str, Cell, bool]]:
        """Each headline figure with whether it is a number (written the language's way)."""
        return [
            (figure.label, figure.value, isinstance(figure.value, int | float))
            for figure in self.section.figures
        ]


def shown_sections(sections: list[ReportSection]) -> list[ShownSection]:
    """The sections with each table's chart drawn (same numbers as the table beside it)."""
    shown = []
    for section in sections:
        tables = []
        for table in section.tables:
            uid = f"chart-{section.key}-{table.key}"
            tables.append(ShownTable(table=table, uid=uid, chart=table_chart(table, uid=uid)))
        shown.append(ShownSection(section=section, tables=tables))
    return shown


# --- the workbook --------------------------------------------------------------------------

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_LIMIT = 31


def _safe(value: Cell) -> Cell:
    """Spreadsheets run cells that start like formulas; labels come from what members typed."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _sheet_name(caption: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", caption).strip() or "Sheet"
    name = base[:SHEET_NAME_LIMIT]
    number = 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


def _fit_columns(sheet, widest: dict[int, int]) -> None:
    for column, width in widest.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)


def report_workbook(
    *, period: Period, sections: list[ReportSection], generated_at: dt.datetime
) -> bytes:
    """The report as an XLSX workbook: a cover sheet with the period, the date it was made and
    each section's headline figures, then one sheet per table, headers in bold."""
    workbook = Workbook()
    for default_sheet in list(workbook.worksheets):  # a new workbook has one empty sheet
        workbook.remove(default_sheet)
    taken: set[str] = set()
    cover = workbook.create_sheet(_sheet_name(_("Report"), taken))
    bold = Font(bold=True)
    cover.append([_("Activity report")])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([_("From"), period.start])
    cover.append([_("To (included)"), period.end])
    cover.append([_("Generated"), timezone.localtime(generated_at).replace(tzinfo=None)])
    for line in (2, 3):
        cover.cell(row=line, column=2).number_format = "yyyy-mm-dd"
    cover.cell(row=4, column=2).number_format = "yyyy-mm-dd hh:mm"
    for line in (2, 3, 4):
        cover.cell(row=line, column=1).font = bold
    widest = {1: 20, 2: 16}
    for section in sections:
        cover.append([])
        cover.append([section.title])
        cover.cell(row=cover.max_row, column=1).font = bold
        for figure in section.figures:
            cover.append([_safe(figure.label), _safe(figure.value)])
            widest[1] = max(widest[1], len(figure.label))
    _fit_columns(cover, widest)
    for section in sections:
        for table in section.tables:
            sheet = workbook.create_sheet(_sheet_name(table.caption, taken))
            sheet.append([_safe(column) for column in table.columns])
            for cell in sheet[1]:
                cell.font = bold
            sheet.freeze_panes = "A2"
            widest = {i: len(str(c)) for i, c in enumerate(table.columns, start=1)}
            for row in table.rows:
                sheet.append([_safe(value) for value in row])
                for i, value in enumerate(row, start=1):
                    widest[i] = max(widest.get(i, 0), len("" if value is None else str(value)))
            if table.note:
                sheet.append([])
                sheet.append([table.note])
            _fit_columns(sheet, widest)
    body = io.BytesIO()
    workbook.save(body)
    return body.getvalue()
