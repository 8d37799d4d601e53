"""One contract, two engines: every test here runs against the database engine and against the
real Elasticsearch (marked ``elasticsearch``). Features only Elasticsearch has are tested in
test_elasticsearch.py."""

from __future__ import annotations

import pytest

from core.access import Tier
from search import query as search_query
from tests.search.builders import make_note, make_standard_page

pytestmark = pytest.mark.django_db

SECRET = "quorbitzyx"


@pytest.fixture
def planted(engine, index_now):
    """Ordinary notes, and one restricted to governments carrying a unique word everywhere."""
    make_note("Seasonal work schemes", summary="Circular labour migration", countries=["MD"])
    make_note(
        f"Border protocol {SECRET}",
        summary=f"The {SECRET} arrangement",
        text=f"Details of {SECRET} cooperation between border agencies.",
        tier=Tier.GOVERNMENTS,
        countries=["AM"],
        themes=["border-management"],
    )
    make_note(
        "Secretariat working notes",
        summary=f"Internal {SECRET} memo",
        tier=Tier.SECRETARIAT,
        countries=["BY"],
        themes=["visa-policy"],
    )
    index_now()


def _facet_values(results) -> set[str]:
    return {v.value for facet in results.facets for v in facet.values}


def test_planted_word_reaches_only_those_allowed(planted, member, official, secretariat, expert):
    for outsider in (member, expert):
        results = search_query.search(user=outsider, query=SECRET)
        assert results.total == 0
        assert results.hits == []
        assert not any(v.count for facet in results.facets for v in facet.values)
        assert results.suggestion is None or SECRET not in results.suggestion
        assert search_query.suggest(user=outsider, prefix="Border prot") == []
        assert search_query.suggest(user=outsider, prefix=SECRET[:5]) == []
        # A filter alone (no words) must not reveal the restricted notes either.
        browsed = search_query.search(user=outsider, filters={"country": ["AM", "BY"]})
        assert browsed.total == 0
        assert "am" not in _facet_values(search_query.search(user=outsider, query="seasonal"))

    government = search_query.search(user=official, query=SECRET)
    assert government.total == 1
    assert SECRET in str(government.hits[0].title) + str(government.hits[0].snippet)
    assert "<mark>" in str(government.hits[0].title) + str(government.hits[0].snippet)
    assert {"am"} == {v.value for f in government.facets if f.name == "country" for v in f.values}
    assert [s["title"] for s in search_query.suggest(user=official, prefix="Border prot")] == [
        f"Border protocol {SECRET}"
    ]

    staff = search_query.search(user=secretariat, query=SECRET)
    assert staff.total == 2


