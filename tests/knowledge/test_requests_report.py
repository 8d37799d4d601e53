"""The donor report's section on needs and requests, and the dashboards' panels."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Period
from knowledge.models.requests import RequestState
from knowledge.reports_requests import requests_section
from knowledge.services_requests import request_state_change
from tests.knowledge.requests_builders import make_training_need, official_of

pytestmark = pytest.mark.django_db


def _period_around_today() -> Period:
    today = timezone.localdate()
    return Period(start=today - dt.timedelta(days=30), end=today)


def _table(section, key):
    return next(table for table in section.tables if table.key == key)


def test_the_section_is_registered():
    assert requests_section in hooks.get_hooks(DONOR_REPORT_SECTION_HOOK)


def test_requests_handled_by_kind_state_and_country(official, other_member, secretariat):
    armenian = official_of(official, "AM")
    georgian = official_of(other_member, "GE")
    make_training_need(armenian)
    accepted = make_training_need(armenian)
    request_state_change(request=accepted, to_state=RequestState.ACCEPTED, by=secretariat)
    declined = make_training_need(georgian)
    request_state_change(
        request=declined, to_state=RequestState.DECLINED, by=secretariat, reason="Duplicate"
    )
    section = requests_section(_period_around_today())
    figures = {figure.label: figure.value for figure in section.figures}
    assert figures == {
        "Requests filed": 3,
        "Requests handled": 3,
        "State changes by the secretariat": 2,
    }
    by_kind = _table(section, "requests_by_kind")
    assert by_kind.columns == ["Kind", "New", "Accepted", "Planned", "Done", "Declined"]
    assert by_kind.rows[0] == ["Training need", 1, 1, 0, 0, 1]
    assert by_kind.rows[1] == ["Study visit", 0, 0, 0, 0, 0]
    assert _table(section, "requests_by_country").rows == [["Armenia", 2], ["Georgia", 1]]


def test_a_period_before_any_request_counts_nothing(official):
    make_training_need(official_of(official, "AM"))
    long_ago = Period(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31))
    section = requests_section(long_ago)
    assert {figure.value for figure in section.figures} == {0}
    assert _table(section, "requests_by_country").rows == []


def test_members_with_nothing_to_request_see_no_requests_panel(client, member, official):
    client.force_login(member)
    assert 'id="panel-requests"' not in client.get("/en/").content.decode()
    official_of(official, "MD")
    client.force_login(official)
    html = client.get("/en/").content.decode()
    assert 'id="panel-requests"' in html
    assert "/library/requests/training-need/" in html
