"""The secretariat's front-site dashboard: its work queues count what really waits, each links
to where the work is done, and nobody else may open it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from discussions import services as discussion_services
from discussions.models import Topic
from events import services as event_services
from members import services as member_services
from tests.events.builders import get_events_index, make_event
from tests.factories.members import make_member
from tests.knowledge.test_workflow import submit_new

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.mark.parametrize("role", ["member_client", "expert_client", "official_client"])
def test_only_the_secretariat_opens_it(request, role):
    client = request.getfixturevalue(role)
    assert client.get(reverse("secretariat_dashboard")).status_code == 403


def test_queues_count_what_waits(client, secretariat, expert, official, member):
    from knowledge.services import library_setup

    # A note in review.
    client.force_login(expert)
    submit_new(client, library_setup(), title="Pilot to approve", slug="pilot-to-approve")
    # A flagged post.
    topic = Topic.objects.create(name="Labour migration", slug="labour-migration")
    thread = discussion_services.thread_create(
        author=official, title="Seasonal work", body="Buy cheap visas here", topic=topic
    )
    discussion_services.flag_create(reporter=member, post=thread.posts.get(number=1), reason="spam")
    # Two registrations awaiting approval.
    event = make_event(
        get_events_index(), title="Approval meeting", approval_required=True, capacity=10
    )
    for person in (official, make_member(Role.GOVERNMENT)):
        event_services.registration_create(event=event, user=person)
    # Three invitations not yet accepted.
    for n in range(3):
        member_services.invitation_create(
            email=f"invitee{n}@example.org", role=Role.OBSERVER, invited_by=secretariat
        )

    client.force_login(secretariat)
    response = client.get(reverse("secretariat_dashboard"))
    assert response.status_code == 200
    page = response.content.decode()

    def count_after(heading_id: str) -> str:
        start = page.index(f'id="{heading_id}"')
        marker = 'mp-stat__value">'
        at = page.index(marker, start) + len(marker)
        return page[at : page.index("<", at)]

    assert count_after("queue-approvals") == "1"
    assert "Pilot to approve" in page
    assert count_after("queue-flags") == "1"
    assert "Seasonal work" in page
    assert reverse("discussions_moderation") in page
    assert count_after("queue-registrations") == "2"
    assert reverse("events:manage", args=[event.pk]) in page
    assert count_after("queue-invitations") == "3"
    assert "invitee0@example.org" in page


def test_participation_charts_come_with_their_table(client, secretariat, official):
    soon = make_event(
        get_events_index(),
        title="Soon meeting",
        starts_at=timezone.now() + timedelta(days=2),
    )
    event_services.registration_create(event=soon, user=official)
    client.force_login(secretariat)
    page = client.get(reverse("secretariat_dashboard")).content.decode()
    assert 'role="img"' in page
    assert "The figures as a table" in page
    assert "<caption>Participants by role and month</caption>" in page
