"""Event pages: the editorial half of an event (what, when, where, agenda, outcomes)."""

from __future__ import annotations

import zoneinfo
from datetime import date as date_type
from datetime import datetime
from datetime import time as time_type
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.access import Tier, keys_for_tier, page_keys
from core.formats import zone_choices


class EventKind(models.TextChoices):
    REGIONAL_MEETING = "regional_meeting", _("Regional meeting")
    WEBINAR = "webinar", _("Webinar")
    TRAINING = "training", _("Training")
    STUDY_VISIT = "study_visit", _("Study visit")
    CONFERENCE = "conference", _("Conference")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("Unknown time zone.")) from exc


class EventIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage", "events.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        from events.selectors import event_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(index=self, user=request.user, params=request.GET))
        return context


class EventPageForm(WagtailAdminPageForm):
    """Editors type times as they are at the venue: read and write them in the event's zone.

    Django would otherwise read the wall-clock time in the editor's own zone, and a meeting in
    Tbilisi typed by an editor in Brussels would start three hours off.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance and instance.pk and instance.timezone:
            zone = zoneinfo.ZoneInfo(instance.timezone)
            for name, value in (("starts_at", instance.starts_at), ("ends_at", instance.ends_at)):
                if value is not None and name in self.fields:
                    self.initial[name] = timezone.localtime(value, zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                value = cleaned.get(name)
                if isinstance(value, datetime):
                    wall = timezone.localtime(value).replace(tzinfo=None)
                    cleaned[name] = wall.replace(tzinfo=zone)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        return cleaned


class EventPage(Page):
    kind: models.CharField[str, str] = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices
    )
    format: models.CharField[str, str] = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices
    )
    summary: models.TextField[str, str] = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("description"), blank=True)
    starts_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(_("starts"))
    ends_at: models.DateTimeField[datetime, datetime] = models.DateTimeField(_("ends"))
    timezone: models.CharField[str, str] = models.CharField(
        _("time zone of the event"),
        max_length=64,
        default="Europe/Brussels",
        validators=[validate_timezone],
        help_text=_("Start and end are read and shown in this zone."),
    )
    venue: models.CharField[str, str] = models.CharField(_("venue"), max_length=255, blank=True)
    address: models.TextField[str, str] = models.TextField(_("address"), blank=True)
    online_link: models.URLField[str, str] = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed participants and the secretariat."),
    )
    cancelled: models.BooleanField[bool, bool] = models.BooleanField(
        _("event cancelled"),
        default=False,
        help_text=_("Participants are told when a cancelled event is published."),
    )
    tier: models.CharField[str, str] = models.CharField(
        _("who may see this event"), max_length=20, choices=Tier.choices, default=Tier.MEMBERS
    )
    countries = ParentalManyToManyField(
        "taxonomy.Country", blank=True, related_name="event_pages", verbose_name=_("countries")
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="event_pages", verbose_name=_("themes")
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

    # Registration
    registration_open: models.BooleanField[bool, bool] = models.BooleanField(
        _("members register on the platform"), default=True
    )
    registration_opens_at: models.DateTimeField[datetime | None, datetime | None] = (
        models.DateTimeField(_("registration opens"), null=True, blank=True)
    )
    registration_closes_at: models.DateTimeField[datetime | None, datetime | None] = (
        models.DateTimeField(_("registration closes"), null=True, blank=True)
    )
    capacity: models.PositiveIntegerField[int | None, int | None] = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    seats_per_country: models.PositiveIntegerField[int | None, int | None] = (
        models.PositiveIntegerField(
            _("seats per country"), null=True, blank=True, help_text=_("Leave empty for no limit.")
        )
    )
    approval_required: models.BooleanField[bool, bool] = models.BooleanField(
        _("the secretariat approves each registration"), default=False
    )
    eligible_roles = ParentalManyToManyField(
        "auth.Group",
        blank=True,
        related_name="+",
        verbose_name=_("roles who may register"),
        help_text=_("Leave empty to let every role register."),
    )
    eligible_countries = ParentalManyToManyField(
        "taxonomy.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries whose members may register"),
        help_text=_("Leave empty to let every country register."),
    )
    invitees = ParentalManyToManyField(
        "members.User",
        blank=True,
        related_name="+",
        verbose_name=_("invited members"),
        help_text=_("Invited members may register whatever their role or country."),
    )
    invitation_only: models.BooleanField[bool, bool] = models.BooleanField(
        _("only invited members may register"), default=False
    )

    # After the event
    outcomes = RichTextField(_("outcomes"), blank=True)
    minutes: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("minutes"),
    )

    evaluation_pass_mark: models.PositiveSmallIntegerField[int | None, int | None] = (
        models.PositiveSmallIntegerField(
            _("pass mark of the post-test (%)"),
            null=True,
            blank=True,
            validators=[MaxValueValidator(100)],
            help_text=_(
                "Leave empty for no pass mark: every participant who attended is certified."
            ),
        )
    )

    base_form_class = EventPageForm
    # Commitments are followed once, on the version they were written on (a translation or a
    # copy made for the next meeting does not repeat them); see selectors_commitments.
    exclude_fields_in_copy = ["commitments"]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                # Choices live on the widget, not the field: tzdata updates must not need a
                # migration.
                # A callable: the zones are named in the editor's language at each request.
                # django-stubs do not know that Django 5 takes a callable here.
                FieldPanel(
                    "timezone",
                    widget=forms.Select(choices=zone_choices),  # type: ignore[arg-type]
                ),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("cancelled"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_link")],
            heading=_("Where"),
        ),
        FieldPanel("countries"),
        FieldPanel("themes"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("authoritative")]),
        InlinePanel("sessions", label=_("Agenda sessions")),
        InlinePanel("documents", label=_("Documents")),
        MultiFieldPanel(
            [FieldPanel("outcomes"), FieldPanel("minutes"), InlinePanel("outcome_links")],
            heading=_("After the event"),
        ),
        InlinePanel("conclusions", label=_("Conclusions")),
        InlinePanel("commitments", label=_("Commitments by country")),
    ]
    registration_panels = [
        FieldPanel("registration_open"),
        FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("seats_per_country")]),
        FieldPanel("approval_required"),
        FieldPanel("eligible_roles"),
        FieldPanel("eligible_countries"),
        FieldPanel("invitation_only"),
        FieldPanel("invitees"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("tier")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("format"),
        index.FilterField("starts_at"),
        index.FilterField("tier"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    def get_edit_handler(cls):
        from wagtail.admin.panels import ObjectList, TabbedInterface

        from events.models.evaluation import evaluation_panels

        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Content")),
                ObjectList(cls.registration_panels, heading=_("Registration")),
                ObjectList(evaluation_panels, heading=_("Evaluation")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        ).bind_to_model(cls)

    def access_keys(self) -> frozenset[str]:
        return page_keys(self, keys_for_tier(self.tier))

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def sequence(self) -> int:
        from events.models.registrations import EventLedger

        ledger = EventLedger.objects.filter(event_id=self.pk).only("sequence").first()
        return ledger.sequence if ledger else 0

    def is_past(self, now: datetime | None = None) -> bool:
        return self.ends_at < (now or timezone.now())

    def serve(self, request, *args, **kwargs):
        from events.access import event_or_404

        event_or_404(request.user, self)
        response = super().serve(request, *args, **kwargs)
        from events.selectors import TZ_COOKIE, valid_zone

        # A zone chosen once is remembered for the other event pages.
        chosen = request.GET.get("tz")
        if chosen is not None:
            if valid_zone(chosen):
                response.set_cookie(TZ_COOKIE, chosen, max_age=365 * 86400, samesite="Lax")
            else:
                response.delete_cookie(TZ_COOKIE)
        return response

    def get_context(self, request, *args, **kwargs):
        from events.selectors import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(event=self, request=request))
        return context


class AgendaSession(Orderable):
    """A session of the agenda, in wall-clock time at the venue (the event's zone)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    title: models.CharField[str, str] = models.CharField(_("title"), max_length=255)
    date: models.DateField[date_type, date_type] = models.DateField(_("day"))
    start_time: models.TimeField[time_type, time_type] = models.TimeField(_("starts"))
    end_time: models.TimeField[time_type | None, time_type | None] = models.TimeField(
        _("ends"), null=True, blank=True
    )
    speakers: models.CharField[str, str] = models.CharField(
        _("speakers"), max_length=500, blank=True
    )
    description: models.TextField[str, str] = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("speakers"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda session")

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.date, self.start_time, tzinfo=self.page.zone)

    @property
    def ends_at(self) -> datetime | None:
        if self.end_time is None:
            return None
        return datetime.combine(self.date, self.end_time, tzinfo=self.page.zone)


class EventDocument(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="documents")
    document: models.ForeignKey[Any, Any] = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title: models.CharField[str, str] = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


class EventOutcomeLink(Orderable):
    """A page that came out of the event, such as a practice note."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="outcome_links")
    linked_page: models.ForeignKey[Any, Any] = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    note: models.CharField[str, str] = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("linked_page"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome page")
        verbose_name_plural = _("outcome pages")