def test_nobody_signed_out_finds_anything(planted, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert search_query.search(user=AnonymousUser(), query="seasonal").total == 0
    inactive = django_user_model.objects.create_user("gone@example.org", is_active=False)
    assert search_query.search(user=inactive, query="seasonal").total == 0


def test_facets_count_with_filters(engine, index_now, member):
    make_note("Return counselling in Georgia", countries=["GE"], themes=["return-reintegration"])
    make_note("Return grants in Moldova", countries=["MD"], themes=["return-reintegration"])
    make_note("Return and diaspora bonds", countries=["MD"], themes=["diaspora"])
    make_standard_page("Return policy help page", summary="How to return a form")
    index_now()

    everything = search_query.search(user=member, query="return")
    assert everything.total == 4
    counts = {f.name: {v.value: v.count for v in f.values} for f in everything.facets}
    assert counts["kind"] == {"practice_note": 3, "page": 1}
    assert counts["country"] == {"md": 2, "ge": 1}
    assert counts["theme"] == {"return-reintegration": 2, "diaspora": 1}

    moldova = search_query.search(user=member, query="return", filters={"country": ["MD"]})
    assert moldova.total == 2
    counts = {f.name: {v.value: v.count for v in f.values} for f in moldova.facets}
    assert counts["theme"] == {"return-reintegration": 1, "diaspora": 1}
    assert counts["country"] == {"md": 2}
    assert [v.selected for f in moldova.facets if f.name == "country" for v in f.values] == [True]

    narrowed = search_query.search(
        user=member, query="return", filters={"country": ["MD"], "theme": ["diaspora"]}
    )
    assert [str(h.title) for h in narrowed.hits] == ["<mark>Return</mark> and diaspora bonds"]
    assert narrowed.hits[0].kind_label == "Practice note"


def test_phrase_must_appear_as_typed(engine, index_now, member):
    make_note("Labour migration agreements", summary="Bilateral labour migration agreements")
    make_note("Migration of labour statistics", summary="Counting migration and labour")
    index_now()
    phrase = search_query.search(user=member, query='"labour migration"')
    assert [str(h.title).replace("<mark>", "").replace("</mark>", "") for h in phrase.hits] == [
        "Labour migration agreements"
    ]
    assert search_query.search(user=member, query="labour migration").total == 2


def test_highlights_are_escaped_then_marked(engine, index_now, member):
    make_note("<script>alert(1)</script> reintegration & co", summary="<b>reintegration</b>")
    index_now()
    hit = search_query.search(user=member, query="reintegration").hits[0]
    assert "<script>" not in hit.title
    assert "&lt;script&gt;" in hit.title
    assert "<mark>reintegration</mark>" in hit.title
    assert "<b>" not in hit.snippet


def test_sort_by_date_and_pages(engine, index_now, member):
    titles = [f"Diaspora engagement {n}" for n in range(12)]
    for title in titles:
        make_note(title, themes=["diaspora"])
    index_now()
    first = search_query.search(user=member, query="diaspora", sort="date", per_page=5)
    assert first.total == 12
    assert first.pages == 3
    assert first.has_next and not first.has_previous
    third = search_query.search(user=member, query="diaspora", sort="date", page=3, per_page=5)
    assert len(third.hits) == 2
    seen = [
        h.object_id
        for p in (1, 2, 3)
        for h in search_query.search(
            user=member, query="diaspora", sort="date", page=p, per_page=5
        ).hits
    ]
    assert len(set(seen)) == 12
    dates = [h.date for h in first.hits]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("ru", "Трудовые мигранты из Молдовы", "мигранты"),
        ("hy", "Միգրանտների վերաինտեգրում Հայաստանում", "վերաինտեգրում"),
        ("ka", "შრომითი მიგრაციის პოლიტიკა საქართველოში", "პოლიტიკა"),
    ],
)
def test_regional_scripts_find_their_documents(engine, index_now, member, language, title, query):
    make_note(title, language=language)
    make_note("Unrelated note in English")
    index_now()
    results = search_query.search(user=member, query=query, language="ru")
    assert [h.language for h in results.hits] == [language]
    assert query in str(results.hits[0].title)


def test_unpublishing_and_tier_changes_follow(engine, index_now, member, official):
    note = make_note("Visa facilitation for students", themes=["visa-policy"])
    index_now()
    assert search_query.search(user=member, query="visa facilitation").total == 1

    note.tier = Tier.GOVERNMENTS
    note.save_revision().publish()
    index_now()
    assert search_query.search(user=member, query="visa facilitation").total == 0
    assert search_query.search(user=official, query="visa facilitation").total == 1

    note.specific.unpublish()
    index_now()
    assert search_query.search(user=official, query="visa facilitation").total == 0


def test_deactivated_member_leaves_the_directory(engine, index_now, member, other_member):
    other_member.first_name, other_member.last_name = "Nino", "Kvaratskhelia"
    other_member.save()
    index_now()
    assert search_query.search(user=member, query="kvaratskhelia").total == 1
    other_member.is_active = False
    other_member.save()
    index_now()
    assert search_query.search(user=member, query="kvaratskhelia").total == 0


@pytest.mark.parametrize(
    "query",
    [
        'AND OR NOT ( ) [ ] { } : " \\ / ~ * ? ^ ! + - = && || < >',
        "labour" * 2000,
        "migration мигранты միգրանտ მიგრაცია 移民 🚀",
        '"unclosed phrase',
        "\x00\x1f control",
        "   ",
        "_",
    ],
)
def test_no_input_breaks_the_search(engine, index_now, member, query):
    make_note("Labour migration in the region")
    index_now()
    results = search_query.search(user=member, query=query)
    assert results.total >= 0


