"""The donor report: the secretariat picks a period and reads what the platform did in it, as a
page, a PDF and a workbook; nobody else learns the report exists."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.reports import Period
from core.roles import Role
from events.models import EventKind, Registration, RegistrationStatus
from events.reports import events_section
from members.models import Profile
from taxonomy.models import Country
from tests.events.builders import get_events_index, make_event
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db

TBILISI = ZoneInfo("Asia/Tbilisi")
MARCH = {"start": "2026-03-01", "end": "2026-03-31"}


def _event(title: str, starts_at: dt.datetime, **fields):
    return make_event(
        get_events_index(),
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=3),
        capacity=None,
        **fields,
    )


def _participant(
    event, *, gender: str = "", country: str = "GE", attended=None, role=Role.GOVERNMENT
):
    user = make_member(role)
    Profile.objects.update_or_create(user=user, defaults={"gender": gender})
    position = Registration.objects.filter(event=event).count() + 1
    return Registration.objects.create(
        event=event,
        user=user,
        status=RegistrationStatus.CONFIRMED,
        position=position,
        country=Country.objects.get(code=country.upper()),
        attended=attended,
    )


def _rows(section, key: str) -> dict:
    table = next(table for table in section.tables if table.key == key)
    return {row[0]: row[1] for row in table.rows}


def _figure(section, label: str):
    return next(figure.value for figure in section.figures if figure.label == label)


def test_the_period_includes_its_last_day(settings):
    settings.TIME_ZONE = "Asia/Tbilisi"
    last_evening = dt.datetime(2026, 3, 31, 22, 30, tzinfo=TBILISI)
    _event("On the last evening", last_evening, kind=EventKind.TRAINING)
    _event("The day after", dt.datetime(2026, 4, 1, 0, 30, tzinfo=TBILISI))
    _event("The day before", dt.datetime(2026, 2, 28, 23, 0, tzinfo=TBILISI))
    section = events_section(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert _figure(section, "Events held") == 1
    assert _rows(section, "events-by-kind") == {"Training": 1}


def test_a_cancelled_event_or_one_still_to_come_is_not_held():
    _event("Cancelled", dt.datetime(2026, 3, 10, 10, tzinfo=TBILISI), cancelled=True)
    _event("Next year", dt.datetime(2099, 3, 10, 10, tzinfo=TBILISI))
    section = events_section(Period(dt.date(2026, 1, 1), dt.date(2099, 12, 31)))
    assert _figure(section, "Events held") == 0


def test_a_group_of_three_women_is_hidden():
    event = _event("Training", dt.datetime(2026, 3, 10, 10, tzinfo=TBILISI))
    for _ in range(3):
        _participant(event, gender="woman")
    for _ in range(7):
        _participant(event, gender="man")
    section = events_section(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    genders = _rows(section, "participants-by-gender")
    assert "Woman" not in genders
    # Three alone could be worked out from the total: the men join them, none is shown apart.
    assert genders == {"Not shown (fewer than 5)": 10}
    assert _figure(section, "Participants (people)") == 10


def test_recorded_attendance_counts_where_there_is_some_and_confirmations_elsewhere():
    checked = _event("Checked in", dt.datetime(2026, 3, 10, 10, tzinfo=TBILISI), countries=[])
    _participant(checked, attended=True, country="AM")
    _participant(checked, attended=True, country="AM")
    _participant(checked, attended=False, country="AM")
    _participant(checked, attended=None, country="AM")  # not checked in: not counted
    online = _event("Webinar", dt.datetime(2026, 3, 12, 10, tzinfo=TBILISI), kind=EventKind.WEBINAR)
    for _ in range(3):
        _participant(online, country="MD")
    section = events_section(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert _figure(section, "Participants (people)") == 5
    by_country = _rows(section, "participants-by-country")
    assert by_country == {"Armenia": 2, "Moldova": 3}
    note = next(t for t in section.tables if t.key == "participants-by-country").note
    assert "attended where attendance was recorded (1 event)" in note
    assert "confirmed where it was not (1)" in note
    assert _rows(section, "participants-by-role") == {"Government official": 5}


def test_events_count_in_each_host_country():
    armenia, georgia = Country.objects.get(code="AM"), Country.objects.get(code="GE")
    _event("Two hosts", dt.datetime(2026, 3, 10, 10, tzinfo=TBILISI), countries=[armenia, georgia])
    _event("No host", dt.datetime(2026, 3, 11, 10, tzinfo=TBILISI))
    section = events_section(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert _rows(section, "events-by-country") == {"Armenia": 1, "Georgia": 1, "—": 1}


# --- the page, the PDF and the workbook ------------------------------------------------------


@pytest.fixture
def march_with_participants():
    event = _event(
        "Training", dt.datetime(2026, 3, 10, 10, tzinfo=TBILISI), kind=EventKind.TRAINING
    )
    for _ in range(6):
        _participant(event, gender="woman", country="GE")
    for _ in range(5):
        _participant(event, gender="man", country="GE")
    for _ in range(3):
        _participant(event, gender="another", country="GE")
    return event


@pytest.mark.parametrize("role", ["member_client", "expert_client", "official_client"])
@pytest.mark.parametrize("name", ["donor_report", "donor_report_pdf", "donor_report_xlsx"])
def test_only_the_secretariat_knows_the_report_exists(request, role, name):
    client = request.getfixturevalue(role)
    assert client.get(reverse(name), MARCH).status_code == 404


def test_the_page_shows_each_section_with_its_figures_tables_and_charts(
    secretariat_client, march_with_participants
):
    response = secretariat_client.get(reverse("donor_report"), MARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Events and participants" in html
    assert "Practices published" in html
    assert "Discussions" in html
    assert "From 1 March 2026 to 31 March 2026, both days included" in html
    # The chart and the table beside it say the same thing.
    assert 'aria-labelledby="chart-events-participants-by-country-title"' in html
    assert '<th scope="row">Georgia</th>' in html
    # Six women are shown; the three who describe themselves another way are not, and the
    # five men join them so that the three cannot be worked out from the total.
    genders = html[html.index("Participants by gender") :]
    genders = genders[: genders.index("</table>")]
    assert "Woman" in genders
    assert "In another way" not in genders
    assert ">Man<" not in genders
    assert "Not shown (fewer than 5)" in genders


def test_the_dashboard_links_to_the_report(secretariat_client):
    html = secretariat_client.get(reverse("secretariat_dashboard")).content.decode()
    assert reverse("donor_report") in html


def test_without_a_period_the_report_covers_this_year_so_far(secretariat_client):
    response = secretariat_client.get(reverse("donor_report"))
    assert response.status_code == 200
    assert response.context["period"].start.month == 1
    assert response.context["period"].start.day == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-13-45", "end": "2026-03-31"}, "Enter the first day as a date"),
        ({"start": "2026-03-01", "end": ""}, "Enter the last day of the period."),
        ({"start": "2026-03-31", "end": "2026-03-01"}, "The last day must be on or after"),
        ({"start": "2026-03-01", "end": "9999-12-31"}, "between the years 2000 and 2099"),
        ({"start": "0001-01-01", "end": "2026-03-31"}, "between the years 2000 and 2099"),
        ({"start": "31/31/31", "end": "9" * 20}, "Enter the first day as a date"),
    ],
)
@pytest.mark.parametrize("name", ["donor_report", "donor_report_pdf", "donor_report_xlsx"])
def test_a_period_that_cannot_be_read_is_explained(secretariat_client, name, query, message):
    response = secretariat_client.get(reverse(name), query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html


def test_the_workbook_has_a_cover_and_a_sheet_per_table(
    secretariat_client, march_with_participants
):
    response = secretariat_client.get(reverse("donor_report_xlsx"), MARCH)
    assert response.status_code == 200
    assert "activity-report-2026-03-01-2026-03-31.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Report"
    assert {"Events held by kind", "Participants by country", "Participants by gender"} <= set(
        workbook.sheetnames
    )
    cover = workbook["Report"]
    assert cover["B2"].value.date() == dt.date(2026, 3, 1)
    assert cover["B3"].value.date() == dt.date(2026, 3, 31)
    assert cover["A4"].value == "Generated"
    by_country = workbook["Participants by country"]
    assert [cell.value for cell in by_country[1]] == ["Country", "Participants"]
    assert by_country["A1"].font.bold
    assert [by_country["A2"].value, by_country["B2"].value] == ["Georgia", 14]
    assert by_country.column_dimensions["A"].width >= 10
    gender = workbook["Participants by gender"]
    assert [gender["A2"].value, gender["B2"].value] == ["Woman", 6]
    assert [gender["A3"].value, gender["B3"].value] == ["Not shown (fewer than 5)", 8]


def test_the_pdf_carries_the_period_figures_and_tables(secretariat_client, march_with_participants):
    response = secretariat_client.get(reverse("donor_report_pdf"), MARCH)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Activity report" in text
    assert "From 1 March 2026 to 31 March 2026, both days included" in text
    assert "Participants by country" in text
    assert "Georgia 14" in text


def test_the_report_is_written_in_the_interface_language(
    secretariat_client, march_with_participants
):
    response = secretariat_client.get("/ru" + reverse("donor_report").removeprefix("/en"), MARCH)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Грузия" in html


def test_the_pdf_draws_its_charts_inline(march_with_participants):
    from django.template.loader import render_to_string
    from django.utils import timezone

    from home.reports import report_sections, shown_sections

    period = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    html = render_to_string(
        "home/report/report_pdf.html",
        {
            "period": period,
            "generated_at": timezone.now(),
            "sections": shown_sections(report_sections(period)),
            "pdf_language": "en",
        },
    )
    # No image files to fetch: each chart is SVG in the document, labelled by its caption.
    assert html.count("<svg") >= 5
    assert '<title id="chart-events-participants-by-country-title">Participants by country' in html
    assert "<img" not in html
