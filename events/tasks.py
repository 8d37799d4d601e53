"""Celery tasks: fetch by id and call one service. Safe to run twice (see ``email_once``)."""

from __future__ import annotations

from celery import shared_task

from events import services


@shared_task
def send_registration_email(registration_id: int, kind: str, language: str | None = None) -> None:
    """``language`` comes only in messages queued before e-mails followed ``User.language``;
    it is ignored: the recipient's own language decides."""
    services.registration_email_send(registration_id=registration_id, kind=kind)


@shared_task
def send_event_change_email(event_id: int, changes: list[str], sequence: int) -> None:
    services.event_change_notices_send(event_id=event_id, changes=changes, sequence=sequence)


@shared_task
def send_event_reminder(reminder_id: int) -> None:
    services.event_reminder_send(reminder_id=reminder_id)


@shared_task
def send_registrants_message(
    event_id: int, subject: str, body: str, statuses: list[str], sender_id: int
) -> None:
    services.registrants_message_send(
        event_id=event_id, subject=subject, body=body, statuses=statuses
    )


@shared_task
def send_consultation_reminder(reminder_id: int) -> None:
    services.consultation_reminder_send(reminder_id=reminder_id)


@shared_task
def send_due_reminders() -> int:
    """Beat: event reminders and consultation deadline reminders now due."""
    return services.reminders_send_due() + services.consultation_reminders_send_due()


@shared_task
def purge_visa_passport_data() -> int:
    """Beat, daily: passport details and letters of events that ended 30 days ago."""
    from events import services_attendance

    return services_attendance.visa_data_purge()


@shared_task
def remind_overdue_commitments() -> int:
    """Beat, daily: remind focal points of their country's overdue commitments, once each."""
    from events import services_commitments

    return services_commitments.overdue_reminders_send()


# The evaluation's tasks live in their own module; imported here so autodiscovery finds them.
from events.tasks_evaluation import (  # noqa: E402, F401
    queue_evaluation_invitations,
    send_evaluation_invitation,
)
