"""Written consultations: a call for input that members or countries answer by a deadline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.access import Tier, keys_for_tier, page_keys


class ResponseMode(models.TextChoices):
    MEMBER = "member", _("Each member answers")
    COUNTRY = "country", _("Each country answers (its focal point submits)")


class AnswerVisibility(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat only")
    MEMBERS = "members", _("All members who can see the consultation, after it closes")


class ConsultationPage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    opens_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(_("opens"))
    closes_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(_("closes"))
    mode: models.CharField[str, str] = models.CharField(
        _("who answers"), max_length=10, choices=ResponseMode.choices, default=ResponseMode.MEMBER
    )
    answers_visibility: models.CharField[str, str] = models.CharField(
        _("who sees the answers"),
        max_length=20,
        choices=AnswerVisibility.choices,
        default=AnswerVisibility.SECRETARIAT,
    )
    audience_roles = ParentalManyToManyField(
        "auth.Group",
        blank=True,
        related_name="+",
        verbose_name=_("roles asked"),
        help_text=_("Leave empty to ask every role."),
    )
    audience_countries = ParentalManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries asked"),
        help_text=_("Leave empty to ask every country."),
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="consultation_pages", verbose_name=_("themes")
    )
    synthesis = RichTextField(_("synthesis"), blank=True)
    synthesis_published: models.BooleanField[bool, bool] = models.BooleanField(
        _("publish the synthesis"), default=False
    )
    tier: models.CharField[str, str] = models.CharField(
        _("who may see this consultation"),
        max_length=20,
        choices=Tier.choices,
        default=Tier.MEMBERS,
    )
    language: models.CharField[str, str] = models.CharField(
        _("language of the text"),
        max_length=8,
        choices=settings.CONTENT_LANGUAGES,
        default="en",
    )
    authoritative: models.BooleanField[bool, bool] = models.BooleanField(
        _("authoritative version"),
        default=True,
        help_text=_("Uncheck on translations that only follow another language's original."),
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("audience_roles"),
                FieldPanel("audience_countries"),
                FieldPanel("answers_visibility"),
            ],
            heading=_("Who answers"),
        ),
        FieldPanel("themes"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("authoritative")]),
        InlinePanel("documents", label=_("Material")),
        InlinePanel("questions", label=_("Questions"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("synthesis"), FieldPanel("synthesis_published")],
            heading=_("Synthesis"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("tier")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("tier"),
        index.FilterField("closes_at"),
    ]

    class Meta:
        verbose_name = _("written consultation")
        verbose_name_plural = _("written consultations")

    def access_keys(self) -> frozenset[str]:
        return page_keys(self, keys_for_tier(self.tier))

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def serve(self, request, *args, **kwargs):
        from events.access import event_or_404

        event_or_404(request.user, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from events.selectors import consultation_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_page_context(consultation=self, user=request.user))
        return context


class ConsultationDocument(Orderable):
    """Material members read before answering: a background paper, a draft to comment on."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="documents")
    document: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title: models.CharField[str, str] = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("consultation material")
        verbose_name_plural = _("consultation material")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    CHOICE = "choice", _("One choice")
    MULTIPLE = "multiple", _("Several choices")


class ConsultationQuestion(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="questions")
    text: models.CharField[str, str] = models.CharField(_("question"), max_length=500)
    help_text: models.CharField[str, str] = models.CharField(
        _("help text"), max_length=500, blank=True
    )
    kind: models.CharField[str, str] = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices: models.TextField[str, str] = models.TextField(
        _("choices"), blank=True, help_text=_("One choice a line.")
    )
    required: models.BooleanField[bool, bool] = models.BooleanField(
        _("an answer is required to submit"), default=True
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("choices"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")

    def __str__(self) -> str:
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Response(models.Model):
    """A member's (or a country's) answers to one consultation; a draft until submitted."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="consultation_responses",
        verbose_name=_("last edited by"),
    )
    # Set when the consultation is answered per country; the country owns the response.
    country = models.ForeignKey(
        "taxonomy.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("country"),
    )
    status = models.CharField(
        max_length=10, choices=ResponseStatus.choices, default=ResponseStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consultation response")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user"],
                condition=Q(country__isnull=True),
                name="events_one_response_per_member",
            ),
            models.UniqueConstraint(
                fields=["consultation", "country"],
                condition=Q(country__isnull=False),
                name="events_one_response_per_country",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id}: {self.country or self.user} ({self.status})"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        ConsultationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(blank=True)
    selected = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="events_one_answer")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"

    @property
    def display(self) -> str:
        return "; ".join(self.selected) if self.selected else self.text


class ConsultationReminder(models.Model):
    """A deadline reminder to someone who has not submitted; sent once per user and offset."""

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    days_before = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "user", "days_before"], name="events_consultation_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation_id} → {self.user_id} ({self.days_before} d)"
