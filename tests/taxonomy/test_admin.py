"""The secretariat keeps the taxonomy as snippets, under the taxonomy app's own admin URLs."""

import pytest
from django.urls import reverse

from taxonomy.models import Country, Theme


@pytest.mark.django_db
def test_secretariat_edits_countries_as_snippets(client, secretariat):
    client.force_login(secretariat)
    listing = client.get(reverse("wagtailsnippets_taxonomy_country:list"))
    assert listing.status_code == 200
    assert "Georgia" in listing.content.decode()

    georgia = Country.objects.get(code="GE")
    response = client.post(
        reverse("wagtailsnippets_taxonomy_country:edit", args=[georgia.pk]),
        {
            "name": "Georgia",
            "name_ru": "Грузия (Сакартвело)",
            "active": "on",
            "code": "GE",
            "eastern_partnership": "on",
            "slug": "georgia",
        },
    )
    assert response.status_code == 302
    georgia.refresh_from_db()
    assert georgia.translations == {"ru": "Грузия (Сакартвело)"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["theme", "gcmobjective", "targetgroup", "resourcetype"])
def test_every_term_list_opens_for_the_secretariat(client, secretariat, name):
    client.force_login(secretariat)
    assert client.get(reverse(f"wagtailsnippets_taxonomy_{name}:list")).status_code == 200


@pytest.mark.django_db
def test_an_observer_cannot_open_the_taxonomy(client, member):
    client.force_login(member)
    response = client.get(reverse("wagtailsnippets_taxonomy_country:list"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_the_secretariat_edits_a_themes_name_in_each_interface_language(client, secretariat):
    client.force_login(secretariat)
    theme = Theme.objects.get(slug="diaspora")
    theme.translations = {**theme.translations, "de": "Diaspora-Arbeit"}
    theme.save()
    url = reverse("wagtailsnippets_taxonomy_theme:edit", args=[theme.pk])

    html = client.get(url).content.decode()
    assert 'name="name"' in html
    for language in ("ru", "hy", "az", "ka", "ro", "uk"):
        assert f'name="name_{language}"' in html
        assert f'lang="{language}"' in html
    assert 'value="დიასპორის ჩართულობა"' in html
    assert "name (Georgian)" in html
    assert 'name="translations"' not in html

    names = {f"name_{code}": name for code, name in theme.translations.items() if code != "de"}
    response = client.post(
        url,
        {
            **names,
            "name": "Diaspora engagement",
            "name_ka": " დიასპორასთან თანამშრომლობა ",
            "name_az": "",
            "slug": "diaspora",
            "description": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.translations["ka"] == "დიასპორასთან თანამშრომლობა"
    # An emptied name falls back to English; a language the site does not offer is kept.
    assert "az" not in theme.translations
    assert theme.translations["de"] == "Diaspora-Arbeit"
    assert theme.translations["ru"] == "Взаимодействие с диаспорой"
