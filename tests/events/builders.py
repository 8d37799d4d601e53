"""Builders for events and consultations that publish through Wagtail, so the publish hooks
run as they do in the admin."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from events.models import (
    ConsultationPage,
    ConsultationQuestion,
    EventFormat,
    EventIndexPage,
    EventKind,
    EventPage,
    QuestionKind,
)
from home.models import HomePage
from taxonomy.models import Country


def set_country(user, code: str | None, *, focal_point: bool = False):
    from members.models import Profile

    country = Country.objects.get(code=code) if code else None
    Profile.objects.update_or_create(
        user=user, defaults={"country": country, "focal_point": focal_point}
    )
    for attr in ("_profile_cache",):
        user.__dict__.pop(attr, None)
    user.refresh_from_db()
    return user


def get_events_index() -> EventIndexPage:
    existing = EventIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.get()
    return home.add_child(instance=EventIndexPage(title="Events", slug="events"))


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def make_event(index, **fields) -> EventPage:
    start = fields.pop("starts_at", timezone.now().replace(microsecond=0) + timedelta(days=20))
    defaults = {
        "title": "Regional meeting on labour migration",
        "kind": EventKind.REGIONAL_MEETING,
        "format": EventFormat.HYBRID,
        "starts_at": start,
        "ends_at": start + timedelta(hours=6),
        "timezone": "Asia/Tbilisi",
        "venue": "Radisson Blu Iveria",
        "online_link": "https://meet.example.org/secret-room",
        "capacity": 3,
    }
    defaults.update(fields)
    countries = defaults.pop("countries", [])
    event = index.add_child(instance=EventPage(**defaults))
    if countries:
        event.countries.set(countries)
    return publish(event)


def make_consultation(index, *, questions=None, **fields) -> ConsultationPage:
    now = timezone.now()
    defaults = {
        "title": "Call for input: return and reintegration",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=10),
    }
    defaults.update(fields)
    page = ConsultationPage(**defaults)
    for i, (text, kind, choices, required) in enumerate(
        questions
        or [
            ("What worked?", QuestionKind.TEXT, "", True),
            ("Is reintegration funded?", QuestionKind.CHOICE, "Yes\nNo\nPartly", True),
            ("Which groups?", QuestionKind.MULTIPLE, "Returnees\nDiaspora\nStudents", False),
        ]
    ):
        page.questions.add(
            ConsultationQuestion(
                text=text, kind=kind, choices=choices, required=required, sort_order=i
            )
        )
    page = index.add_child(instance=page)
    return publish(page)
