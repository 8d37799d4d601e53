"""Country names in the interface language, from CLDR (through Babel), in one place
(``Country.label``), and lists of countries in the language's alphabetical order."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from taxonomy.models import Country
from tests.events.builders import get_events_index, make_event

pytestmark = pytest.mark.django_db

# Georgia and Armenia on the event page, as each language names them.
NAMES = {
    "en": ("Georgia", "Armenia"),
    "ru": ("Грузия", "Армения"),
    "uk": ("Грузія", "Вірменія"),
    "hy": ("Վրաստան", "Հայաստան"),
    "az": ("Gürcüstan", "Ermənistan"),
    "ka": ("საქართველო", "სომხეთი"),
    "ro": ("Georgia", "Armenia"),
}
# The Eastern Partnership countries in the events filter, in each alphabet's order
# (they come before the other countries).
EASTERN_PARTNERSHIP_ORDER = {
    "en": ["AM", "AZ", "BY", "GE", "MD", "UA"],  # Armenia, Azerbaijan, Belarus, ...
    "ka": ["AZ", "BY", "MD", "GE", "AM", "UA"],  # აზერბაიჯანი, ბელარუსი, მოლდოვა, საქართველო, ...
    "hy": ["AZ", "BY", "AM", "MD", "UA", "GE"],  # Ադրբեջան, Բելառուս, Հայաստան, Մոլդովա, ...
    "az": ["AZ", "BY", "AM", "GE", "MD", "UA"],  # Azərbaycan, Belarus, Ermənistan, Gürcüstan, ...
    "uk": ["AZ", "BY", "AM", "GE", "MD", "UA"],  # Азербайджан, Білорусь, Вірменія, Грузія, ...
}


@pytest.fixture
def event_in_two_countries(db):
    return make_event(
        get_events_index(), countries=list(Country.objects.filter(code__in=["GE", "AM"]))
    )


@pytest.mark.parametrize("language", list(NAMES))
def test_the_event_page_names_its_countries_in_the_interface_language(
    member_client, event_in_two_countries, language
):
    url = event_in_two_countries.url.replace("/en/", f"/{language}/", 1)
    html = member_client.get(url).content.decode()
    georgia, armenia = NAMES[language]
    assert f'<span class="mp-tag">{georgia}</span>' in html
    assert f'<span class="mp-tag">{armenia}</span>' in html


def test_a_name_the_secretariat_entered_wins_over_cldr(member_client, event_in_two_countries):
    georgia = Country.objects.get(code="GE")
    georgia.translations = {**georgia.translations, "ka": "საქართველოს რესპუბლიკა"}
    georgia.save(update_fields=["translations"])
    url = event_in_two_countries.url.replace("/en/", "/ka/", 1)
    assert "საქართველოს რესპუბლიკა" in member_client.get(url).content.decode()
    with translation.override("hy"):
        assert georgia.label == "Վրաստան"  # other languages keep CLDR's name


def test_english_keeps_the_secretariats_english_name():
    with translation.override("en"):
        assert Country.objects.get(code="TR").label == "Türkiye"
        assert Country.objects.get(code="MD").label == "Moldova"


@pytest.mark.parametrize("language", list(EASTERN_PARTNERSHIP_ORDER))
def test_the_events_filter_lists_countries_in_the_languages_order(member_client, language):
    index = get_events_index()
    html = member_client.get(index.url.replace("/en/", f"/{language}/", 1)).content.decode()
    select = html[html.index('id="filter-country"') :]
    select = select[: select.index("</select>")]
    codes = re.findall(r'<option value="([A-Z]{2})"', select)
    assert codes[:6] == EASTERN_PARTNERSHIP_ORDER[language]
    assert set(codes[6:]).isdisjoint(EASTERN_PARTNERSHIP_ORDER[language])
