"""The secretariat opens the activity report for a period on a phone and a laptop, in English
and Russian: the figures, charts and tables are there, nothing scrolls sideways, axe finds no
WCAG 2.2 AA violation; a period that cannot be read is explained above the form."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import horizontal_overflow, wide_elements

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = ("Activity report", "Events and participants", "Participants by country")
GEORGIA = {"en": "Georgia", "ru": "Грузия"}


def _headings(language: str) -> list[str]:
    # As the language's catalogue has them (the report's words are new to the catalogues).
    from django.utils.translation import gettext, override

    with override(language):
        return [gettext(text) for text in HEADINGS]


def _march_training():
    from core.roles import Role
    from events.models import EventKind, Registration, RegistrationStatus
    from members.models import Profile
    from taxonomy.models import Country
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import make_member

    starts = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Tbilisi"))
    event = make_event(
        get_events_index(),
        title="Training on labour migration statistics",
        kind=EventKind.TRAINING,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        capacity=None,
        countries=[Country.objects.get(code="GE")],
    )
    for position, (gender, code) in enumerate(
        [("woman", "GE")] * 6 + [("man", "AM")] * 5 + [("", "AZ")] * 2, start=1
    ):
        user = make_member(Role.GOVERNMENT)
        Profile.objects.update_or_create(user=user, defaults={"gender": gender})
        Registration.objects.create(
            event=event,
            user=user,
            status=RegistrationStatus.CONFIRMED,
            position=position,
            country=Country.objects.get(code=code),
        )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_secretariat_reads_the_report_for_a_period(page, language):
    from core.roles import Role
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    _march_training()
    secretariat = make_member(
        Role.SECRETARIAT, is_staff=True, email=f"report-{language}@example.org"
    )
    sign_in(page, secretariat.email, DEFAULT_PASSWORD, language)
    title, section, table = _headings(language)
    for width, height in ((390, 844), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/{language}/secretariat/")
        page.locator(f"a[href='/{language}/secretariat/report/']").click()
        page.wait_for_url(f"**/{language}/secretariat/report/")
        page.fill("input[name=start]", "2026-03-01")
        page.fill("input[name=end]", "2026-03-31")
        page.locator("form.mp-report__period button[type=submit]").click()
        page.wait_for_url("**/secretariat/report/?start=2026-03-01&end=2026-03-31")
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert page.get_by_role("heading", name=section).is_visible()
        assert page.get_by_role("heading", name=table).is_visible()
        assert page.locator("svg[role=img]").count() >= 3
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("table th[scope=row]", has_text=GEORGIA[language]).count() >= 1
        overflow = horizontal_overflow(page)
        assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}: {wide_elements(page)}"
        assert_accessible(page)


def test_a_period_that_cannot_be_read_is_explained(page):
    from core.roles import Role
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    secretariat = make_member(Role.SECRETARIAT, is_staff=True, email="report-bad@example.org")
    sign_in(page, secretariat.email, DEFAULT_PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    response = page.goto("/en/secretariat/report/?start=2026-03-31&end=2026-03-01")
    assert response is not None and response.status == 400
    summary = page.locator(".mp-error-summary")
    assert "The last day must be on or after the first day." in summary.inner_text()
    assert horizontal_overflow(page) <= 0
    assert_accessible(page)
