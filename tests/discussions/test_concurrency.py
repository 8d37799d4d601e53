"""Races that only a real database shows: concurrent replies and concurrent digest runs."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import connection

from core.roles import Role
from discussions import services
from discussions.models import Digest, Post, Thread
from tests.discussions.conftest import start_thread
from tests.factories.members import make_member

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _together(jobs):
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_concurrent_replies_get_distinct_numbers_and_exact_counters():
    from discussions.models import Topic

    topic = Topic.objects.create(name="Race", slug="race")
    thread = start_thread(make_member(Role.EXPERT), topic=topic)
    authors = [make_member(Role.OBSERVER) for _ in range(6)]
    _together(
        [
            lambda a=a: services.post_create(author=a, thread=thread, body=f"from {a.pk}")
            for a in authors
        ]
    )
    thread = Thread.objects.get(pk=thread.pk)
    numbers = sorted(Post.objects.filter(thread=thread).values_list("number", flat=True))
    assert numbers == list(range(1, 8))
    assert (thread.post_count, thread.reply_count) == (7, 6)


def test_concurrent_digest_runs_send_one_digest(monkeypatch):
    from discussions.models import Topic

    monkeypatch.setattr(services, "notification_frequency", lambda user: "daily")
    topic = Topic.objects.create(name="Digest race", slug="digest-race")
    reader = make_member(Role.OBSERVER)
    services.subscription_set(user=reader, topic=topic, level="watch")
    start_thread(make_member(Role.EXPERT), topic=topic, title="News")
    mail.outbox = []
    key = services.period_key("daily")
    _together(
        [lambda: services.digest_send(user=reader, period="daily", key=key) for _ in range(4)]
    )
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(user=reader, sent_at__isnull=False).count() == 1
