"""RFC 5545 calendars: one event's .ics file and a member's subscription feed.

The ``icalendar`` library does the escaping, CRLF line ends and 75-octet folding.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from events.models import EventPage

PRODID = "-//Migration Partnership Platform//Events//EN"


def event_uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: the page id and the site's host."""
    host = urlparse(settings.SITE_URL).hostname or "localhost"
    return f"event-{event.pk}@{host}"


def _location(event: EventPage) -> str:
    return ", ".join(part for part in (event.venue, event.address.replace("\n", ", ")) if part)


def _vevent(event: EventPage, *, sequence: int, include_link: bool) -> Event:
    zone = event.zone
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", timezone.localtime(event.starts_at, zone).replace(microsecond=0))
    vevent.add("dtend", timezone.localtime(event.ends_at, zone).replace(microsecond=0))
    vevent.add("summary", event.title)
    vevent.add("sequence", sequence)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    description = event.summary
    if include_link and event.online_link:
        description = f"{description}\n\n{event.online_link}".strip()
    if description:
        vevent.add("description", description)
    location = _location(event)
    if location:
        vevent.add("location", location)
    url = event.full_url
    if url:
        vevent.add("url", url)
    vevent.add("categories", [event.get_kind_display()])
    return vevent


def build_calendar(
    events: Iterable[EventPage],
    *,
    sequences: dict[int, int],
    link_for: set[int] = frozenset(),
    name: str = "",
    method: str = "PUBLISH",
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(
            _vevent(event, sequence=sequences.get(event.pk, 0), include_link=event.pk in link_for)
        )
    # VTIMEZONE blocks for every TZID used, so clients need no zone database of their own.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ics(event: EventPage, *, include_link: bool) -> bytes:
    return build_calendar(
        [event],
        sequences={event.pk: event.sequence},
        link_for={event.pk} if include_link else set(),
        name=event.title,
    )
