"""Discussion e-mails go out in the recipient's language, and a redelivered digest sends once."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from discussions import services, tasks
from tests.discussions.conftest import start_thread


def handle(user) -> str:
    return user.email.split("@")[0]


@pytest.fixture
def frequency(monkeypatch):
    chosen: dict[int, str] = {}
    monkeypatch.setattr(
        services, "notification_frequency", lambda user: chosen.get(user.pk, "immediately")
    )
    return chosen


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("en", "Mention by ", "Hello "),
        ("ru", "Упоминание от ", "Здравствуйте, "),
    ],
)
def test_a_mention_is_mailed_in_the_recipients_language(
    topic,
    official,
    expert,
    frequency,
    django_capture_on_commit_callbacks,
    language,
    subject,
    greeting,
):
    expert.language = language
    expert.save(update_fields=["language"])
    # The author writes in the other language: the recipient's choice wins.
    other = "ru" if language == "en" else "en"
    with translation.override(other), django_capture_on_commit_callbacks(execute=True):
        start_thread(official, topic=topic, title="Seasonal work", body=f"@{handle(expert)} hi")
    [message] = mail.outbox
    assert subject in message.subject
    assert message.body.startswith(greeting)
    assert greeting in message.alternatives[0][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "subject", "heading"),
    [
        (
            "en",
            "Your daily discussion digest: 1 new notification",
            "1 new notification in discussions",
        ),
        ("ru", "Ежедневная сводка обсуждений: 1 новое уведомление", "Здравствуйте, "),
    ],
)
def test_a_digest_is_mailed_in_the_recipients_language(
    topic, official, member, frequency, language, subject, heading
):
    member.language = language
    member.save(update_fields=["language"])
    frequency[member.pk] = "daily"
    start_thread(official, topic=topic, title="Diaspora bonds", body=f"@{handle(member)} hi")
    with translation.override("ru" if language == "en" else "en"):
        assert tasks.send_digests("daily") == 1
    [message] = mail.outbox
    assert message.subject == subject
    assert heading in message.body


@pytest.mark.django_db
def test_a_redelivered_digest_task_sends_nothing_more(topic, official, member, frequency):
    frequency[member.pk] = "daily"
    start_thread(official, topic=topic, body=f"@{handle(member)} hi")
    key = services.period_key("daily")
    assert tasks.send_digest(member.pk, "daily", key) is True
    # The broker delivers the same task again (worker lost before the ack).
    assert tasks.send_digest(member.pk, "daily", key) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "subject", "heading"),
    [
        (1, "1 новое уведомление", "1 новое уведомление в обсуждениях:"),
        (2, "2 новых уведомления", "2 новых уведомления в обсуждениях:"),
        (5, "5 новых уведомлений", "5 новых уведомлений в обсуждениях:"),
    ],
)
def test_a_russian_digest_counts_in_the_right_plural_form(
    topic, official, member, frequency, count, subject, heading
):
    member.language = "ru"
    member.save(update_fields=["language"])
    frequency[member.pk] = "daily"
    for n in range(count):
        start_thread(official, topic=topic, title=f"Quotas {n}", body=f"@{handle(member)} hi")
    assert tasks.send_digests("daily") == 1
    [message] = mail.outbox
    assert message.subject == f"Ежедневная сводка обсуждений: {subject}"
    assert heading in message.body
