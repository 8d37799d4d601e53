"""Evaluation of events: who may answer, answering, results and invitations.

Anonymity: the secretariat sees only aggregates, and only once ``MIN_RESPONSES`` people have
answered: with one or two answers, the list of who has submitted (which the secretariat needs
for the certificates) would tell whose answers they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import charts
from events.models import (
    EvaluationAnswer,
    EvaluationPhase,
    EvaluationQuestion,
    EvaluationQuestionKind,
    EvaluationResponse,
    EvaluationSubmission,
    EventPage,
    Registration,
    RegistrationStatus,
    SentEmail,
    SentEmailKind,
)

MIN_RESPONSES = 3
Kind = EvaluationQuestionKind
Phase = EvaluationPhase


class AlreadySubmitted(Exception):
    """The registration has answered this phase already."""


# --- questions --------------------------------------------------------------------------------


def questions_for(*, event: EventPage, phase: str) -> list[EvaluationQuestion]:
    """The pre-test asks the test questions; the evaluation asks everything."""
    questions = EvaluationQuestion.objects.filter(page_id=event.pk).order_by("sort_order", "pk")
    if phase == Phase.PRE:
        questions = questions.filter(kind=Kind.TEST)
    return list(questions)


def has_test(event: EventPage) -> bool:
    return EvaluationQuestion.objects.filter(page_id=event.pk, kind=Kind.TEST).exists()


# --- access -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Openness:
    allowed: bool
    reason: str | Promise = ""


def _registration(user, event: EventPage) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event_id=event.pk, user=user).first()


def can_answer(
    user, event: EventPage, phase: str, *, registration: Registration | None = None, now=None
) -> Openness:
    """Whether ``user`` may answer ``phase`` of ``event`` now, and why not.

    The pre-test: confirmed participants, before the event starts. The evaluation: those the
    secretariat marked as attended, once the event has ended. Each once.
    """
    now = now or timezone.now()
    registration = registration or _registration(user, event)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return Openness(False, gettext_lazy("Only the event's participants answer."))
    if not questions_for(event=event, phase=phase):
        return Openness(False, gettext_lazy("This event has no questions to answer."))
    if phase == Phase.PRE:
        if now >= event.starts_at:
            return Openness(False, gettext_lazy("The pre-test closed when the event started."))
    else:
        if now < event.ends_at:
            return Openness(False, gettext_lazy("The evaluation opens when the event ends."))
        if registration.attended is not True:
            return Openness(False, gettext_lazy("The evaluation is for participants who attended."))
    if EvaluationSubmission.objects.filter(registration=registration, phase=phase).exists():
        return Openness(False, gettext_lazy("You have already answered. Thank you."))
    return Openness(True)


def can_see_results(user) -> bool:
    from events import access

    return access.can_manage_events(user)


# --- answering --------------------------------------------------------------------------------


def evaluation_submit(
    *, registration: Registration, phase: str, answers: dict[str, Any]
) -> EvaluationSubmission:
    """Record that ``registration`` answered ``phase``, and the answers, unlinked.

    ``answers`` maps ``q<question id>`` to a rating (int), a text or an option number (int).
    The registration's row is locked so that a double submit records one answer.
    """
    event = registration.event
    questions = questions_for(event=event, phase=phase)
    with transaction.atomic():
        Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if EvaluationSubmission.objects.filter(registration=registration, phase=phase).exists():
            raise AlreadySubmitted
        response = EvaluationResponse(event_id=event.pk, phase=phase)
        rows = []
        score = total = 0
        for question in questions:
            value = answers.get(f"q{question.pk}")
            answer = EvaluationAnswer(response=response, question=question)
            if question.kind == Kind.RATING:
                answer.rating = value
            elif question.kind == Kind.TEXT:
                answer.text = (value or "").strip()
                if not answer.text:
                    continue
            else:
                answer.choice = value
                answer.correct = value == question.correct_option
                total += 1
                score += int(bool(answer.correct))
            rows.append(answer)
        if total:
            response.score, response.test_total = score, total
        passed = None
        if phase == Phase.POST and total and event.evaluation_pass_mark is not None:
            passed = 100 * score >= event.evaluation_pass_mark * total
        try:
            submission = EvaluationSubmission.objects.create(
                registration=registration, phase=phase, passed=passed
            )
        except IntegrityError as exc:
            raise AlreadySubmitted from exc
        response.save()
        EvaluationAnswer.objects.bulk_create(rows)
    return submission


def submission_of(registration: Registration | None, phase: str) -> EvaluationSubmission | None:
    if registration is None:
        return None
    return EvaluationSubmission.objects.filter(registration=registration, phase=phase).first()


def participant_state(*, user, event: EventPage, now=None) -> dict[str, Any]:
    """What the event page and the dashboard show a participant about evaluation and certificate."""
    from events import certificates

    registration = _registration(user, event)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return {}
    pre = can_answer(user, event, Phase.PRE, registration=registration, now=now)
    post = can_answer(user, event, Phase.POST, registration=registration, now=now)
    post_done = submission_of(registration, Phase.POST)
    return {
        "registration": registration,
        "event": event,
        "pre_open": pre.allowed,
        "pre_done": submission_of(registration, Phase.PRE) is not None,
        "post_open": post.allowed,
        "post_done": post_done,
        "certificate": certificates.eligibility(registration),
    }


# --- results ----------------------------------------------------------------------------------


@dataclass
class RatingResult:
    question: EvaluationQuestion
    counts: list[int]
    mean: float | None
    chart: str = ""


@dataclass
class Results:
    event: EventPage
    attended: int
    responses: int
    pre_responses: int
    shown: bool
    ratings: list[RatingResult] = field(default_factory=list)
    texts: list[tuple[EvaluationQuestion, list[str]]] = field(default_factory=list)
    pre_mean: float | None = None
    post_mean: float | None = None
    passed: int | None = None

    @property
    def rate(self) -> float | None:
        return 100 * self.responses / self.attended if self.attended else None

    @property
    def gain(self) -> float | None:
        if self.pre_mean is None or self.post_mean is None:
            return None
        return self.post_mean - self.pre_mean


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def rating_bars(*, title: str, counts: list[int], uid: str) -> str:
    """A bar for each rating from 1 to 5 (events/charts style: escaped, titled, palette)."""
    from django.utils.html import escape

    width, height, left, bottom, top = 480, 200, 30, 28, 18
    plot_h = height - bottom - top
    peak = max(counts or [0]) or 1
    slot = (width - left - 8) / 5
    bar_w = slot * 0.6
    axis = 'font-size="11" fill="#1b1f24"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-title" class="chart">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" '
        'stroke="#4a5360"/>',
    ]
    for i, value in enumerate(counts):
        x = left + i * slot + (slot - bar_w) / 2
        h = plot_h * value / peak
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" '
            f'height="{h:.1f}" fill="{charts.PALETTE[0]}"/>'
        )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h - h - 3:.1f}" text-anchor="middle" '
            f"{axis}>{value}</text>"
        )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
            f"{axis}>{i + 1}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def results_for(*, event: EventPage) -> Results:
    """The aggregate of an event's answers; the details only from ``MIN_RESPONSES`` answers."""
    from django.utils.safestring import mark_safe

    attended = Registration.objects.filter(event_id=event.pk, attended=True).count()
    responses = list(EvaluationResponse.objects.filter(event_id=event.pk))
    post = [r for r in responses if r.phase == Phase.POST]
    pre = [r for r in responses if r.phase == Phase.PRE]
    results = Results(
        event=event,
        attended=attended,
        responses=len(post),
        pre_responses=len(pre),
        shown=len(post) >= MIN_RESPONSES,
    )
    if not results.shown:
        return results
    answers = list(
        EvaluationAnswer.objects.filter(response__event_id=event.pk, response__phase=Phase.POST)
        # Random keys: the order says nothing about who answered when.
        .order_by("id")
    )
    for question in questions_for(event=event, phase=Phase.POST):
        mine = [a for a in answers if a.question_id == question.pk]
        if question.kind == Kind.RATING:
            counts = [sum(1 for a in mine if a.rating == n) for n in range(1, 6)]
            ratings = [a.rating for a in mine if a.rating]
            results.ratings.append(
                RatingResult(
                    question=question,
                    counts=counts,
                    mean=_mean([float(r) for r in ratings]),
                    chart=mark_safe(  # noqa: S308 -- every label escaped in rating_bars
                        rating_bars(title=question.text, counts=counts, uid=f"rating-{question.pk}")
                    ),
                )
            )
        elif question.kind == Kind.TEXT:
            results.texts.append((question, [a.text for a in mine if a.text]))
    post_scores = [p for r in post if (p := r.percent) is not None]
    results.post_mean = _mean(post_scores)
    if len(pre) >= MIN_RESPONSES:
        results.pre_mean = _mean([p for r in pre if (p := r.percent) is not None])
    if event.evaluation_pass_mark is not None and post_scores:
        results.passed = EvaluationSubmission.objects.filter(
            registration__event_id=event.pk, phase=Phase.POST, passed=True
        ).count()
    return results


