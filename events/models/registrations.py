"""What members do around an event: registrations, reminders sent, calendar feed tokens."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventLedger(models.Model):
    """One row per event, outside the page's revisions.

    Registrations lock this row (``select_for_update``) so that seats are counted and handed out
    one at a time; it also keeps the iCalendar SEQUENCE and the last published schedule, which
    must survive editors publishing older revisions.
    """

    event = models.OneToOneField(
        "events.EventPage", on_delete=models.CASCADE, related_name="ledger", primary_key=True
    )
    next_position = models.PositiveIntegerField(default=1)
    sequence = models.PositiveIntegerField(default=0)
    published_snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("event ledger")

    def __str__(self) -> str:
        return f"ledger of event {self.event_id}"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("position")


class Registration(models.Model):
    """A member's place at an event. One row per member and event, re-used on re-registering."""

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    # Order of arrival: the waitlist is served first come, first served.
    position = models.PositiveIntegerField(_("position"))
    country = models.ForeignKey(
        "taxonomy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("country"),
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    interpretation_language = models.CharField(
        _("interpretation language"), max_length=10, blank=True
    )
    visa_letter = models.BooleanField(_("needs a visa invitation letter"), default=False)
    dietary = models.CharField(_("dietary requirements"), max_length=255, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_registration"),
            models.UniqueConstraint(
                fields=["event", "position"], name="events_unique_registration_position"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "position"])]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event_id} ({self.status})"

    @property
    def takes_seat(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED


class SentReminder(models.Model):
    """A reminder e-mail for one registration; the constraint makes it go out once."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    # Keyed on the start time too: a rescheduled event earns a fresh reminder.
    event_starts_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "days_before", "event_starts_at"],
                name="events_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} ({self.days_before} d)"


class SentEmailKind(models.TextChoices):
    CHANGE = "change", _("Change notice")
    REMINDER = "reminder", _("Event reminder")
    CONSULTATION_REMINDER = "consultation_reminder", _("Consultation reminder")
    EVALUATION = "evaluation", _("Evaluation invitation")
    COMMITMENT_OVERDUE = "commitment_overdue", _("Overdue commitment reminder")


class SentEmail(models.Model):
    """One e-mail of a kind, about one object, to one member, on one occasion.

    Written in the transaction that sends the message: a task delivered twice finds the row
    and sends nothing, and two deliveries at once meet the unique constraint. The occasion says
    what makes a new message due: the event's SEQUENCE for a change notice, the offset and start
    time for a reminder.
    """

    kind = models.CharField(max_length=30, choices=SentEmailKind.choices)
    object_id = models.PositiveBigIntegerField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    occasion = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient", "occasion"], name="events_email_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.recipient_id} ({self.occasion})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The secret in a member's calendar subscription URL; replacing it revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed_token"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"

    def rotate(self) -> None:
        self.token = _new_token()
