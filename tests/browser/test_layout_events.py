"""Events, consultations and the secretariat's registrants page hold at phone, tablet, laptop
and 320 px (tests/browser/layout.py), the month calendar is an agenda on a phone and a grid on
a laptop, and an event prints as a document (issue 13)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_TITLE = (
    "Regional meeting on the reintegration of returning migrants and labour-market "
    "information systems in the Eastern Partnership"
)


def _event_with_agenda(index, **fields):
    from events.models import AgendaSession
    from tests.events.builders import make_event, publish

    if "starts_at" not in fields:
        # 09:00 in Tbilisi, so the six-hour meeting stays on one day whenever the test runs.
        tbilisi = zoneinfo.ZoneInfo("Asia/Tbilisi")
        day = (timezone.now() + timedelta(days=20)).astimezone(tbilisi).date()
        fields["starts_at"] = datetime.combine(day, time(9, 0), tzinfo=tbilisi)
    event = make_event(index, title=LONG_TITLE, **fields)
    day = timezone.localtime(event.starts_at, event.zone).date()
    for n, (hour, title) in enumerate(
        ((9, "Opening and tour de table"), (11, "Country practices on return counselling"))
    ):
        event.sessions.add(
            AgendaSession(
                title=title,
                date=day,
                start_time=time(hour, 0),
                end_time=time(hour + 1, 30),
                speakers="Secretariat; Ministry of Internal Affairs of Georgia",
                description="Each delegation presents one practice in five minutes.",
                sort_order=n,
            )
        )
    return publish(event)


def _signed_in(page, role):
    from tests.events.builders import set_country
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    user = set_country(make_member(role), "GE")
    sign_in(page, user.email, DEFAULT_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return user


def test_event_pages_hold_for_an_official(page):
    from core.roles import Role
    from events import services
    from tests.events.builders import get_events_index, make_consultation

    index = get_events_index()
    event = _event_with_agenda(
        index, registration_closes_at=timezone.now() + timedelta(days=2), capacity=1
    )
    _event_with_agenda(index, capacity=20)
    consultation = make_consultation(
        index, synthesis="<p>Countries agree to share return data.</p>", synthesis_published=True
    )
    official = _signed_in(page, Role.GOVERNMENT)
    month = timezone.localtime(event.starts_at, event.zone).strftime("%Y-%m")

    check_layout(page, index.url, first_result=".mp-event-card", name="events-index")
    check_layout(page, f"{index.url}?view=calendar&month={month}", name="events-calendar")
    check_layout(page, event.url, name="event-registration-form")
    services.registration_create(event=event, user=official)
    check_layout(page, event.url, name="event-registered")
    check_layout(page, consultation.url, name="consultation")
    check_layout(page, reverse("events:feed_manage"), name="events-calendar-feed")


def test_secretariat_pages_hold(page):
    from core.roles import Role
    from events import services
    from tests.events.builders import get_events_index, make_consultation, set_country
    from tests.factories.members import make_member

    index = get_events_index()
    event = _event_with_agenda(index, capacity=2)
    for n in range(4):
        official = set_country(make_member(Role.GOVERNMENT), "AM")
        services.registration_create(
            event=event,
            user=official,
            answers={"accessibility_needs": "Step-free access to the meeting room" * (n + 1)},
        )
    consultation = make_consultation(index)
    _signed_in(page, Role.SECRETARIAT)
    check_layout(page, reverse("events:manage", args=[event.pk]), name="event-manage")
    answers = reverse("events:consultation_answers", args=[consultation.pk])
    check_layout(page, answers, name="consultation-answers")


def test_month_calendar_is_an_agenda_on_a_phone_and_a_grid_on_a_laptop(page):
    from core.roles import Role
    from tests.events.builders import get_events_index

    index = get_events_index()
    event = _event_with_agenda(index)
    _signed_in(page, Role.GOVERNMENT)
    month = timezone.localtime(event.starts_at, event.zone).strftime("%Y-%m")
    path = f"{index.url}?view=calendar&month={month}"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    month_name = timezone.localtime(event.starts_at, event.zone).strftime("%B %Y")
    agenda = page.get_by_role("list", name=month_name)
    assert agenda.get_by_role("link", name=LONG_TITLE).is_visible()
    assert page.get_by_role("table").count() == 0  # the grid is not shown (nor read out)

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(path)
    grid = page.get_by_role("table")
    assert grid.is_visible()
    assert grid.get_by_role("columnheader").count() == 7
    assert grid.get_by_role("link", name=LONG_TITLE).first.is_visible()
    assert not page.locator(".mp-month__agenda").is_visible()


def test_event_prints_as_a_document(page):
    from core.roles import Role
    from tests.events.builders import get_events_index

    event = _event_with_agenda(get_events_index())
    _signed_in(page, Role.GOVERNMENT)
    page.goto(event.url)
    button = page.get_by_role("button", name="Print / save as PDF")
    assert button.count() == 1

    page.emulate_media(media="print")
    assert not page.get_by_role("banner").is_visible()
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not button.is_visible()
    assert not page.get_by_role("button", name="Register").is_visible()
    agenda = page.get_by_role("table", name="Times are in Tbilisi Time, the event's time zone.")
    assert agenda.is_visible()
    assert agenda.get_by_role("cell", name="09:00–10:30").is_visible()
    assert agenda.get_by_role("cell", name="Country practices on return counselling").is_visible()