def test_suggestions_match_word_prefixes(engine, index_now, member):
    make_note("Reintegration of returning migrants")
    make_note("Remittances and development")
    index_now()
    titles = [s["title"] for s in search_query.suggest(user=member, prefix="reint")]
    assert titles == ["Reintegration of returning migrants"]
    titles = [s["title"] for s in search_query.suggest(user=member, prefix="returning mig")]
    assert titles == ["Reintegration of returning migrants"]
    assert search_query.suggest(user=member, prefix="r") == []


def test_directory_hides_profiles_from_those_outside_their_tier(
    engine, index_now, member, official, other_member
):
    from members.models import Profile
    from search.selectors import directory_search, library_search

    other_member.first_name, other_member.last_name = "Armen", "Petrosyan"
    other_member.save()
    Profile.objects.update_or_create(
        user=other_member,
        defaults={"bio": f"Negotiator on {SECRET} readmission", "visibility": Tier.GOVERNMENTS},
    )
    make_note(f"Public note on {SECRET[:4]}returns")
    index_now()
    assert directory_search(user=member, query=SECRET).total == 0
    assert directory_search(user=member, query="petrosyan").total == 0
    assert search_query.suggest(user=member, prefix="Armen Petro") == []
    found = directory_search(user=official, query=SECRET)
    assert [h.object_id for h in found.hits] == [str(other_member.pk)]
    assert library_search(user=official, query=SECRET).total == 0
    assert directory_search(user=official, query="").total >= 2


def test_expertise_added_or_removed_reaches_the_directory(engine, index_now, member, other_member):
    """Areas of expertise are many-to-many links: changing them saves no row of the profile."""
    from members.models import Profile
    from search.selectors import directory_search
    from taxonomy.models import Theme

    theme = Theme.objects.get(slug="border-management")
    profile, _ = Profile.objects.get_or_create(user=other_member)
    index_now()
    assert directory_search(user=member, filters={"theme": [theme.slug]}).total == 0

    profile.expertise.add(theme)
    index_now()
    found = directory_search(user=member, filters={"theme": [theme.slug]})
    assert [h.object_id for h in found.hits] == [str(other_member.pk)]

    profile.expertise.clear()
    index_now()
    assert directory_search(user=member, filters={"theme": [theme.slug]}).total == 0


def test_an_expert_is_found_by_an_area_named_in_russian(engine, index_now, member, other_member):
    from members.models import Profile
    from search.selectors import directory_search
    from taxonomy.models import Theme

    profile, _ = Profile.objects.get_or_create(user=other_member)
    profile.bio = "Advises ministries on readmission."
    profile.save()
    profile.expertise.add(Theme.objects.get(slug="border-management"))
    index_now()
    found = directory_search(user=member, query="Управление границами", language="ru")
    assert [h.object_id for h in found.hits] == [str(other_member.pk)]


def test_every_part_of_a_note_is_found(engine, index_now, member):
    """A word in any block of the body, a target group or an attached document finds the note."""
    from django.core.files.base import ContentFile

    from knowledge.models import PracticeDocument

    document = PracticeDocument.objects.create(
        title="Evaluation", file=ContentFile(b"%PDF-1.4", name="evaluation.pdf")
    )
    PracticeDocument.objects.filter(pk=document.pk).update(extracted_text="zorvendale counted")
    make_note(
        "Circular migration agreement",
        body=[
            ("key_figures", {"heading": "", "figures": [{"value": "12", "label": "quillmere"}]}),
            ("lessons", {"heading": "", "lessons": ["Start with brantoak."]}),
            ("testimony", {"quote": "The vellisard helped.", "attribution": "A", "role": ""}),
            ("table", {"data": [["Year", "thornwick"]], "first_row_is_table_header": True}),
            ("document", {"document": document, "title": ""}),
        ],
        target_groups=("returnees",),
        results="Fourteen ostrelian jobs.",
    )
    make_note("Unrelated note", text="Nothing of the kind.")
    index_now()
    for word in ("quillmere", "brantoak", "vellisard", "thornwick", "zorvendale", "ostrelian"):
        found = search_query.search(user=member, query=word)
        assert [hit.title for hit in found.hits] == ["Circular migration agreement"], word
    assert search_query.search(user=member, query="returnees").total == 1
