"""The country index and a country profile hold at phone, tablet, laptop and 320 px for an
official (tests/browser/layout.py, issue 13)."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_country_pages_hold_for_an_official(page):
    from core.roles import Role
    from knowledge.models import CountryIndexPage, CountryProfilePage
    from knowledge.services import library_setup
    from members.models import Profile
    from taxonomy.models import Country
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import DEFAULT_PASSWORD, make_member
    from tests.knowledge.conftest import make_note

    library = library_setup()
    armenia = Country.objects.get(code="AM")
    for n in range(3):
        make_note(library, title=f"Reintegration centres in the regions of Armenia, part {n}")
    focal = make_member(Role.GOVERNMENT, first_name="Hasmik", last_name="Petrosyan-Hovhannisyan")
    Profile.objects.update_or_create(
        user=focal,
        defaults={
            "focal_point": True,
            "country": armenia,
            "visibility": "members",
            "title": "Head of the Division for Migration Policy Coordination",
        },
    )
    make_event(get_events_index(), title="Yerevan regional meeting", countries=[armenia])
    official = make_member(Role.GOVERNMENT)
    sign_in(page, official.email, DEFAULT_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    check_layout(
        page,
        CountryIndexPage.objects.get(locale=Locale.get_default()).url,
        first_result=".mp-country-card",
        name="country-index",
    )
    profile = CountryProfilePage.objects.get(country=armenia)
    check_layout(
        page, profile.url, first_result=".mp-note-card, .note-card", name="country-profile"
    )