def results_xlsx(results: Results) -> bytes:
    """The aggregate and the anonymous answers: no name, no time, rows in random order."""
    from openpyxl import Workbook

    from events.exports import _safe

    book = Workbook()
    summary = book.worksheets[0]
    summary.title = _("Summary")[:31]
    summary.append([_("Event"), _safe(results.event.title)])
    summary.append([_("Participants who attended"), results.attended])
    summary.append([_("Responses"), results.responses])
    summary.append([_("Response rate (%)"), round(results.rate, 1) if results.rate else 0])
    summary.append([_("Pre-test responses"), results.pre_responses])
    if results.pre_mean is not None:
        summary.append([_("Pre-test average score (%)"), round(results.pre_mean, 1)])
    if results.post_mean is not None:
        summary.append([_("Post-test average score (%)"), round(results.post_mean, 1)])
    if results.gain is not None:
        summary.append([_("Gain (percentage points)"), round(results.gain, 1)])
    if results.passed is not None:
        summary.append([_("Passed the post-test"), results.passed])
    ratings = book.create_sheet(_("Ratings")[:31])
    ratings.append([_("Question"), "1", "2", "3", "4", "5", _("Mean")])
    for rating in results.ratings:
        mean = round(rating.mean, 2) if rating.mean is not None else None
        ratings.append([_safe(rating.question.text), *rating.counts, mean])
    texts = book.create_sheet(_("Answers")[:31])
    texts.append([_("Question"), _("Answer")])
    for question, answers in results.texts:
        for text in answers:
            texts.append([_safe(question.text), _safe(text)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- invitations ------------------------------------------------------------------------------


def _invitation_days() -> int:
    return settings.EVENTS_EVALUATION_INVITATION_DAYS


def evaluation_invitations_due(*, now: datetime | None = None) -> list[int]:
    """Registrations to invite: attended an event that ended lately and has questions, not yet
    invited, not yet answered."""
    now = now or timezone.now()
    invited = SentEmail.objects.filter(
        kind=SentEmailKind.EVALUATION,
        object_id=OuterRef("event_id"),
        recipient_id=OuterRef("user_id"),
    )
    answered = EvaluationSubmission.objects.filter(registration_id=OuterRef("pk"), phase=Phase.POST)
    has_questions = EvaluationQuestion.objects.filter(page_id=OuterRef("event_id"))
    return list(
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            attended=True,
            event__live=True,
            event__cancelled=False,
            event__ends_at__lte=now,
            event__ends_at__gte=now - timedelta(days=_invitation_days()),
        )
        .filter(Exists(has_questions))
        .exclude(Exists(invited))
        .exclude(Exists(answered))
        .values_list("pk", flat=True)
    )


def evaluation_invitations_queue(*, now: datetime | None = None) -> int:
    from events import tasks_evaluation

    due = evaluation_invitations_due(now=now)
    for registration_id in due:
        transaction.on_commit(
            partial(tasks_evaluation.send_evaluation_invitation.delay, registration_id)
        )
    return len(due)


def evaluation_invitation_send(*, registration_id: int) -> bool:
    """One invitation, once per registration's event and member (``email_once``)."""
    from events import emails_evaluation
    from events.services import email_once

    registration = (
        Registration.objects.filter(pk=registration_id).select_related("event", "user").first()
    )
    if registration is None or registration.attended is not True:
        return False
    return email_once(
        kind=SentEmailKind.EVALUATION,
        object_id=registration.event_id,
        recipient=registration.user,
        occasion="post",
        build=lambda: emails_evaluation.invitation_email(registration),
    )


# --- dashboard --------------------------------------------------------------------------------


def dashboard_items(*, user, now: datetime | None = None) -> list[dict[str, Any]]:
    """The evaluations awaiting the member's answer, and the pre-tests open to them."""
    from django.urls import reverse

    now = now or timezone.now()
    tests = EvaluationQuestion.objects.filter(page_id=OuterRef("event_id"), kind=Kind.TEST)
    questions = EvaluationQuestion.objects.filter(page_id=OuterRef("event_id"))
    done = EvaluationSubmission.objects.filter(registration_id=OuterRef("pk"))
    mine = Registration.objects.filter(
        user_id=user.pk,
        status=RegistrationStatus.CONFIRMED,
        event__live=True,
        event__cancelled=False,
    ).select_related("event")
    awaiting = (
        mine.filter(
            attended=True,
            event__ends_at__lte=now,
            event__ends_at__gte=now - timedelta(days=_invitation_days()),
        )
        .filter(Exists(questions))
        .exclude(Exists(done.filter(phase=Phase.POST)))
    )
    pretests = (
        mine.filter(event__starts_at__gt=now)
        .filter(Exists(tests))
        .exclude(Exists(done.filter(phase=Phase.PRE)))
    )
    items = [
        {
            "when": r.event.ends_at,
            "kind": _("Evaluation"),
            "title": r.event.title,
            "language": r.event.language,
            "url": reverse("events:evaluation_form", args=[r.event_id]),
            "since": True,
        }
        for r in awaiting[:5]
    ]
    items += [
        {
            "when": r.event.starts_at,
            "kind": _("Pre-test"),
            "title": r.event.title,
            "language": r.event.language,
            "url": reverse("events:pretest_form", args=[r.event_id]),
        }
        for r in pretests[:5]
    ]
    return items
