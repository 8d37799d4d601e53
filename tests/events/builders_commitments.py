"""A past regional meeting with conclusions and commitments, published through Wagtail as the
secretariat's inline panels do."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from events.models import Commitment, Conclusion, EventPage
from taxonomy.models import Country, Theme
from tests.events.builders import get_events_index, make_event, publish


def make_meeting(*, commitments=(), conclusions=("Countries share return data yearly.",), **fields):
    """``commitments``: (country code, action, due date, theme slugs) tuples."""
    start = timezone.now().replace(microsecond=0) - timedelta(days=60)
    fields.setdefault("title", "Regional meeting on return and reintegration")
    event = make_event(get_events_index(), starts_at=start, **fields)
    for text in conclusions:
        event.conclusions.add(Conclusion(text=text))
    for code, action, due_on, slugs in commitments:
        commitment = Commitment(
            country=Country.objects.get(code=code),
            action=action,
            institution="Ministry of Internal Affairs",
            due_on=due_on,
        )
        commitment.themes.set(list(Theme.objects.filter(slug__in=slugs)))
        event.commitments.add(commitment)
    return publish(event)


def commitment_of(event: EventPage, code: str) -> Commitment:
    return Commitment.objects.with_state().get(page=event, country__code=code)


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)
