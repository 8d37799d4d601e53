"""Dates, times, time zones and numbers as each interface language writes them (issue 14,
part 2), on the pages and in the e-mails members read.

Armenian, Azerbaijani and Romanian dates need the project's catalogues to carry the month
forms of config/formats/months.py (genitive Armenian, lower-case Azerbaijani and Romanian):
Django's own catalogues give capitalised nominatives there.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from core.roles import Role
from events import services
from events.models import AgendaSession
from tests.events.builders import get_events_index, make_event, publish, set_country
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db

TBILISI = ZoneInfo("Asia/Tbilisi")
# Tuesday 10 December 2030, 10:00 to 16:00 in Tbilisi.
STARTS = datetime(2030, 12, 10, 10, 0, tzinfo=TBILISI)
ENDS = STARTS + timedelta(hours=6)

# The event's start as the "When" row writes it (DATETIME_FORMAT, in the event's zone).
EVENT_START = {
    "en": "10 December 2030, 10:00",
    "ru": "10 декабря 2030\u202fг., 10:00",
    "uk": "10 грудня 2030\u202fр., 10:00",
    "hy": "2030 թ. դեկտեմբերի 10, 10:00",
    "az": "10 dekabr 2030 10:00",
    "ka": "10 დეკემბერი, 2030, 10:00",
    "ro": "10 decembrie 2030, 10:00",
}
# The agenda's day heading, with its weekday (CLDR through Babel, no catalogue needed).
AGENDA_DAY = {
    "en": "Tuesday, 10 December 2030",
    "ru": "вторник, 10 декабря 2030\u202fг.",
    "uk": "вівторок, 10 грудня 2030\u202fр.",
    "hy": "2030 թ․ դեկտեմբերի 10, երեքշաբթի",
    "az": "Çərşənbə axşamı, 10 dekabr 2030",
    "ka": "სამშაბათი, დეკემბერი 10, 2030",
    "ro": "marți, 10 decembrie 2030",
}
# The calendar's agenda (phone) names the day without the year.
CALENDAR_DAY = {
    "en": "Tuesday 10 December",
    "ru": "вторник, 10 декабря",
    "uk": "вівторок, 10 грудня",
    "hy": "դեկտեմբերի 10, երեքշաբթի",
    "az": "Çərşənbə axşamı, 10 dekabr",
    "ka": "სამშაბათი, 10 დეკემბერი",
    "ro": "marți, 10 decembrie",
}
# Asia/Tbilisi named in the interface language (CLDR's city and region format).
TBILISI_NAME = {
    "en": "Tbilisi Time",
    "ru": "Тбилиси",
    "uk": "час: Тбілісі",
    "hy": "Թբիլիսի",
    "az": "Tbilisi Vaxtı",
    "ka": "დრო: თბილისი",
    "ro": "Ora din Tbilisi",
}
# A month heading in the calendar: nominative, capitalised as each language does.
MONTH_HEADING = {
    "en": "December 2030",
    "ru": "Декабрь 2030",
    "uk": "Грудень 2030",
    "hy": "Դեկտեմբեր 2030",
    "az": "Dekabr 2030",
    "ka": "დეკემბერი 2030",
    "ro": "Decembrie 2030",
}
# 1234 seats as each language groups thousands (CLDR; a no-break space where it is a space).
SEATS = {
    "en": "1,234",
    "ru": "1\xa0234",
    "uk": "1\xa0234",
    "hy": "1\xa0234",
    "az": "1.234",
    "ka": "1\xa0234",
    "ro": "1.234",
}
LANGUAGES = list(EVENT_START)


def _in(language: str, url: str) -> str:
    return url.replace("/en/", f"/{language}/", 1)


@pytest.fixture
def tbilisi_event(db):
    event = make_event(get_events_index(), starts_at=STARTS, ends_at=ENDS, capacity=1234)
    event.sessions.add(AgendaSession(title="Opening", date=STARTS.date(), start_time=time(10)))
    return publish(event)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_event_page_writes_the_date_time_zone_and_seats_in_the_language(
    member_client, tbilisi_event, language
):
    response = member_client.get(_in(language, tbilisi_event.url))
    assert response.status_code == 200
    html = response.content.decode()
    assert EVENT_START[language] in html
    assert TBILISI_NAME[language] in html
    assert SEATS[language] in html
    # The machine-readable value stays as it was.
    assert 'datetime="2030-12-10T06:00:00+0000"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_month_calendar_heads_the_month_in_the_nominative(
    member_client, tbilisi_event, language
):
    index = get_events_index()
    html = member_client.get(_in(language, index.url) + "?view=calendar&month=2030-12")
    assert MONTH_HEADING[language] in html.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_and_the_calendar_write_the_weekday_as_the_language_does(
    member_client, tbilisi_event, language
):
    page = member_client.get(_in(language, tbilisi_event.url)).content.decode()
    assert AGENDA_DAY[language] in page
    index = get_events_index()
    calendar = member_client.get(_in(language, index.url) + "?view=calendar&month=2030-12")
    assert CALENDAR_DAY[language] in calendar.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_registration_email_writes_the_date_and_zone_in_the_members_language(
    tbilisi_event, language
):
    official = make_member(Role.GOVERNMENT)
    set_country(official, "GE")
    official.language = language
    official.save(update_fields=["language"])
    mail.outbox.clear()
    with translation.override("en"):  # the secretariat's language must not leak in
        services.registration_create(event=tbilisi_event, user=official)
    (message,) = mail.outbox
    assert EVENT_START[language] in message.body
    assert f"({TBILISI_NAME[language]})" in message.body


def test_a_russian_member_sees_the_dashboard_date_in_the_genitive(client, tbilisi_event):
    official = make_member(Role.GOVERNMENT)
    set_country(official, "GE")
    services.registration_create(event=tbilisi_event, user=official)
    client.force_login(official)
    html = client.get("/ru/").content.decode()
    assert "10 декабря 2030\u202fг." in html
    assert "Декабрь 2030" not in html
