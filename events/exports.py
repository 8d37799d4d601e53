"""Registrant and answer exports (secretariat only; the views check)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from events.models import Registration

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value) -> object:
    """Spreadsheets run cells that start like formulas; registrants type those fields."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _yes_no(value) -> str:
    if value is None:
        return ""
    return _("yes") if value else _("no")


def registrant_rows(registrations) -> tuple[list[str], list[list]]:
    header = [
        _("Position"),
        _("Name"),
        _("E-mail"),
        _("Country"),
        _("Status"),
        pgettext("date of registration, column heading", "Registered"),
        _("Accessibility needs"),
        _("Interpretation language"),
        _("Visa letter"),
        _("Dietary requirements"),
        pgettext("column heading", "Attended"),
    ]
    rows = []
    for r in registrations:
        registration: Registration = r
        rows.append(
            [
                registration.position,
                registration.user.get_full_name(),
                registration.user.email,
                registration.country.label if registration.country else "",
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                registration.accessibility_needs,
                registration.interpretation_language,
                _yes_no(registration.visa_letter),
                registration.dietary,
                _yes_no(registration.attended),
            ]
        )
    return header, rows


def to_csv(header, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    # A BOM lets spreadsheet programs read the Cyrillic and Georgian names as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    workbook = Workbook()
    for default_sheet in list(workbook.worksheets):  # a new workbook has one empty sheet
        workbook.remove(default_sheet)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def consultation_rows(consultation, responses) -> tuple[list[str], list[list]]:
    questions = list(consultation.questions.all())
    header = [_("Country"), _("Submitted by"), _("E-mail"), _("Status"), _("Submitted")]
    header += [q.text for q in questions]
    rows = []
    for response in responses:
        answers = {a.question_id: a.display for a in response.answers.all()}
        rows.append(
            [
                response.country.label if response.country else "",
                response.user.get_full_name() if response.user else "",
                response.user.email if response.user else "",
                response.get_status_display(),
                timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M")
                if response.submitted_at
                else "",
                *[answers.get(q.pk, "") for q in questions],
            ]
        )
    return header, rows
