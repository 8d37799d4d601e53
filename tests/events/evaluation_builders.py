"""Builders for evaluation tests: a training with questions, participants who attended."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from events.models import (
    EvaluationQuestion,
    EvaluationQuestionKind,
    EventFormat,
    EventKind,
    EventPage,
    Registration,
    RegistrationStatus,
)
from tests.events.builders import get_events_index, publish

K = EvaluationQuestionKind


def standard_questions() -> list[EvaluationQuestion]:
    return [
        EvaluationQuestion(kind=K.RATING, text="How useful was the training?"),
        EvaluationQuestion(kind=K.RATING, text="How well was it organised?"),
        EvaluationQuestion(kind=K.TEXT, text="What would you change?"),
        EvaluationQuestion(
            kind=K.TEST,
            text="Which body issues residence permits in Georgia?",
            options="Public Service Development Agency\nMinistry of Culture\nNational Bank",
            correct_option=1,
        ),
        EvaluationQuestion(
            kind=K.TEST,
            text="How long may a visa-free stay last?",
            options="30 days\n90 days in 180\nOne year",
            correct_option=2,
        ),
    ]


def make_training(
    *, past: bool = True, questions=None, pass_mark: int | None = 50, **fields
) -> EventPage:
    now = timezone.now().replace(microsecond=0)
    start = now - timedelta(days=3) if past else now + timedelta(days=5)
    page = EventPage(
        title=fields.pop("title", "Training on residence permits"),
        slug=fields.pop("slug", f"training-{EventPage.objects.count() + 1}"),
        kind=EventKind.TRAINING,
        format=EventFormat.IN_PERSON,
        starts_at=start,
        ends_at=start + timedelta(hours=7),
        timezone="Asia/Tbilisi",
        venue="Radisson Blu Iveria, Tbilisi",
        evaluation_pass_mark=pass_mark,
        **fields,
    )
    page.evaluation_questions = standard_questions() if questions is None else questions
    get_events_index().add_child(instance=page)
    return publish(page)


def attend(event: EventPage, user, *, attended: bool | None = True) -> Registration:
    position = Registration.objects.filter(event=event).count() + 1
    return Registration.objects.create(
        event=event,
        user=user,
        status=RegistrationStatus.CONFIRMED,
        position=position,
        attended=attended,
    )


def answers_for(event: EventPage, *, rating: int = 4, text: str = "", right: bool = True) -> dict:
    """Form data answering every question of the evaluation."""
    data = {}
    for question in event.evaluation_questions.all():
        key = f"q{question.pk}"
        if question.kind == K.RATING:
            data[key] = str(rating)
        elif question.kind == K.TEXT:
            data[key] = text
        else:
            correct = question.correct_option
            data[key] = str(correct if right else (correct % len(question.option_list)) + 1)
    return data


def pretest_answers_for(event: EventPage, *, right: bool = False) -> dict:
    data = answers_for(event, right=right)
    tests = {f"q{q.pk}" for q in event.evaluation_questions.filter(kind=K.TEST)}
    return {k: v for k, v in data.items() if k in tests}
