"""The event agenda and a consultation's synthesis offer "Print / save as PDF" and print as a
document: the agenda is a table of times and sessions (issue 13, item 6), through HTTP."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from events.models import AgendaSession
from tests.events.builders import make_consultation, make_event, publish

pytestmark = pytest.mark.django_db

PRINT_BUTTON = "data-print hidden>Print / save as PDF</button>"


def test_event_page_offers_print_and_its_agenda_is_a_table_with_times(
    official_client, events_index
):
    event = make_event(events_index, title="Regional meeting in Tbilisi")
    day = event.starts_at.date()
    event.sessions.add(
        AgendaSession(title="Opening", date=day, start_time=time(9, 30), end_time=time(10, 0))
    )
    event.sessions.add(
        AgendaSession(
            title="Return and reintegration",
            date=day + timedelta(days=1),
            start_time=time(11, 0),
            speakers="Ana Beridze",
        )
    )
    event = publish(event)
    html = official_client.get(event.url).content.decode()
    assert PRINT_BUTTON in html
    agenda = html[html.index('id="agenda-heading"') :]
    assert '<table class="mp-table mp-table--reflow mp-agenda__table">' in agenda
    assert 'scope="rowgroup"' in agenda
    assert "09:30–10:00" in agenda and "Opening" in agenda
    assert "11:00" in agenda and "Ana Beridze" in agenda


def test_consultation_synthesis_offers_print_once_published(official_client, events_index):
    consultation = make_consultation(
        events_index, synthesis="<p>Countries agree.</p>", synthesis_published=False
    )
    assert PRINT_BUTTON not in official_client.get(consultation.url).content.decode()
    consultation.synthesis_published = True
    consultation = publish(consultation)
    html = official_client.get(consultation.url).content.decode()
    assert PRINT_BUTTON in html and "Countries agree." in html


def test_print_button_in_russian(official_client, events_index):
    event = make_event(events_index)
    html = official_client.get(event.url.replace("/en/", "/ru/", 1)).content.decode()
    assert "Распечатать / сохранить в PDF" in html
