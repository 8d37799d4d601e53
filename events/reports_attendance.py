"""The donor report's attendance section: who came to the events held in the period."""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Figure, Period, ReportSection, Table
from events import selectors_attendance


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def attendance_section(period: Period) -> ReportSection:
    """Per kind of event held in the period: confirmed places, attended, no-shows and the
    no-show rate (of the places whose attendance was recorded)."""
    rows = selectors_attendance.attendance_by_kind(
        starts_at=period.starts_at, ends_before=period.ends_before
    )
    registered = sum(r["registered"] for r in rows)
    attended = sum(r["attended"] for r in rows)
    absent = sum(r["absent"] for r in rows)
    return ReportSection(
        key="attendance",
        title=_("Attendance"),
        order=30,
        figures=[
            Figure(_("Confirmed places at events held"), registered),
            Figure(_("Attended"), attended),
            Figure(_("No-show rate (%)"), _rate(absent, attended + absent)),
        ],
        tables=[
            Table(
                key="attendance_by_kind",
                caption=_("Attendance by kind of event"),
                columns=[
                    _("Kind of event"),
                    _("Events"),
                    _("Registered"),
                    _("Attended"),
                    _("Did not attend"),
                    _("Not recorded"),
                    _("No-show rate (%)"),
                ],
                rows=[
                    [
                        r["label"],
                        r["events"],
                        r["registered"],
                        r["attended"],
                        r["absent"],
                        r["unrecorded"],
                        _rate(r["absent"], r["attended"] + r["absent"]),
                    ]
                    for r in rows
                ],
                note=_(
                    "Registered: confirmed places. The no-show rate counts the places whose "
                    "attendance was recorded."
                ),
            )
        ],
    )
