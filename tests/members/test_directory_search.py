"""The directory's box goes through the search service (names, job title, organisation,
expertise), intersected with the directory's filters and visibility rules.

Tests taking ``engine`` run on the database engine and on the real Elasticsearch."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from members.models import Organisation, Profile
from taxonomy.models import Country, Theme
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def names(client, **params) -> list[str]:
    response = client.get(reverse("members:directory"), params)
    assert response.status_code == 200
    return [member.display_name for member in response.context["page_obj"]]


@pytest.fixture
def people(db):
    ministry = Organisation.objects.create(
        name="State Migration Service", kind=Organisation.Kind.AGENCY
    )
    institute = Organisation.objects.create(
        name="Caucasus Research Institute", kind=Organisation.Kind.ACADEMIA
    )
    expert = make_member(Role.EXPERT, first_name="Lela", last_name="Gabunia")
    profile = Profile.objects.create(
        user=expert,
        title="Senior researcher",
        organisation=institute,
        country=Country.objects.get(code="GE"),
    )
    profile.expertise.set([Theme.objects.get(slug="return-reintegration")])
    official = make_member(Role.GOVERNMENT, first_name="Ivan", last_name="Moraru")
    Profile.objects.create(
        user=official,
        title="Head of the readmission unit",
        organisation=ministry,
        country=Country.objects.get(code="MD"),
        visibility=Tier.GOVERNMENTS,
    )
    colleague = make_member(Role.OBSERVER, first_name="Ana", last_name="Rusu")
    Profile.objects.create(user=colleague, organisation=ministry, title="Analyst")
    return {"expert": expert, "official": official, "colleague": colleague}


def test_finds_by_expertise_organisation_and_title(engine, index_now, people, member):
    index_now()
    client = signed_in(member)
    assert names(client, q="reintegration") == ["Lela Gabunia"]
    assert names(client, q="caucasus research") == ["Lela Gabunia"]
    assert names(client, q="researcher") == ["Lela Gabunia"]
    assert names(client, q="gabunia") == ["Lela Gabunia"]
    # The box and the filters together.
    assert names(client, q="migration service") == ["Ana Rusu"]
    assert names(client, q="reintegration", role=Role.OBSERVER) == []
    assert names(client, q="reintegration", country="GE") == ["Lela Gabunia"]
    assert names(client, q="nobody-has-this-word") == []


def test_governments_only_profile_is_hidden_from_an_observer(
    engine, index_now, people, member, official
):
    index_now()
    observer = signed_in(member)
    assert names(observer, q="readmission") == []
    assert names(observer, q="moraru") == []
    assert names(observer, q="migration service") == ["Ana Rusu"]
    government = signed_in(official)
    assert names(government, q="readmission") == ["Ivan Moraru"]
    assert set(names(government, q="migration service")) == {"Ana Rusu", "Ivan Moraru"}


def test_relevance_orders_search_and_names_order_the_rest(engine, index_now, people, member):
    # Newer, and first by name, but only mentions her in his biography.
    other = make_member(Role.EXPERT, first_name="Zurab", last_name="Abashidze")
    Profile.objects.create(user=other, bio="Co-author with Gabunia of a returns study.")
    index_now()
    client = signed_in(member)
    assert names(client, q="gabunia") == ["Lela Gabunia", "Zurab Abashidze"]
    listed = names(client)
    assert listed.index("Zurab Abashidze") < listed.index("Lela Gabunia")


def test_search_down_still_lists_with_a_notice(search_down, people, member):
    client = signed_in(member)
    response = client.get(reverse("members:directory"), {"q": "Rusu"})
    assert response.status_code == 200
    assert "Full-text search is temporarily unavailable" in response.content.decode()
    assert [m.display_name for m in response.context["page_obj"]] == ["Ana Rusu"]
    # The filters and visibility still apply.
    assert names(client, q="Moraru") == []
    assert names(client, q="analyst", role=Role.EXPERT) == []
    russian = client.get("/ru/members/", {"q": "Rusu"})
    assert "Полнотекстовый поиск временно недоступен" in russian.content.decode()
    plain = client.get(reverse("members:directory")).content.decode()
    assert "temporarily unavailable" not in plain


def test_query_count_is_flat_when_searching(
    engine, index_now, member, django_assert_max_num_queries
):
    ministry = Organisation.objects.create(name="Ministry of Labour")
    for _ in range(3):
        Profile.objects.create(user=make_member(Role.GOVERNMENT), organisation=ministry)
    index_now()
    client = signed_in(member)
    url = reverse("members:directory")
    client.get(url)  # the session's first page loads the member's access once
    with django_assert_max_num_queries(16) as few:
        client.get(url, {"q": "labour"})
    for _ in range(12):
        Profile.objects.create(user=make_member(Role.GOVERNMENT), organisation=ministry)
    index_now()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url, {"q": "labour", "role": Role.GOVERNMENT})
    assert response.context["page_obj"].paginator.count == 15


def test_search_down_still_finds_a_name_typed_in_another_script(search_down, member):
    georgian = make_member(Role.EXPERT, first_name="ნინო", last_name="ბერიძე")
    Profile.objects.create(user=georgian)
    client = signed_in(member)
    assert names(client, q="Beridze") == ["ნინო ბერიძე"]
    assert names(client, q="Петренко") == []


def test_a_renamed_member_is_found_by_the_new_name_in_latin_letters(search_down, member):
    person = make_member(Role.GOVERNMENT, first_name="Тамара", last_name="Бойко")
    person.first_name, person.last_name = "Олена", "Коваленко"
    # Saving only the names (as the profile form and the anonymiser do) keeps the key in step.
    person.save(update_fields=["first_name", "last_name"])
    client = signed_in(member)
    assert names(client, q="Kovalenko") == ["Олена Коваленко"]
    assert names(client, q="Boyko") == []
