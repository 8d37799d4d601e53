"""The dashboard's "Upcoming deadlines" and the state of each of the member's events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from core.access import Tier
from core.roles import Role
from events import services as event_services
from tests.events.builders import get_events_index, make_consultation, make_event
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def _days_ahead(days: int):
    """Late on the day ``days`` calendar days from today (local time): always in the future,
    and ``days`` days away whatever the hour the test runs at."""
    return (timezone.localtime() + timedelta(days=days)).replace(hour=23, minute=30)


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def test_registration_closing_soon_is_a_deadline_for_those_who_may_register(
    official_client, member_client
):
    closes = _days_ahead(3)
    make_event(get_events_index(), title="Officials' meeting", registration_closes_at=closes)
    make_event(
        get_events_index(),
        title="Closed to me",
        registration_closes_at=closes,
        tier=Tier.SECRETARIAT,
    )
    deadlines = _section(official_client.get("/en/").content.decode(), "dashboard-deadlines")
    assert "Officials&#x27; meeting" in deadlines or "Officials' meeting" in deadlines
    assert "Registration closes" in deadlines
    assert "deadline in 3 days" in deadlines
    assert closes.strftime("%Y-%m-%d") in deadlines  # the date, besides the relative wording
    assert "Closed to me" not in deadlines


def test_an_event_already_registered_for_is_no_deadline(official, official_client):
    event = make_event(
        get_events_index(),
        title="Already in",
        registration_closes_at=timezone.now() + timedelta(days=3),
    )
    event_services.registration_create(event=event, user=official)
    page = official_client.get("/en/").content.decode()
    assert "Already in" not in _section(page, "dashboard-deadlines")
    events = _section(page, "dashboard-events-heading")
    assert '<span class="mp-badge mp-badge--success">You are registered</span>' in events


def test_consultation_answers_due_is_a_deadline(official_client):
    make_consultation(
        get_events_index(),
        title="Consultation on return",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=_days_ahead(5),
    )
    deadlines = _section(official_client.get("/en/").content.decode(), "dashboard-deadlines")
    assert "Consultation on return" in deadlines
    assert "Answers due" in deadlines
    assert "deadline in 5 days" in deadlines


def test_waitlisted_member_sees_their_place(client):
    event = make_event(get_events_index(), title="Full meeting", capacity=1)
    people = [make_member(Role.GOVERNMENT) for _ in range(3)]
    for person in people:
        event_services.registration_create(event=event, user=person)
    client.force_login(people[2])
    events = _section(client.get("/en/").content.decode(), "dashboard-events-heading")
    assert "Waitlisted (no. 2)" in events


def test_deadlines_in_russian(official_client):
    make_event(
        get_events_index(),
        title="Meeting",
        registration_closes_at=_days_ahead(3),
    )
    deadlines = _section(official_client.get("/ru/").content.decode(), "dashboard-deadlines")
    assert "Ближайшие сроки" in deadlines
    assert "через 3 дня" in deadlines
