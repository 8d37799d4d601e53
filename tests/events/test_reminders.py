"""Reminders go out once each; changes and cancellations reach the participants."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events import services, tasks
from events.models import SentReminder
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db


def test_seven_and_one_day_reminders_each_sent_once(events_index, officials):
    now = timezone.now()
    event = make_event(events_index, starts_at=now + timedelta(days=10), capacity=2)
    confirmed = officials(2)
    for user in confirmed:
        services.registration_create(event=event, user=user)
    services.registration_create(event=event, user=officials(1)[0])  # waitlisted: no reminder
    mail.outbox.clear()

    assert services.reminders_send_due(now=now) == 0
    seven = now + timedelta(days=3, hours=1)
    assert services.reminders_send_due(now=seven) == 2
    assert services.reminders_send_due(now=seven) == 0  # the beat ran twice
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in confirmed)
    assert all("Reminder" in m.subject and "7 days" in m.body for m in mail.outbox)

    mail.outbox.clear()
    one = now + timedelta(days=9, hours=1)
    assert services.reminders_send_due(now=one) == 2
    assert services.reminders_send_due(now=one) == 0
    assert len(mail.outbox) == 2
    assert all("1 day" in m.body for m in mail.outbox)
    assert SentReminder.objects.filter(sent_at__isnull=False).count() == 4


def test_reminder_task_run_twice_sends_once(event, official):
    registration = services.registration_create(event=event, user=official)
    reminder = SentReminder.objects.create(
        registration=registration, days_before=1, event_starts_at=event.starts_at
    )
    mail.outbox.clear()
    tasks.send_event_reminder(reminder.pk)
    tasks.send_event_reminder(reminder.pk)
    assert len(mail.outbox) == 1


def test_late_registration_gets_only_the_nearest_reminder(events_index, official):
    now = timezone.now()
    event = make_event(events_index, starts_at=now + timedelta(hours=20))
    services.registration_create(event=event, user=official)
    assert services.reminders_send_due(now=now) == 1
    assert SentReminder.objects.get().days_before == 1


def test_rescheduled_event_earns_a_fresh_reminder(events_index, official):
    now = timezone.now()
    event = make_event(events_index, starts_at=now + timedelta(hours=20))
    services.registration_create(event=event, user=official)
    assert services.reminders_send_due(now=now) == 1
    event.starts_at += timedelta(hours=2)
    event.ends_at += timedelta(hours=2)
    event.save_revision().publish()
    assert services.reminders_send_due(now=now) == 1
    assert services.reminders_send_due(now=now) == 0


def test_no_reminders_for_a_cancelled_event(events_index, official):
    now = timezone.now()
    event = make_event(events_index, starts_at=now + timedelta(hours=20))
    services.registration_create(event=event, user=official)
    event.cancelled = True
    event.save_revision().publish()
    assert services.reminders_send_due(now=now) == 0


def test_beat_schedule_runs_the_reminder_task(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["events-reminders"]
    assert entry["task"] == tasks.send_due_reminders.name


def test_change_of_time_tells_every_registrant(events_index, officials):
    event = make_event(events_index, capacity=1)
    first, second = officials(2)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    mail.outbox.clear()
    event.starts_at += timedelta(days=1)
    event.ends_at += timedelta(days=1)
    event.save_revision().publish()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
    by_user = {m.to[0]: m for m in mail.outbox}
    assert "The time has changed." in by_user[first.email].body
    assert by_user[first.email].attachments[0][0] == "event.ics"
    assert "SEQUENCE:1" in by_user[first.email].attachments[0][1]


def test_change_of_link_reaches_only_confirmed_with_the_link(events_index, officials):
    event = make_event(events_index, capacity=1)
    first, second = officials(2)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    mail.outbox.clear()
    event.online_link = "https://meet.example.org/new-room"
    event.save_revision().publish()
    by_user = {m.to[0]: m for m in mail.outbox}
    assert "new-room" in by_user[first.email].body
    assert "new-room" not in by_user[second.email].body


def test_cancellation_of_the_event_is_announced(event, official):
    services.registration_create(event=event, user=official)
    mail.outbox.clear()
    event.cancelled = True
    event.save_revision().publish()
    (message,) = mail.outbox
    assert "cancelled" in message.subject.lower()
    assert "STATUS:CANCELLED" in message.attachments[0][1]


def test_unrelated_edit_sends_nothing(event, official):
    services.registration_create(event=event, user=official)
    mail.outbox.clear()
    event.body = "<p>More details.</p>"
    event.save_revision().publish()
    assert mail.outbox == []


def test_change_notice_in_russian(event, official):
    """In the participant's language, whatever the editor's."""
    from django.utils import translation

    official.language = "ru"
    official.save(update_fields=["language"])
    services.registration_create(event=event, user=official)
    mail.outbox.clear()
    event.venue = "Другой отель"
    with translation.override("en"):
        event.save_revision().publish()
    assert "Место проведения изменилось." in mail.outbox[0].body
