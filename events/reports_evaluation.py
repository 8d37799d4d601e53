"""The donor report's evaluation section: trainings' evaluation, test gains, certificates."""

from __future__ import annotations

from django.db.models import Avg
from django.utils.translation import gettext as _
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Figure, Period, ReportSection, Table
from events import evaluation
from events.models import Certificate, EvaluationAnswer, EventKind, EventPage


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def evaluation_section(period: Period) -> ReportSection:
    trainings = (
        EventPage.objects.live()
        .filter(
            kind=EventKind.TRAINING,
            cancelled=False,
            ends_at__gte=period.starts_at,
            ends_at__lt=period.ends_before,
        )
        .order_by("starts_at")
    )
    rows = []
    gains = []
    for event in trainings:
        results = evaluation.results_for(event=event)
        mean_rating = None
        if results.shown:
            mean_rating = EvaluationAnswer.objects.filter(
                response__event_id=event.pk, rating__isnull=False
            ).aggregate(mean=Avg("rating"))["mean"]
        if results.gain is not None:
            gains.append(results.gain)
        rows.append(
            [
                event.title,
                results.attended,
                results.responses,
                _round(results.rate),
                _round(mean_rating, 2),
                _round(results.pre_mean),
                _round(results.post_mean),
                _round(results.gain),
                Certificate.objects.filter(registration__event_id=event.pk).count(),
            ]
        )
    issued = Certificate.objects.filter(
        issued_at__gte=period.starts_at, issued_at__lt=period.ends_before
    )
    return ReportSection(
        key="evaluation",
        title=_("Trainings: evaluation, learning and certificates"),
        order=40,
        figures=[
            Figure(_("Trainings held"), len(rows)),
            Figure(_("Certificates issued"), issued.count()),
            Figure(
                _("Average gain from pre-test to post-test (percentage points)"),
                _round(sum(gains) / len(gains)) if gains else None,
            ),
        ],
        tables=[
            Table(
                key="trainings_evaluation",
                caption=_("Evaluation of each training"),
                columns=[
                    _("Training"),
                    _("Participants who attended"),
                    _("Responses"),
                    _("Response rate (%)"),
                    _("Mean rating (1–5)"),
                    _("Pre-test average score (%)"),
                    _("Post-test average score (%)"),
                    _("Gain (percentage points)"),
                    _("Certificates issued"),
                ],
                rows=rows,
                note=_(
                    "Ratings and scores are left empty for trainings with fewer than three "
                    "responses, which could tell whose answers they are."
                ),
            )
        ],
    )
