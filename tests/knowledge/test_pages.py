"""The library's pages: where they may be created, who may read them, what they show."""

import pytest
from django.test import Client
from wagtail.test.utils import WagtailPageTestCase

from core.access import Tier
from core.roles import Role
from home.models import HomePage, StandardPage
from knowledge.models import (
    CountryIndexPage,
    CountryProfilePage,
    LibraryIndexPage,
    PracticeNotePage,
)
from knowledge.services import library_setup
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note, make_translation

pytestmark = pytest.mark.django_db


class TestCreationRules(WagtailPageTestCase):
    def test_library_only_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, LibraryIndexPage)
        self.assertCanNotCreateAt(StandardPage, LibraryIndexPage)
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage})

    def test_notes_only_in_the_library(self):
        self.assertAllowedParentPageTypes(PracticeNotePage, {LibraryIndexPage})
        self.assertAllowedSubpageTypes(PracticeNotePage, set())
        self.assertCanNotCreateAt(HomePage, PracticeNotePage)

    def test_country_profiles_under_their_index(self):
        self.assertAllowedSubpageTypes(LibraryIndexPage, {PracticeNotePage, CountryIndexPage})
        self.assertAllowedParentPageTypes(CountryProfilePage, {CountryIndexPage})

    def test_one_library_per_home_page(self):
        library = library_setup()
        self.assertFalse(LibraryIndexPage.can_create_at(library.get_parent().specific))
        self.assertTrue(PracticeNotePage.can_create_at(library))
        self.assertEqual(library_setup().pk, library.pk)
        self.assertEqual(CountryProfilePage.objects.count(), 6)


def _client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


ROLE_USERS = {
    "anonymous": None,
    "member": Role.OBSERVER,
    "expert": Role.EXPERT,
    "official": Role.GOVERNMENT,
    "secretariat": Role.SECRETARIAT,
}
# tier → roles that may read it
READERS = {
    Tier.MEMBERS: {"member", "expert", "official", "secretariat"},
    Tier.GOVERNMENTS: {"official", "secretariat"},
    Tier.SECRETARIAT: {"secretariat"},
}


@pytest.mark.parametrize("tier", list(READERS))
@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_tiers_for_every_role(library, role, tier):
    note = make_note(library, title=f"Tiered {tier} zanzibar", tier=tier)
    user = make_member(ROLE_USERS[role]) if ROLE_USERS[role] else None
    client = _client(user)
    detail = client.get(note.url)
    listing = client.get(library.url)
    if role == "anonymous":
        assert detail.status_code == 302
        assert "/accounts/login/" in detail["Location"]
        assert listing.status_code == 302
        return
    allowed = role in READERS[tier]
    assert detail.status_code == (200 if allowed else 404)
    assert (b"zanzibar" in listing.content) is allowed
    # The counts never betray hidden notes either.
    assert listing.context["notes_page"].paginator.count == (1 if allowed else 0)


def test_drafts_are_not_served(library, expert):
    draft = make_note(library, title="Unfinished", owner=expert, publish=False)
    response = _client(expert).get(f"/en/library/{draft.slug}/")
    assert response.status_code == 404
    assert not PracticeNotePage.objects.live().filter(pk=draft.pk).exists()


def test_draft_visibility_is_author_and_secretariat(library, expert, secretariat, official):
    from core.access import can_view

    draft = make_note(library, owner=expert, publish=False)
    assert can_view(expert, draft)
    assert can_view(secretariat, draft)
    assert not can_view(official, draft)
    assert not can_view(make_member(Role.EXPERT), draft)


def test_note_shows_metadata_author_and_related(library, official_client):
    author = make_member(Role.EXPERT, first_name="Ana", last_name="Ciobanu")
    note = make_note(
        library,
        title="Circular migration agreement",
        countries=("moldova", "germany"),
        themes=("labour-migration",),
        objectives=(5, 6),
        target_groups=("labour-migrants",),
        owner=author,
        implementing_organisations="Ministry of Labour\nNational Employment Agency",
        results="1,200 workers placed.",
        body=[
            ("text", "<p>Context of the scheme.</p>"),
            ("key_figures", {"heading": "", "figures": [{"value": "1,200", "label": "workers"}]}),
            ("lessons", {"heading": "", "lessons": ["Start small."]}),
            ("testimony", {"quote": "It changed my life.", "attribution": "A worker", "role": ""}),
            ("contact", {"name": "Ion Rusu", "role": "Head", "organisation": "ANOFM", "email": ""}),
        ],
    )
    related = make_note(library, title="Seasonal work pilot", objectives=(6,))
    make_note(library, title="Unrelated border note", themes=("border-management",))
    restricted = make_note(library, title="Secret sibling", objectives=(5,), tier=Tier.SECRETARIAT)
    response = official_client.get(note.url)
    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Moldova",
        "Germany",
        "5. Enhance availability",
        "Labour migrants",
        "2019–2022",
        "National Employment Agency",
        "Ana Ciobanu",
        "1,200 workers placed",
        "Start small.",
        "It changed my life.",
        "Ion Rusu",
    ):
        assert text in content, text
    titles = [n.title for n in response.context["related"]]
    assert titles == [related.title]
    assert restricted.title not in content
    assert content.count("<h1") == 1


