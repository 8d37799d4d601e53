"""What a member may see: a place taken before an event became restricted does not reveal it,
and a linked page is named only to those who may open it."""

from __future__ import annotations

import icalendar
import pytest
from django.urls import reverse

from core.access import Tier
from events import selectors, services
from events.models import EventOutcomeLink
from home.models import HomePage
from tests.events.builders import make_event, publish

pytestmark = pytest.mark.django_db


def _feed(client, user) -> list[str]:
    token = services.feed_token_get_or_create(user=user)
    body = client.get(reverse("events:feed", kwargs={"token": token.token})).content
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]


def test_a_place_taken_before_the_event_became_restricted_does_not_reveal_it(
    client, events_index, member
):
    event = make_event(events_index, title="Closed-door meeting on readmission")
    services.registration_create(event=event, user=member)
    client.force_login(member)
    dashboard = HomePage.objects.get().url
    assert [r.event_id for r in selectors.member_registrations(member)] == [event.pk]
    assert "Closed-door meeting" in client.get(dashboard).content.decode()
    assert _feed(client, member) == ["Closed-door meeting on readmission"]

    event.tier = Tier.SECRETARIAT
    publish(event)

    assert selectors.member_registrations(member) == []
    assert selectors.member_registrations(member, upcoming=False) == []
    assert "Closed-door meeting" not in client.get(dashboard).content.decode()
    assert _feed(client, member) == []
    assert client.get(reverse("events:event_calendar", args=[event.pk])).status_code == 404
    assert client.post(reverse("events:cancel", args=[event.pk])).status_code == 404


def test_member_registrations_lists_upcoming_places_in_order(events_index, member):
    from datetime import timedelta

    from django.utils import timezone

    later = make_event(events_index, title="Later", starts_at=timezone.now() + timedelta(days=30))
    sooner = make_event(events_index, title="Sooner", starts_at=timezone.now() + timedelta(days=3))
    gone = make_event(events_index, title="Cancelled by me")
    for event in (later, sooner, gone):
        services.registration_create(event=event, user=member)
    services.registration_cancel(registration=selectors.registration_of(event=gone, user=member))
    assert [r.event.title for r in selectors.member_registrations(member)] == ["Later", "Sooner"][
        ::-1
    ]


def test_outcome_pages_are_named_only_to_those_who_may_open_them(
    client, events_index, member, official
):
    hidden = make_event(events_index, title="Ministers' closed session", tier=Tier.GOVERNMENTS)
    event = make_event(events_index, title="Open regional meeting")
    event.outcome_links.add(EventOutcomeLink(linked_page=hidden, note="follow-up"))
    publish(event)

    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert "Ministers&#x27; closed session" not in page and "Ministers' closed session" not in page
    client.force_login(official)
    assert "Ministers&#x27; closed session" in client.get(event.url).content.decode()
