"""The country index groups the Eastern Partnership's countries apart from the other partners,
and a profile leads with its figures (issue 13), through HTTP."""

from __future__ import annotations

import pytest

from knowledge.models import CountryIndexPage, CountryProfilePage
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


def test_country_index_groups_eastern_partnership_countries_first(library, member_client):
    html = member_client.get(CountryIndexPage.objects.get().url).content.decode()
    partnership = html.index("Eastern Partnership countries")
    assert partnership < html.index(">Armenia</a>")
    assert 'class="mp-card mp-country-card"' in html


def test_country_profile_leads_with_its_figures_in_russian(library, member_client):
    make_note(library, title="Reintegration centres", countries=("armenia",))
    make_note(library, title="Return counselling", countries=("armenia",))
    profile = CountryProfilePage.objects.get(country__code="AM")
    html = member_client.get(profile.url.replace("/en/", "/ru/", 1)).content.decode()
    stats = html[html.index('class="mp-stats') : html.index("</ul>", html.index('class="mp-stats'))]
    label, value = '<span class="mp-stat__label">практики</span>', '<span class="mp-stat__value">2'
    assert f"{label} {value}" in stats
    assert "национальных координаторов" in stats
