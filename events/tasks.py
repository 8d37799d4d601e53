"""Celery tasks: fetch by id, call a service or send one e-mail. Safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone, translation

from events import emails


@shared_task
def send_registration_email(registration_id: int, kind: str, language: str = "en") -> None:
    from events.models import Registration

    registration = (
        Registration.objects.filter(pk=registration_id).select_related("event", "user").first()
    )
    if registration is None:
        return
    with translation.override(language):
        emails.registration_email(registration, kind).send()


@shared_task
def send_event_change_email(event_id: int, changes: list[str], language: str = "en") -> None:
    from events.models import EventPage, Registration, RegistrationStatus

    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return
    registrations = (
        Registration.objects.filter(event_id=event_id)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
    )
    with translation.override(language):
        for registration in registrations:
            emails.change_email(event, registration, changes).send()


@shared_task
def send_event_reminder(reminder_id: int) -> None:
    from events.models import RegistrationStatus, SentReminder

    reminder = (
        SentReminder.objects.filter(pk=reminder_id, sent_at=None)
        .select_related("registration__event", "registration__user")
        .first()
    )
    if reminder is None or reminder.registration.status != RegistrationStatus.CONFIRMED:
        return
    with translation.override(getattr(reminder.registration.user, "language", None) or "en"):
        emails.reminder_email(reminder.registration, reminder.days_before).send()
    SentReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())


@shared_task
def send_registrants_message(
    event_id: int, subject: str, body: str, statuses: list[str], sender_id: int
) -> None:
    from events.models import EventPage, Registration

    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return
    for registration in Registration.objects.filter(
        event_id=event_id, status__in=statuses
    ).select_related("user"):
        emails.registrants_message(event, registration, subject, body).send()


@shared_task
def send_consultation_reminder(reminder_id: int) -> None:
    from events.models import ConsultationReminder

    reminder = (
        ConsultationReminder.objects.filter(pk=reminder_id, sent_at=None)
        .select_related("consultation", "user")
        .first()
    )
    if reminder is None:
        return
    with translation.override(getattr(reminder.user, "language", None) or "en"):
        emails.consultation_reminder(reminder.consultation, reminder.user).send()
    ConsultationReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())


@shared_task
def send_due_reminders() -> int:
    """Beat: event reminders and consultation deadline reminders now due."""
    from events.services import consultation_reminders_send_due, reminders_send_due

    return reminders_send_due() + consultation_reminders_send_due()
