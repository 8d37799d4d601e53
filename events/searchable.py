"""Events and written consultations in search: registered with ``search`` through its hook."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from events.models import ConsultationPage, EventPage
from search.extract import codes, page_language, page_url, plain_text
from search.sources import SOURCES_HOOK, Entry, Source


def _events() -> QuerySet[EventPage]:
    return (
        EventPage.objects.live()
        .select_related("locale")
        .prefetch_related("countries", "themes", "sessions")
    )


def _event_entry(page: EventPage) -> Entry:
    agenda = " ".join(f"{s.title} {s.speakers} {s.description}" for s in page.sessions.all())
    return Entry(
        title=page.title,
        url=page_url(page),
        access=page.access_keys(),
        language=page_language(page),
        summary=page.summary,
        body=f"{plain_text(page.body)} {page.venue} {agenda}".strip(),
        countries=codes(page.countries, "code"),
        themes=codes(page.themes, "slug"),
        date=page.starts_at,
    )


def _consultations() -> QuerySet[ConsultationPage]:
    return (
        ConsultationPage.objects.live()
        .select_related("locale")
        .prefetch_related("audience_countries", "themes", "questions")
    )


def _consultation_entry(page: ConsultationPage) -> Entry:
    questions = " ".join(q.text for q in page.questions.all())
    synthesis = plain_text(page.synthesis) if page.synthesis_published else ""
    return Entry(
        title=page.title,
        url=page_url(page),
        access=page.access_keys(),
        language=page_language(page),
        summary=plain_text(page.intro)[:500],
        body=f"{plain_text(page.intro)} {questions} {synthesis}".strip(),
        countries=codes(page.audience_countries, "code"),
        themes=codes(page.themes, "slug"),
        date=page.opens_at,
    )


EVENTS = Source(
    kind="event",
    label=_("Event"),
    model=EventPage,
    queryset=_events,
    to_entry=_event_entry,
    is_page=True,
)
CONSULTATIONS = Source(
    kind="consultation",
    label=_("Consultation"),
    model=ConsultationPage,
    queryset=_consultations,
    to_entry=_consultation_entry,
    is_page=True,
)


@hooks.register(SOURCES_HOOK)
def search_sources() -> list[Source]:
    return [EVENTS, CONSULTATIONS]
