"""Every events e-mail goes once to each recipient, in the recipient's language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone, translation

from events import services, tasks
from events.models import ConsultationReminder, SentReminder
from tests.events.builders import make_consultation, make_event, publish, set_country

pytestmark = pytest.mark.django_db


def _recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def _redelivered_while_sending(monkeypatch, task, *args):
    """Run ``task`` and, while its first message is being sent, deliver it again (a broker
    redelivers a task whose worker seems lost; both copies then run)."""
    original = EmailBackend.send_messages
    state = {"again": True}

    def send_messages(self, messages):
        if state["again"]:
            state["again"] = False
            task(*args)
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)
    task(*args)


def test_a_change_notice_delivered_twice_reaches_each_participant_once(
    monkeypatch, events_index, officials
):
    event = make_event(events_index, capacity=1)
    users = officials(2)  # one confirmed, one waitlisted: both are told
    for user in users:
        services.registration_create(event=event, user=user)
    queued = []
    monkeypatch.setattr(tasks.send_event_change_email, "delay", lambda *a: queued.append(a))
    event.starts_at += timedelta(hours=2)
    event.ends_at += timedelta(hours=2)
    publish(event)
    (args,) = queued
    mail.outbox.clear()

    tasks.send_event_change_email(*args)
    tasks.send_event_change_email(*args)
    assert _recipients() == sorted(u.email for u in users)

    mail.outbox.clear()
    _redelivered_while_sending(monkeypatch, tasks.send_event_change_email, *args)
    assert mail.outbox == []

    # A later change is a new notice.
    queued.clear()
    event.venue = "Another hotel"
    publish(event)
    tasks.send_event_change_email(*queued[0])
    assert _recipients() == sorted(u.email for u in users)


def test_a_reminder_delivered_again_while_sending_goes_once(monkeypatch, event, official):
    registration = services.registration_create(event=event, user=official)
    reminder = SentReminder.objects.create(
        registration=registration, days_before=1, event_starts_at=event.starts_at
    )
    mail.outbox.clear()
    _redelivered_while_sending(monkeypatch, tasks.send_event_reminder, reminder.pk)
    tasks.send_event_reminder(reminder.pk)
    assert _recipients() == [official.email]


def test_a_consultation_reminder_delivered_again_while_sending_goes_once(
    monkeypatch, events_index, official
):
    consultation = make_consultation(events_index)
    reminder = ConsultationReminder.objects.create(
        consultation=consultation, user=official, days_before=3
    )
    _redelivered_while_sending(monkeypatch, tasks.send_consultation_reminder, reminder.pk)
    tasks.send_consultation_reminder(reminder.pk)
    assert _recipients() == [official.email]


@pytest.mark.parametrize(
    ("language", "confirmed", "waitlisted", "reminder", "changed", "awaited"),
    [
        (
            "en",
            "Your place is confirmed",
            "You are on the waiting list",
            "Reminder:",
            "Event changed",
            "Your answer is awaited",
        ),
        (
            "ru",
            "Ваше участие подтверждено",
            "Вы в листе ожидания",
            "Напоминание:",
            "Мероприятие изменено",
            "Ждём вашего ответа",
        ),
    ],
)
def test_each_email_is_in_the_recipients_language(
    monkeypatch,
    events_index,
    officials,
    language,
    confirmed,
    waitlisted,
    reminder,
    changed,
    awaited,
):
    """The secretariat works in English; each member reads their mail in their own language."""
    first, second = officials(2)
    for user in (first, second):
        user.language = language
        user.save(update_fields=["language"])
    now = timezone.now()
    event = make_event(events_index, capacity=1, starts_at=now + timedelta(hours=20))
    with translation.override("en"):
        services.registration_create(event=event, user=first)
        services.registration_create(event=event, user=second)
    subjects = [m.subject for m in mail.outbox]
    assert confirmed in subjects[0] and waitlisted in subjects[1]

    mail.outbox.clear()
    with translation.override("en"):
        services.reminders_send_due(now=now)
    (message,) = mail.outbox
    assert reminder in message.subject

    mail.outbox.clear()
    with translation.override("en"):
        event.venue = "Another hotel"
        publish(event)
    assert all(changed in m.subject for m in mail.outbox) and len(mail.outbox) == 2

    mail.outbox.clear()
    set_country(first, "GE")
    make_consultation(events_index, closes_at=now + timedelta(days=2))
    with translation.override("en"):
        services.consultation_reminders_send_due(now=now)
    assert mail.outbox and all(awaited in m.subject for m in mail.outbox)
