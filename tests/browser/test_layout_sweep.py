"""The layout check (tests/browser/layout.py) on the page types no area's own browser tests
cover: a standard page, the country index and a country profile, and the 403 and 404 pages,
each as the member who would see it, at phone, tablet, laptop and 320 px."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from core.roles import Role
from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout
from tests.factories.members import DEFAULT_PASSWORD, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TEXT = (
    "Bilateral labour agreements, pre-departure orientation and the recognition of "
    "qualifications obtained abroad, with a deliberately long word to wrap: "
    "Arbeitsmarktintegrationsmaßnahmen. "
)


def _official_signed_in(page):
    official = make_member(Role.GOVERNMENT)
    sign_in(page, official.email, DEFAULT_PASSWORD)
    return official


def test_standard_page_holds_at_every_width(page):
    from tests.search.builders import make_standard_page

    standard = make_standard_page(
        "Working methods of the Panel",
        summary="How the Panel meets, decides and reports.",
        body=LONG_TEXT * 8,
    )
    _official_signed_in(page)
    check_layout(page, standard.url, name="standard-page")
    assert page.get_by_role("heading", level=1, name="Working methods of the Panel").is_visible()


def test_country_pages_hold_at_every_width(page):
    from knowledge.models import CountryIndexPage, CountryProfilePage
    from knowledge.services import library_setup
    from taxonomy.models import Country
    from tests.events.builders import get_events_index, make_event, set_country
    from tests.search.builders import make_note

    library_setup()
    armenia = Country.objects.get(code="AM")
    make_note(
        "Armenia's circular migration scheme with Germany",
        summary=LONG_TEXT,
        countries=("AM",),
    )
    set_country(make_member(Role.GOVERNMENT), "AM", focal_point=True)
    make_event(
        get_events_index(),
        title="Yerevan regional meeting on circular migration",
        countries=[armenia],
        starts_at=timezone.now().replace(microsecond=0) + timedelta(days=12),
    )
    _official_signed_in(page)
    check_layout(
        page, CountryIndexPage.objects.get(locale=Locale.get_default()).url, name="country-index"
    )
    profile = CountryProfilePage.objects.get(country=armenia)
    check_layout(page, profile.url, name="country-profile")
    assert page.get_by_role("link", name="Yerevan regional meeting on circular migration").count()
    assert page.get_by_role("link", name="Armenia's circular migration scheme with Germany").count()


def test_error_pages_hold_at_every_width(page):
    member = make_member(Role.OBSERVER)
    sign_in(page, member.email, DEFAULT_PASSWORD)
    check_layout(page, "/en/no-such-page/", name="404")
    assert page.get_by_role("heading", level=1).is_visible()
    # The secretariat's invitations are closed to an observer.
    check_layout(page, "/en/members/invitations/", name="403")
    assert page.get_by_role("heading", level=1).is_visible()
