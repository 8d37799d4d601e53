"""Attendance: the secretariat's check-in list and scan page, the participant's code, no-shows,
and what the charts and the donor report count."""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from core.reports import Period
from events import services, services_attendance
from events.charts import participation_charts
from events.models import CheckIn, EventFormat, EventKind, EventPage, Registration
from events.reports_attendance import attendance_section
from tests.events.builders import make_event, set_country
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _participant(event, first="Нино", last="Беридзе", country="GE", **answers):
    user = make_member(first_name=first, last_name=last)
    set_country(user, country)
    return services.registration_create(event=event, user=user, answers=answers)


def _move_to_past(event, days=2) -> EventPage:
    start = timezone.now() - timedelta(days=days)
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=start, ends_at=start + timedelta(hours=6)
    )
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def in_person(events_index):
    return make_event(events_index, format=EventFormat.IN_PERSON, capacity=10)


def test_the_list_shows_confirmed_participants_searchable_in_any_script(
    in_person, secretariat_client
):
    nino = _participant(in_person)
    _participant(in_person, "Арам", "Петросян", "AM")
    cancelled = _participant(in_person, "Olena", "Shevchenko", "UA")
    services.registration_cancel(registration=cancelled)
    url = reverse("events:check_in", kwargs={"event_id": in_person.pk})

    page = secretariat_client.get(url).content.decode()
    assert "Нино Беридзе" in page and "Арам Петросян" in page
    assert "Shevchenko" not in page  # cancelled: not on the list
    # Typed in Latin letters, the name written in Cyrillic is found (no script needed).
    found = secretariat_client.get(url, {"q": "nino"}).content.decode()
    assert "Нино Беридзе" in found and "Петросян" not in found
    assert f'id="r-{nino.pk}"' in found
    nobody = secretariat_client.get(url, {"q": "zzz"}).content.decode()
    assert "No confirmed participant has that name." in nobody


