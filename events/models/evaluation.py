"""Evaluation of an event and certificates of attendance.

The secretariat picks an event's questions on the event page (an "Evaluation" tab). Answers are
anonymous: ``EvaluationSubmission`` records *who* has answered (one row per registration and
phase, with pass or fail of the post-test and nothing else), ``EvaluationResponse`` and
``EvaluationAnswer`` record *what* was answered, with no link to the person. Neither anonymous
table has a timestamp or a sequential key: random UUIDs, so that the order of the rows cannot be
matched against the order of submissions.
"""

from __future__ import annotations

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class EvaluationQuestionKind(models.TextChoices):
    RATING = "rating", _("Rating from 1 to 5")
    TEXT = "text", _("Free text")
    TEST = "test", _("Knowledge test (multiple choice, asked before and after)")


class EvaluationPhase(models.TextChoices):
    PRE = "pre", _("Pre-test")
    POST = "post", _("Evaluation")


class EvaluationQuestion(Orderable):
    """One question of an event's evaluation; test questions are asked before and after."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="evaluation_questions"
    )
    kind: models.CharField[str, str] = models.CharField(
        _("kind"), max_length=10, choices=EvaluationQuestionKind.choices
    )
    text: models.CharField[str, str] = models.CharField(_("question"), max_length=500)
    options: models.TextField[str, str] = models.TextField(
        _("options"),
        blank=True,
        help_text=_("Knowledge test only: one option per line."),
    )
    correct_option: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(
            _("number of the correct option"),
            null=True,
            blank=True,
            help_text=_("Knowledge test only: 1 for the first line, 2 for the second, and so on."),
        )
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("text")]),
        FieldRowPanel([FieldPanel("options"), FieldPanel("correct_option")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")

    def __str__(self) -> str:
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self) -> None:
        super().clean()
        if self.kind != EvaluationQuestionKind.TEST:
            return
        options = self.option_list
        if len(options) < 2:
            raise ValidationError({"options": _("Give at least two options, one per line.")})
        if not self.correct_option or self.correct_option > len(options):
            raise ValidationError(
                {"correct_option": _("Give the number of one of the options above.")}
            )


# The event page's "Evaluation" tab (events.models.pages adds it to the edit handler).
evaluation_panels = [
    FieldPanel("evaluation_pass_mark"),
    InlinePanel("evaluation_questions", label=_("Evaluation questions")),
]


class EvaluationSubmission(models.Model):
    """That a registration has answered a phase, and whether it passed the post-test.

    Nothing of what was answered: the answers are in ``EvaluationResponse``, unlinked.
    """

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="evaluation_submissions"
    )
    phase = models.CharField(max_length=4, choices=EvaluationPhase.choices)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation submission")
        constraints = [
            models.UniqueConstraint(fields=["registration", "phase"], name="events_evaluation_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} {self.phase}"


class EvaluationResponse(models.Model):
    """One anonymous set of answers to an event's evaluation or pre-test."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="evaluation_responses"
    )
    phase = models.CharField(max_length=4, choices=EvaluationPhase.choices)
    # Correct answers out of the test questions asked (None when the event has no test).
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    test_total = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation response")
        indexes = [models.Index(fields=["event", "phase"])]

    def __str__(self) -> str:
        return f"{self.event_id} {self.phase}"

    @property
    def percent(self) -> float | None:
        if not self.test_total or self.score is None:
            return None
        return 100 * self.score / self.test_total


class EvaluationAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        EvaluationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        EvaluationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    choice = models.PositiveSmallIntegerField(null=True, blank=True)
    correct = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation answer")

    def __str__(self) -> str:
        return f"{self.question_id}"


# Without 0, O, 1, I, L: read aloud or typed from paper without doubt. 16 of 31 symbols is
# about 79 bits: not guessable.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 16


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(typed: str) -> str:
    """A code as typed (spaces, lower case, no dashes) in its printed form."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


class Certificate(models.Model):
    """A certificate of attendance, issued once per registration, verifiable by its code."""

    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(max_length=19, unique=True, default=new_certificate_code)
    # The name as certified: later changes to the profile do not rewrite an issued certificate.
    holder_name = models.CharField(_("name"), max_length=255)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["holder_name"]

    def __str__(self) -> str:
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
