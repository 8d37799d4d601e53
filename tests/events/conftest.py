"""Events fixtures: an events index under the home page, events, consultations, officials."""

from __future__ import annotations

import pytest

from core.roles import Role
from events.models import EventIndexPage, EventPage
from tests.events.builders import get_events_index, make_event, set_country
from tests.factories.members import make_member


@pytest.fixture
def events_index(db) -> EventIndexPage:
    return get_events_index()


@pytest.fixture
def event(events_index) -> EventPage:
    return make_event(events_index)


@pytest.fixture
def officials(db):
    def build(n: int, country: str | None = "GE"):
        users = [make_member(Role.GOVERNMENT) for _ in range(n)]
        if country:
            for user in users:
                set_country(user, country)
        return users

    return build


@pytest.fixture(autouse=True)
def _run_on_commit_at_once(request, monkeypatch):
    """A test's transaction is rolled back, never committed: run on-commit work at once, as
    the commit would, so e-mails and tasks can be checked. Transactional tests commit for real.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