def test_check_in_and_undo_from_the_list(in_person, secretariat_client, secretariat):
    registration = _participant(in_person)
    url = reverse("events:check_in_action", kwargs={"registration_id": registration.pk})

    response = secretariat_client.post(url, {"action": "in", "q": "nino"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=nino#r-{registration.pk}")
    registration.refresh_from_db()
    assert registration.attended is True
    assert CheckIn.objects.get(registration=registration).recorded_by == secretariat
    page = secretariat_client.get(response["Location"]).content.decode()
    assert "Нино Беридзе is checked in." in page
    assert "Checked in" in page

    secretariat_client.post(url, {"action": "undo"})
    registration.refresh_from_db()
    assert registration.attended is None  # not recorded, not "did not attend"
    assert not CheckIn.objects.filter(registration=registration).exists()


def test_online_attendance_is_offered_for_hybrid_events_only(events_index, secretariat_client):
    hybrid = make_event(events_index, format=EventFormat.HYBRID)
    in_person = make_event(events_index, format=EventFormat.IN_PERSON, slug="in-person")
    registration = _participant(hybrid)
    _participant(in_person, "Aram", "Petrosyan", "AM")

    def page(event):
        return secretariat_client.get(
            reverse("events:check_in", kwargs={"event_id": event.pk})
        ).content.decode()

    assert 'value="online"' in page(hybrid)
    assert 'value="online"' not in page(in_person)
    secretariat_client.post(
        reverse("events:check_in_action", kwargs={"registration_id": registration.pk}),
        {"action": "online"},
    )
    registration.refresh_from_db()
    assert registration.attended is True
    assert registration.check_in.mode == "online"
    assert "Attended online" in page(hybrid)


def test_a_bad_action_or_an_unconfirmed_place_is_a_clear_400(in_person, secretariat_client):
    registration = _participant(in_person)
    url = reverse("events:check_in_action", kwargs={"registration_id": registration.pk})
    response = secretariat_client.post(url, {"action": "explode"})
    assert response.status_code == 400
    services.registration_cancel(registration=registration)
    response = secretariat_client.post(url, {"action": "in"})
    assert response.status_code == 400
    assert "Only a confirmed participant can be checked in." in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended is None


def test_no_shows_are_marked_after_the_event_and_undone_one_by_one(in_person, secretariat_client):
    came = _participant(in_person)
    missed = _participant(in_person, "Aram", "Petrosyan", "AM")
    url = reverse("events:no_shows", kwargs={"event_id": in_person.pk})
    assert secretariat_client.post(url).status_code == 400  # not started yet
    services_attendance.check_in_record(registration=came, by=None)
    _move_to_past(in_person)

    assert secretariat_client.post(url).status_code == 302
    came.refresh_from_db()
    missed.refresh_from_db()
    assert came.attended is True
    assert missed.attended is False
    page = secretariat_client.get(
        reverse("events:check_in", kwargs={"event_id": in_person.pk})
    ).content.decode()
    assert "Did not attend" in page
    # Run again: nothing more to mark.
    assert services_attendance.no_shows_mark(event=EventPage.objects.get(pk=in_person.pk)) == 0


def test_members_cannot_use_the_check_in_tools(in_person, member_client):
    registration = _participant(in_person)
    for url in (
        reverse("events:check_in", kwargs={"event_id": in_person.pk}),
        reverse("events:check_in_scan", kwargs={"event_id": in_person.pk}),
        reverse("events:sign_in_sheet", kwargs={"event_id": in_person.pk}),
    ):
        assert member_client.get(url).status_code == 403
    action = reverse("events:check_in_action", kwargs={"registration_id": registration.pk})
    assert member_client.post(action, {"action": "in"}).status_code == 403
    registration.refresh_from_db()
    assert registration.attended is None


# --- The personal code ---------------------------------------------------------------------


def test_the_code_is_signed_with_its_own_salt_and_names_the_registration(in_person):
    registration = _participant(in_person)
    token = services_attendance.check_in_token(registration=registration)
    assert token.startswith(f"{registration.pk}:")
    assert services_attendance.registration_from_token(token=token) == registration
    # The same id signed for another purpose, or altered, is not a check-in code.
    other = signing.Signer(salt="events.certificates", algorithm="sha256").sign(
        str(registration.pk)
    )
    assert services_attendance.registration_from_token(token=other) is None
    forged = f"{registration.pk + 1}:{token.split(':', 1)[1]}"
    assert services_attendance.registration_from_token(token=forged) is None


def test_only_the_participant_and_the_secretariat_fetch_the_code(in_person, client, secretariat):
    registration = _participant(in_person)
    svg = reverse("events:check_in_code_svg", kwargs={"registration_id": registration.pk})
    page = reverse("events:check_in_code", kwargs={"registration_id": registration.pk})
    client.force_login(registration.user)
    response = client.get(svg)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    token = services_attendance.check_in_token(registration=registration)
    assert token in client.get(page).content.decode()

    client.force_login(make_member())
    assert client.get(svg).status_code == 404
    assert client.get(page).status_code == 404
    client.force_login(secretariat)
    assert client.get(svg).status_code == 200


def test_a_waitlisted_member_has_no_code(events_index, client):
    event = make_event(events_index, format=EventFormat.IN_PERSON, capacity=1)
    _participant(event)
    waiting = _participant(event, "Aram", "Petrosyan", "AM")
    assert waiting.status == "waitlisted"
    client.force_login(waiting.user)
    url = reverse("events:check_in_code_svg", kwargs={"registration_id": waiting.pk})
    assert client.get(url).status_code == 404


def test_the_event_page_shows_the_participant_their_code(in_person, client):
    registration = _participant(in_person)
    client.force_login(registration.user)
    page = client.get(in_person.url).content.decode()
    assert reverse("events:check_in_code_svg", kwargs={"registration_id": registration.pk}) in page
    assert "Open the code full screen" in page


# --- Scanning or typing a code ---------------------------------------------------------------


def test_a_typed_code_checks_the_person_in_and_names_them(in_person, secretariat_client):
    registration = _participant(in_person)
    url = reverse("events:check_in_scan", kwargs={"event_id": in_person.pk})
    token = services_attendance.check_in_token(registration=registration)

    response = secretariat_client.post(url, {"code": f"  {token} "})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Checked in" in page and "Нино Беридзе" in page and "Georgia" in page
    registration.refresh_from_db()
    assert registration.attended is True
    again = secretariat_client.post(url, {"code": token}).content.decode()
    assert "Already checked in" in again


def test_bad_codes_say_what_is_wrong(events_index, in_person, secretariat_client):
    other_event = make_event(events_index, title="Webinar on returns", slug="webinar")
    elsewhere = _participant(other_event, "Aram", "Petrosyan", "AM")
    cancelled = _participant(in_person)
    services.registration_cancel(registration=cancelled)
    url = reverse("events:check_in_scan", kwargs={"event_id": in_person.pk})

    def scan(code):
        response = secretariat_client.post(url, {"code": code})
        assert response.status_code == 400
        return response.content.decode()

    assert "This is not a valid code" in scan("12:not-a-signature")
    assert "There is a problem" in scan("") or "This field is required" in scan("")
    page = scan(services_attendance.check_in_token(registration=elsewhere))
    assert "This code is for another event" in page and "Webinar on returns" in page
    page = scan(services_attendance.check_in_token(registration=cancelled))
    assert "No confirmed place" in page
    for registration in (elsewhere, cancelled):
        registration.refresh_from_db()
        assert registration.attended is None


def test_the_sign_in_sheet_lists_everyone_confirmed(in_person, secretariat_client):
    _participant(in_person)
    _participant(in_person, "Aram", "Petrosyan", "AM")
    page = secretariat_client.get(
        reverse("events:sign_in_sheet", kwargs={"event_id": in_person.pk})
    ).content.decode()
    assert "Нино Беридзе" in page and "Aram Petrosyan" in page and "Signature" in page


def test_the_list_takes_a_flat_number_of_queries(
    in_person, secretariat_client, django_assert_max_num_queries
):
    for i in range(8):
        _participant(in_person, f"Person{i}", "Test", "MD")
    url = reverse("events:check_in", kwargs={"event_id": in_person.pk})
    secretariat_client.get(url)
    with django_assert_max_num_queries(25):
        secretariat_client.get(url)


# --- Charts and the donor report -----------------------------------------------------------


def test_attendance_feeds_the_charts_and_the_donor_report(in_person, secretariat):
    came = _participant(in_person)
    missed = _participant(in_person, "Aram", "Petrosyan", "AM")
    _participant(in_person, "Olena", "Shevchenko", "UA")  # not recorded
    services_attendance.check_in_record(registration=came, by=None)
    services_attendance.absent_mark(registration=missed)
    event = _move_to_past(in_person, days=3)

    charts = {chart["title"]: chart for chart in participation_charts(viewer=secretariat)}
    chart = charts["Attendance at past events by month"]
    rows = {row["label"]: row["total"] for row in chart["rows"]}
    assert rows == {"Attended": 1, "Did not attend": 1, "Not recorded": 1}

    day = timezone.localdate(event.starts_at)
    section = attendance_section(Period(day - dt.timedelta(days=1), day + dt.timedelta(days=1)))
    table = section.tables[0]
    label = dict(EventKind.choices)[event.kind]
    row = next(r for r in table.rows if r[0] == label)
    # kind, events, registered, attended, did not attend, not recorded, no-show rate
    assert row == [label, 1, 3, 1, 1, 1, 50.0]
    assert {f.label: f.value for f in section.figures}["No-show rate (%)"] == 50.0
    # Another period counts nothing.
    empty = attendance_section(Period(day + dt.timedelta(days=5), day + dt.timedelta(days=9)))
    assert empty.tables[0].rows == []
    assert Registration.objects.filter(event=event).count() == 3
