"""Needs and requests' pages stay flat as requests grow, and the demo shows every state."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from events.models import EventKind
from knowledge import demo_requests
from knowledge.models import CapacityRequest
from knowledge.models.requests import RequestState
from knowledge.services_requests import request_state_change
from tests.events.builders import get_events_index, make_event
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note
from tests.knowledge.requests_builders import make_training_need, official_of

pytestmark = pytest.mark.django_db


def _many(requester, secretariat, n: int) -> list[CapacityRequest]:
    made = [make_training_need(requester) for _ in range(n)]
    for request in made[::2]:
        request_state_change(request=request, to_state=RequestState.ACCEPTED, by=secretariat)
    return made


def _queries(client, url: str) -> int:
    client.get(url)  # warm what the site caches (privacy rules, locales)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_my_requests_the_dashboard_and_the_queue_stay_flat_as_requests_grow(
    client, official, secretariat
):
    """A small run sets the budget for a large one: ten more requests, no more queries."""
    official_of(official, "AM", focal_point=True)
    pages = {
        official: [reverse("knowledge:my_requests"), "/en/"],
        secretariat: [reverse("knowledge:request_queue")],
    }
    counts = []
    for n in (2, 10):
        _many(official, secretariat, n)
        run = []
        for user, urls in pages.items():
            client.force_login(user)
            run += [_queries(client, url) for url in urls]
        counts.append(run)
    assert counts[0] == counts[1]
    client.force_login(official)
    html = client.get(reverse("knowledge:my_requests")).content.decode()
    assert html.count("data-request=") == 12


def test_a_request_page_reads_its_history_in_a_fixed_number_of_queries(
    client, official, secretariat, django_assert_max_num_queries
):
    need = make_training_need(official_of(official, "GE"))
    request_state_change(request=need, to_state=RequestState.ACCEPTED, by=secretariat, note="a")
    client.force_login(secretariat)
    with django_assert_max_num_queries(16):
        html = client.get(reverse("knowledge:request_detail", args=[need.pk])).content.decode()
    assert html.count("<li>") >= 2  # filed, accepted
    assert "Move the request on" in html


def test_the_state_email_is_in_the_requesters_language(
    official, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    official.language = "ru"
    official.save()
    need = make_training_need(official_of(official, "MD"))
    with django_capture_on_commit_callbacks(execute=True):
        request_state_change(request=need, to_state=RequestState.ACCEPTED, by=secretariat)
    assert len(mailoutbox) == 1
    assert "Здравствуйте" in mailoutbox[0].body


class _Context:
    def say(self, text: str) -> None:
        self.said = text


def test_demo_requests_cover_every_state_and_run_twice(library, expert):
    for local, code in [("gov.am", "AM"), ("gov.ge", "GE"), ("gov.md", "MD"), ("gov.ua", "UA"),
                        ("gov.az", "AZ")]:  # fmt: skip
        official_of(make_member(Role.GOVERNMENT, email=f"{local}@demo.example.org"), code)
    make_member(Role.SECRETARIAT, email="secretariat@demo.example.org")
    make_note(library, owner=expert)
    event = make_event(get_events_index(), kind=EventKind.TRAINING, title="Demo training")
    demo_requests.seed(_Context())
    demo_requests.seed(_Context())
    requests = CapacityRequest.objects.all()
    assert requests.count() == 5
    assert {r.state for r in requests} == {"new", "accepted", "planned", "declined"}
    assert requests.get(state="planned").event_id == event.pk
    assert requests.get(state="declined").decline_reason
