"""What a member sees about their own place on the events list: registered, waitlisted with
their place, and a registration deadline that is near (issue 13), through HTTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db


def _card(html: str, title: str) -> str:
    """The event card that names ``title`` (cards are list items of the event list)."""
    start = html.index(f">{title}</")
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_registered_and_waitlisted_badges_name_the_members_place(client, events_index, officials):
    make_event(events_index, title="Full meeting", capacity=1)
    make_event(events_index, title="Other meeting", capacity=10)
    full = events_index.get_children().specific().get(title="Full meeting")
    first, second, third = officials(3)
    for user in (first, second, third):
        services.registration_create(event=full, user=user)

    client.force_login(first)
    html = client.get(events_index.url).content.decode()
    assert "You are registered" in _card(html, "Full meeting")
    assert "You are registered" not in _card(html, "Other meeting")

    client.force_login(third)
    card = _card(client.get(events_index.url).content.decode(), "Full meeting")
    assert "Waitlisted (no. 2)" in card
    assert "You are registered" not in card


def test_registration_closing_soon_badge_for_members_not_registered(
    client, events_index, officials
):
    now = timezone.now()
    soon = make_event(
        events_index,
        title="Closing soon",
        registration_closes_at=now + timedelta(days=3) - timedelta(hours=1),
    )
    make_event(events_index, title="Closing later", registration_closes_at=now + timedelta(days=20))
    make_event(
        events_index, title="Closed already", registration_closes_at=now - timedelta(hours=1)
    )
    member, registered = officials(2)
    services.registration_create(event=soon, user=registered)

    client.force_login(member)
    html = client.get(events_index.url).content.decode()
    assert "Registration closes in 3 days" in _card(html, "Closing soon")
    assert "Registration closes in" not in _card(html, "Closing later")
    assert "Registration closes in" not in _card(html, "Closed already")

    client.force_login(registered)
    card = _card(client.get(events_index.url).content.decode(), "Closing soon")
    assert "You are registered" in card and "Registration closes in" not in card


def test_badges_in_russian(client, events_index, officials):
    event = make_event(events_index, title="Full meeting", capacity=1)
    first, second = officials(2)
    services.registration_create(event=event, user=first)
    services.registration_create(event=event, user=second)
    client.force_login(second)
    html = client.get(events_index.url.replace("/en/", "/ru/", 1)).content.decode()
    assert "Лист ожидания (№ 1)" in html


def test_badges_cost_no_query_per_event(
    client, events_index, officials, django_assert_max_num_queries
):
    users = officials(2)
    for i in range(3):
        event = make_event(events_index, title=f"Event {i}", capacity=1)
        for user in users:
            services.registration_create(event=event, user=user)
    client.force_login(users[1])
    client.get(events_index.url)
    with django_assert_max_num_queries(25) as few:
        client.get(events_index.url)
    for i in range(3, 12):
        event = make_event(events_index, title=f"Event {i}", capacity=1)
        for user in users:
            services.registration_create(event=event, user=user)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(events_index.url).content.decode()
    assert html.count("Waitlisted (no. 1)") == 12
