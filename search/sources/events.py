"""Events and written consultations (events app)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.sources import (
    Entry,
    Source,
    codes,
    model_or_none,
    page_language,
    page_url,
    plain_text,
    register,
    tier_keys,
)


def _events():
    return (
        model_or_none("events.EventPage")
        .objects.live()
        .select_related("locale")
        .prefetch_related("countries", "themes", "sessions")
    )


def _event_entry(page) -> Entry:
    agenda = " ".join(f"{s.title} {s.speakers} {s.description}" for s in page.sessions.all())
    return Entry(
        title=page.title,
        url=page_url(page),
        access=tier_keys(page),
        language=page_language(page),
        summary=page.summary,
        body=f"{plain_text(page.body)} {page.venue} {agenda}".strip(),
        countries=codes(page.countries, "code"),
        themes=codes(page.themes, "slug"),
        date=page.starts_at,
    )


def _consultations():
    return (
        model_or_none("events.ConsultationPage")
        .objects.live()
        .select_related("locale")
        .prefetch_related("audience_countries", "themes", "questions")
    )


def _consultation_entry(page) -> Entry:
    questions = " ".join(q.text for q in page.questions.all())
    synthesis = plain_text(page.synthesis) if page.synthesis_published else ""
    return Entry(
        title=page.title,
        url=page_url(page),
        access=tier_keys(page),
        language=page_language(page),
        summary=plain_text(page.intro)[:500],
        body=f"{plain_text(page.intro)} {questions} {synthesis}".strip(),
        countries=codes(page.audience_countries, "code"),
        themes=codes(page.themes, "slug"),
        date=page.opens_at,
    )


if model_or_none("events.EventPage"):
    register(
        Source(
            kind="event",
            label=_("Event"),
            model="events.EventPage",
            queryset=_events,
            to_entry=_event_entry,
            is_page=True,
        )
    )
if model_or_none("events.ConsultationPage"):
    register(
        Source(
            kind="consultation",
            label=_("Consultation"),
            model="events.ConsultationPage",
            queryset=_consultations,
            to_entry=_consultation_entry,
            is_page=True,
        )
    )
