"""RFC 5545 calendars: one event's .ics file and a member's subscription feed.

The ``icalendar`` library does the escaping, CRLF line ends and 75-octet folding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from events.links import page_url
from events.models import EventPage, Registration, RegistrationStatus

PRODID = "-//Migration Partnership Platform//Events//EN"


def event_uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: the page id and the site's host."""
    host = urlparse(settings.SITE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def _location(event: EventPage) -> str:
    return ", ".join(part for part in (event.venue, event.address.replace("\n", ", ")) if part)


def event_status(event: EventPage, registration: Registration | None) -> str:
    """RFC 5545 STATUS as the member should read it: a place waited for (on the waitlist, or
    awaiting approval) is TENTATIVE; a cancelled event or place is CANCELLED."""
    if event.cancelled or (
        registration is not None and registration.status == RegistrationStatus.CANCELLED
    ):
        return "CANCELLED"
    if registration is not None and registration.status in (
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.PENDING,
    ):
        return "TENTATIVE"
    return "CONFIRMED"


@dataclass(frozen=True)
class CalendarEntry:
    """One event as one member's calendar shows it."""

    event: EventPage
    registration: Registration | None
    sequence: int
    include_link: bool


def _vevent(entry: CalendarEntry) -> Event:
    event = entry.event
    zone = event.zone
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", timezone.localtime(event.starts_at, zone).replace(microsecond=0))
    vevent.add("dtend", timezone.localtime(event.ends_at, zone).replace(microsecond=0))
    vevent.add("summary", event.title)
    vevent.add("sequence", entry.sequence)
    vevent.add("status", event_status(event, entry.registration))
    description = event.summary
    if entry.include_link and event.online_link:
        description = f"{description}\n\n{event.online_link}".strip()
    if description:
        vevent.add("description", description)
    location = _location(event)
    if location:
        vevent.add("location", location)
    vevent.add("url", page_url(event))
    vevent.add("categories", [event.get_kind_display()])
    return vevent


def build_calendar(entries: Iterable[CalendarEntry], *, name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for entry in entries:
        calendar.add_component(_vevent(entry))
    # VTIMEZONE blocks for every TZID used, so clients need no zone database of their own.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ics(event: EventPage, *, registration: Registration | None, include_link: bool) -> bytes:
    """One event's file, for the member holding ``registration`` (None: not registered)."""
    entry = CalendarEntry(
        event=event, registration=registration, sequence=event.sequence, include_link=include_link
    )
    return build_calendar([entry], name=event.title)