def test_library_query_count_is_flat(library, official_client, django_assert_max_num_queries):
    for _ in range(5):
        make_note(library, countries=("georgia", "poland"), themes=("labour-migration", "diaspora"))
    with django_assert_max_num_queries(40) as small:
        official_client.get(library.url)
    for _ in range(50):
        make_note(library, countries=("georgia", "poland"), themes=("labour-migration", "diaspora"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = official_client.get(library.url + "?page=2&theme=diaspora")
    assert response.context["notes_page"].paginator.count == 55


def test_note_query_count(library, official_client, django_assert_max_num_queries):
    note = make_note(library, objectives=(1, 2), target_groups=("returnees",))
    for _ in range(10):
        make_note(library, objectives=(1,))
    with django_assert_max_num_queries(40):
        assert official_client.get(note.url).status_code == 200


def test_country_profile_lists_its_practices_and_focal_points(library, member_client):
    from members.models import Profile
    from taxonomy.models import Country

    armenia = Country.objects.get(slug="armenia")
    focal = make_member(Role.GOVERNMENT, first_name="Hasmik", last_name="Petrosyan")
    Profile.objects.update_or_create(
        user=focal, defaults={"focal_point": True, "country": armenia, "visibility": "members"}
    )
    make_note(library, title="Reintegration centres", countries=("armenia",))
    make_note(library, title="ASAN visa", countries=("azerbaijan",))
    make_note(library, title="Hidden one", countries=("armenia",), tier=Tier.GOVERNMENTS)
    profile = CountryProfilePage.objects.get(country=armenia)
    response = member_client.get(profile.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Reintegration centres" in content
    assert "ASAN visa" not in content
    assert "Hidden one" not in content
    assert "Hasmik Petrosyan" in content


def test_translations_and_authoritative_version(library, member_client):
    original = make_note(library, title="Pre-departure orientation", language="en")
    translation = make_translation(
        library, original, title="Ориентация перед выездом", summary="Русская версия."
    )

    english = member_client.get("/en/library/").context["notes_page"]
    assert [n.title for n in english] == ["Pre-departure orientation"]
    russian = member_client.get("/ru/library/").context["notes_page"]
    assert [n.title for n in russian] == ["Ориентация перед выездом"]

    response = member_client.get(original.url)
    assert "Ориентация перед выездом" in response.content.decode()
    response = member_client.get(f"/ru/library/{translation.slug}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Pre-departure orientation" in content
    assert "авторитетная" in content.lower() or "authoritative" in content.lower()


def test_russian_interface_keeps_links_in_russian(library, member_client):
    note = make_note(library, title="Remittance price comparison")
    content = member_client.get("/ru/library/").content.decode()
    assert f'href="/ru/library/{note.slug}/"' in content
    assert member_client.get(f"/ru/library/{note.slug}/").status_code == 200


def test_print_style_hides_navigation(library, member_client):
    note = make_note(library)
    content = member_client.get(note.url).content.decode()
    assert 'media="print"' in content
    assert "mp-no-print" in content


def test_note_reads_as_a_document_on_any_screen(library, official_client):
    """Key figures are big numbers, a table reflows on a phone (each cell says its column), a
    "Print / save as PDF" action is offered, and the note's words carry its language."""
    note = make_note(
        library,
        title="Voluntary return in Armenian",
        language="hy",
        body=[
            ("key_figures", {"heading": "", "figures": [{"value": "4,800", "label": "returns"}]}),
            (
                "table",
                {
                    "data": [["Year", "Returns"], ["2023", "2,100"], ["2024", "2,700"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Returns by year",
                },
            ),
        ],
    )
    content = official_client.get(note.url).content.decode()
    assert '<dd class="mp-stat__value">4,800</dd>' in content
    assert 'class="mp-table mp-table--reflow' in content
    assert '<td data-label="Returns">2,700</td>' in content
    assert "data-print hidden" in content and "Print / save as PDF" in content
    assert '<div lang="hy">' in content and '<h1 class="mp-heading-xl" id="note-title">' in content
    assert '<article class="mp-note" aria-labelledby="note-title">' in content

    english = make_note(library, title="Seasonal scheme", language="en")
    assert 'lang="en"' not in official_client.get(english.url).content.decode().split("<main")[1]


def test_library_lists_cards_with_tags_and_filters_behind_a_disclosure(library, official_client):
    make_note(library, title="Georgian pilot", countries=("georgia",), themes=("diaspora",))
    content = official_client.get(library.url + "?country=georgia").content.decode()
    assert '<ul class="mp-card-list mp-list-plain">' in content
    assert '<li class="mp-tag">Georgia</li>' in content
    assert '<li class="mp-tag">Diaspora engagement</li>' in content
    assert '<details class="mp-disclosure mp-filters">' in content
    assert '<span class="mp-badge mp-badge--info">1 applied</span>' in content
    assert f'<a href="{library.url}">Clear all filters</a>' in content.replace(
        "http://localhost", ""
    )
