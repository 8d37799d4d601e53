"""Calendar files and the personal feed, read back by two independent iCalendar parsers."""

from __future__ import annotations

import zoneinfo
from datetime import timedelta

import icalendar
import ics
import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.calendar import event_uid
from events.models import CalendarFeedToken, EventLedger
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db


def _lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line for line in lines), "bare LF inside the file"
    return lines


def test_event_ics_is_valid_rfc5545(member_client, events_index):
    event = make_event(
        events_index,
        title="Regional meeting on labour migration; mobility, skills, "
        "and the recognition of qualifications across the region",
        summary="Ministries of labour and interior: " + "ещё один длинный текст " * 8,
    )
    response = member_client.get(reverse("events:event_calendar", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content
    lines = _lines(body)
    # Folded at 75 octets: long lines continue on lines that start with a space.
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)

    parsed = icalendar.Calendar.from_ical(body)
    (vevent,) = parsed.walk("VEVENT")
    assert str(vevent["UID"]) == event_uid(event)
    assert "DTSTAMP" in vevent
    assert vevent["DTSTART"].params["TZID"] == "Asia/Tbilisi"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTSTART").utcoffset() == timedelta(hours=4)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Asia/Tbilisi"]
    assert int(vevent["SEQUENCE"]) == 0
    # A member without a confirmed place does not get the online link.
    assert b"secret-room" not in body

    (other,) = ics.Calendar(body.decode()).events
    assert other.uid == event_uid(event)
    assert other.begin == event.starts_at
    assert other.end == event.ends_at
    assert other.name.startswith("Regional meeting on labour migration; mobility")


def test_confirmed_participant_gets_the_link_in_the_file(client, event, official):
    services.registration_create(event=event, user=official)
    client.force_login(official)
    body = client.get(reverse("events:event_calendar", args=[event.pk])).content
    assert "secret-room" in str(icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["DESCRIPTION"])


def test_sequence_grows_when_time_or_place_changes_not_otherwise(member_client, event):
    url = reverse("events:event_calendar", args=[event.pk])

    def sequence():
        body = member_client.get(url).content
        return int(icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["SEQUENCE"])

    assert sequence() == 0
    event.summary = "New summary"
    event.save_revision().publish()
    assert sequence() == 0
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save_revision().publish()
    assert sequence() == 1
    event.venue = "Another hotel"
    event.save_revision().publish()
    assert sequence() == 2
    # The UID never changes.
    body = member_client.get(url).content
    assert str(icalendar.Calendar.from_ical(body).walk("VEVENT")[0]["UID"]) == event_uid(event)


def test_publishing_an_older_revision_does_not_lower_the_sequence(member_client, event):
    event.venue = "Another hotel"
    event.save_revision().publish()
    first = event.revisions.order_by("created_at").first()
    first.publish()
    assert EventLedger.objects.get(event=event).sequence == 2


def test_feed_lists_my_events_with_their_zones(client, events_index, official):
    kyiv = make_event(events_index, title="Kyiv webinar", timezone="Europe/Kyiv", kind="webinar")
    tbilisi = make_event(events_index, title="Tbilisi meeting")
    make_event(events_index, title="Not mine")
    services.registration_create(event=kyiv, user=official)
    services.registration_create(event=tbilisi, user=official)
    token = services.feed_token_get_or_create(user=official).token
    # No session: calendar applications fetch the feed on their own.
    response = client.get(reverse("events:feed", args=[token]))
    assert response.status_code == 200
    body = response.content
    _lines(body)
    parsed = icalendar.Calendar.from_ical(body)
    titles = sorted(str(e["SUMMARY"]) for e in parsed.walk("VEVENT"))
    assert titles == ["Kyiv webinar", "Tbilisi meeting"]
    assert sorted(str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")) == [
        "Asia/Tbilisi",
        "Europe/Kyiv",
    ]
    other = ics.Calendar(body.decode())
    begins = {e.name: e.begin for e in other.events}
    assert begins["Kyiv webinar"] == kyiv.starts_at
    assert begins["Kyiv webinar"].tzinfo is not None


def test_feed_token_is_revocable(client, member_client, member):
    page = member_client.get(reverse("events:feed_manage"))
    old = CalendarFeedToken.objects.get(user=member).token
    assert old in page.content.decode()
    assert client.get(reverse("events:feed", args=[old])).status_code == 200
    member_client.post(reverse("events:feed_manage"))
    new = CalendarFeedToken.objects.get(user=member).token
    assert new != old
    client.logout()
    assert client.get(reverse("events:feed", args=[old])).status_code == 404
    assert client.get(reverse("events:feed", args=[new])).status_code == 200


def test_feed_of_a_deactivated_member_is_gone(client, member):
    token = services.feed_token_get_or_create(user=member).token
    member.is_active = False
    member.save()
    assert client.get(reverse("events:feed", args=[token])).status_code == 404


def test_feed_drops_events_the_member_may_no_longer_see(client, events_index, official):
    event = make_event(events_index, tier="governments")
    services.registration_create(event=event, user=official)
    token = services.feed_token_get_or_create(user=official).token
    assert b"BEGIN:VEVENT" in client.get(reverse("events:feed", args=[token])).content
    event.tier = "secretariat"
    event.save_revision().publish()
    assert b"BEGIN:VEVENT" not in client.get(reverse("events:feed", args=[token])).content


def test_wall_clock_time_survives_a_daylight_saving_change(member_client, events_index):
    zone = zoneinfo.ZoneInfo("Europe/Chisinau")
    start = timezone.datetime(2027, 3, 29, 10, 0, tzinfo=zone)  # the day after clocks go forward
    event = make_event(
        events_index,
        timezone="Europe/Chisinau",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    body = member_client.get(reverse("events:event_calendar", args=[event.pk])).content
    assert b"DTSTART;TZID=Europe/Chisinau:20270329T100000" in body
