"""Numbers out of range in events URLs answer a clear 200, 400 or 404, never 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.events.builders import make_event

pytestmark = pytest.mark.django_db

HUGE = "9" * 20

INDEX_QUERIES = [
    f"?page={HUGE}",
    "?page=-1",
    "?page=abc",
    f"?view=calendar&month={HUGE}-01",
    f"?view=calendar&month=2026-{HUGE}",
    "?view=calendar&month=2026-13",
    "?view=calendar&month=9999-12",
    "?view=calendar&month=0001-01",
    "?view=calendar&month=-5--5",
    f"?country={HUGE}",
    f"?theme={HUGE}",
    f"?kind={HUGE}&format={HUGE}",
    f"?tz={HUGE}",
    "?when=past&page=99999999",
]


@pytest.mark.parametrize("query", INDEX_QUERIES)
def test_events_index_survives_hostile_parameters(member_client, events_index, query):
    make_event(events_index)
    response = member_client.get(events_index.url + query)
    assert response.status_code == 200


def test_an_impossible_month_says_so(member_client, events_index):
    response = member_client.get(events_index.url + "?view=calendar&month=2026-13")
    assert "There is no month 2026-13 in the calendar" in response.content.decode()


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", f"/en/events/{HUGE}/calendar.ics"),
        ("post", f"/en/events/{HUGE}/register/"),
        ("get", f"/en/events/consultations/{HUGE}/answers/"),
    ],
)
def test_ids_too_large_are_not_found(member_client, events_index, method, path):
    assert member_client.generic(method.upper(), path).status_code == 404


def test_event_page_with_hostile_zone(member_client, event):
    assert member_client.get(event.url + f"?tz={HUGE}").status_code == 200


def test_attendance_with_ids_too_large(secretariat_client, event):
    response = secretariat_client.post(
        reverse("events:attendance", args=[event.pk]), {"attended": [HUGE, "-1", "x"]}
    )
    assert response.status_code == 302
