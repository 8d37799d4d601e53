"""Never overbooked: concurrent registrations on PostgreSQL, each thread its own connection."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from core.roles import Role
from events import services, tasks
from events.models import EventPage, Registration, RegistrationStatus
from members.models import User
from tests.events.builders import get_events_index, make_event

S = RegistrationStatus
SEATS = 50
REGISTRATIONS = 200
THREADS = 25  # each holds one PostgreSQL connection; the server allows a few more than that
ROUNDS = 5


def _members(n: int) -> list[User]:
    users = User.objects.bulk_create(
        [User(email=f"concurrent{i}@example.org", first_name=f"M{i}") for i in range(n)]
    )
    group = Group.objects.get(name=Role.GOVERNMENT)
    group.user_set.add(*users)
    return list(User.objects.filter(email__startswith="concurrent").order_by("pk"))


def _in_threads(work, items, *, threads: int) -> list:
    """Run ``work`` on every item from ``threads`` threads started together at a barrier."""
    barrier = threading.Barrier(threads)
    chunks = [items[i::threads] for i in range(threads)]
    errors: list[BaseException] = []

    def run(chunk):
        try:
            barrier.wait()
            for item in chunk:
                work(item)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(run, chunks))
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_overbook(monkeypatch):
    sent: list[tuple[int, str]] = []
    lock = threading.Lock()

    def record(registration_id, kind, language="en"):
        with lock:
            sent.append((registration_id, kind))

    monkeypatch.setattr(tasks.send_registration_email, "delay", record)
    index = get_events_index()
    users = _members(REGISTRATIONS)
    started = time.monotonic()
    for round_number in range(ROUNDS):
        sent.clear()
        event = make_event(index, title=f"Round {round_number}", capacity=SEATS)
        # Every member registers once, and twenty of them click twice at the same moment.
        attempts = [*users, *users[:20]]

        def register(user, event_id=event.pk):
            services.registration_create(event=EventPage.objects.get(pk=event_id), user=user)

        assert _in_threads(register, attempts, threads=THREADS) == []

        rows = list(Registration.objects.filter(event=event).order_by("position"))
        assert len(rows) == REGISTRATIONS
        assert len({r.user_id for r in rows}) == REGISTRATIONS
        assert [r.position for r in rows] == list(range(1, REGISTRATIONS + 1))
        assert [r.status for r in rows] == [S.CONFIRMED] * SEATS + [S.WAITLISTED] * (
            REGISTRATIONS - SEATS
        )
        assert len(sent) == REGISTRATIONS  # one e-mail a registration, none for double clicks

        # Ten confirmed members cancel at once: each frees one seat, the waitlist moves by ten.
        cancelling = rows[:10]

        def cancel(registration):
            services.registration_cancel(registration=registration)

        assert _in_threads(cancel, cancelling, threads=10) == []
        by_position = {
            r.position: r.status
            for r in Registration.objects.filter(event=event).order_by("position")
        }
        assert [by_position[p] for p in range(1, 11)] == [S.CANCELLED] * 10
        assert [by_position[p] for p in range(11, 61)] == [S.CONFIRMED] * SEATS
        assert {by_position[p] for p in range(61, REGISTRATIONS + 1)} == {S.WAITLISTED}
        promoted = [kind for _pk, kind in sent if kind == "promoted"]
        assert len(promoted) == 10
    # About 15 s on an idle two-core machine; the margin absorbs neighbours' load.
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"{ROUNDS} rounds took {elapsed:.1f} s"
