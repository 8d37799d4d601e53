"""The secretariat keeps the taxonomy as snippets, under the taxonomy app's own admin URLs."""

import pytest
from django.urls import reverse

from taxonomy.models import Country


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
