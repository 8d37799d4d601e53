"""Words typed in the library box go through the search service: the same matching and access
filtering as the search page, the library's own facets and translation sets on top.

Tests taking ``engine`` run on the database engine and on the real Elasticsearch."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from core.access import Tier
from tests.knowledge.conftest import make_note, make_translation

pytestmark = pytest.mark.django_db

SECRET = "quorbitzyx"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def titles(response) -> list[str]:
    return [note.title for note in response.context["notes_page"]]


def facet(response, name: str) -> dict[str, int]:
    facets = {n: f for n, _label, f in response.context["facets"]}
    facets["year"] = response.context["year_facet"]
    return {option.value: option.count for option in facets[name].options}


def test_words_find_notes_by_their_body_and_mark_them(engine, index_now, library, member_client):
    make_note(library, title="Seasonal work schemes", summary="Circular labour migration.")
    make_note(
        library,
        title="Border cooperation",
        countries=("moldova",),
        summary="Joint patrols on the river.",
        body=[("text", "<p>A readmission protocol signed in 2019.</p>")],
    )
    make_note(library, title="Diaspora bonds", countries=("moldova",))
    index_now()

    response = member_client.get(library.url, {"q": "readmission"})
    assert response.status_code == 200
    assert titles(response) == ["Border cooperation"]
    content = response.content.decode()
    assert "1 practice" in content
    assert re.search(r"<mark>readmission</mark>", content, re.I)
    # The facets count within the matches only.
    assert facet(response, "country") == {"moldova": 1}

    phrase = member_client.get(library.url, {"q": '"labour migration"'})
    assert titles(phrase) == ["Seasonal work schemes"]
    assert titles(member_client.get(library.url, {"q": '"migration labour"'})) == []
    # Words and filters together.
    assert titles(member_client.get(library.url, {"q": "readmission", "country": "armenia"})) == []


def test_relevance_is_the_default_order_when_searching(engine, index_now, library, member_client):
    in_title = make_note(library, title="Remittance corridors", summary="Lower fees.")
    in_summary = make_note(library, title="Banking access", summary="Remittance cards for all.")
    index_now()

    relevant = member_client.get(library.url, {"q": "remittance"})
    assert titles(relevant) == [in_title.title, in_summary.title]
    assert relevant.context["filters"].sort == "relevance"
    assert 'value="relevance" selected' in relevant.content.decode()
    newest = member_client.get(library.url, {"q": "remittance", "sort": "newest"})
    assert titles(newest) == [in_summary.title, in_title.title]
    by_title = member_client.get(library.url, {"q": "remittance", "sort": "title"})
    assert titles(by_title) == [in_summary.title, in_title.title]
    # Without words "relevance" means the newest first.
    assert titles(member_client.get(library.url))[:2] == [in_summary.title, in_title.title]


def test_only_the_most_relevant_matches_are_listed(
    engine, index_now, library, member_client, monkeypatch
):
    import knowledge.selectors
    import knowledge.views

    monkeypatch.setattr(knowledge.selectors, "SEARCH_LIMIT", 2)
    monkeypatch.setattr(knowledge.views, "SEARCH_LIMIT", 2)
    make_note(library, title="Labour pact", summary="Seasonal labour.")
    make_note(library, title="Labour office", summary="Labour market.")
    make_note(library, title="Diaspora forum", summary="Skills and labour abroad.")
    index_now()
    response = member_client.get(library.url, {"q": "labour"})
    assert sorted(titles(response)) == ["Labour office", "Labour pact"]
    assert "only the 2 most relevant are listed" in response.content.decode()


def test_reader_sees_the_version_in_their_language(engine, index_now, library, member_client):
    original = make_note(library, title="Pre-departure orientation", summary="Courses.")
    make_translation(
        library, original, title="Ориентация перед выездом", summary="Курсы для уезжающих."
    )
    index_now()

    # Only the English version has the word, but a Russian reader gets the Russian version.
    russian = member_client.get("/ru/library/", {"q": "orientation"})
    assert titles(russian) == ["Ориентация перед выездом"]
    # And the other way round.
    english = member_client.get("/en/library/", {"q": "уезжающих"})
    assert titles(english) == ["Pre-departure orientation"]


def test_restricted_words_are_neither_found_nor_counted(
    engine, index_now, library, member, official
):
    make_note(library, title="Seasonal work", countries=("moldova",))
    make_note(
        library,
        title="Border protocol",
        summary=f"The {SECRET} arrangement.",
        tier=Tier.GOVERNMENTS,
        countries=("belarus",),
        themes=("border-management",),
    )
    index_now()
    member_client, official_client = signed_in(member), signed_in(official)

    observer = member_client.get(library.url, {"q": SECRET})
    assert titles(observer) == []
    content = observer.content.decode()
    assert "Border protocol" not in content and "arrangement" not in content
    assert "0 practices" in content
    for name in ("country", "theme", "objective", "type", "language", "year"):
        assert facet(observer, name) == {}, name
    # Not through a filter on the hidden note's country either.
    assert titles(member_client.get(library.url, {"q": SECRET, "country": "belarus"})) == []

    official = official_client.get(library.url, {"q": SECRET})
    assert titles(official) == ["Border protocol"]
    assert facet(official, "country") == {"belarus": 1}


def test_search_down_still_lists_with_a_notice(search_down, library, member_client):
    make_note(library, title="Remittance corridors", countries=("moldova",))
    make_note(library, title="Remittance cards", countries=("armenia",))
    make_note(library, title="Border cooperation", countries=("moldova",))

    response = member_client.get(library.url, {"q": "remittance", "country": "moldova"})
    assert response.status_code == 200
    assert "Full-text search is temporarily unavailable" in response.content.decode()
    # The filters still apply, and the words as typed in title or summary.
    assert titles(response) == ["Remittance corridors"]
    assert facet(response, "country") == {"moldova": 1, "armenia": 1}

    russian = member_client.get("/ru/library/", {"q": "remittance"})
    assert russian.status_code == 200
    assert "Полнотекстовый поиск временно недоступен" in russian.content.decode()
    # Without words the service is not asked at all: no notice.
    plain = member_client.get(library.url)
    assert "temporarily unavailable" not in plain.content.decode()


def test_query_count_is_flat_when_searching(
    engine, index_now, library, official_client, django_assert_max_num_queries
):
    for _ in range(5):
        make_note(library, title="Labour pact", countries=("georgia", "poland"))
    index_now()
    url = library.url
    official_client.get(url)  # the session's first page loads the member's access once
    # About 23 without words; the words add the search (3 on the database engine, none on
    # Elasticsearch), their translation sets and the ordered ids.
    with django_assert_max_num_queries(34) as small:
        official_client.get(url, {"q": "labour"})
    for _ in range(40):
        make_note(library, title="Labour pact", countries=("georgia", "poland"))
    index_now()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = official_client.get(url, {"q": "labour", "page": 2, "theme": "labour-migration"})
    assert response.context["notes_page"].paginator.count == 45


# --- what only Elasticsearch does --------------------------------------------------------------
@pytest.mark.elasticsearch
def test_russian_word_forms_find_the_russian_note(es_index, index_now, library, member_client):
    make_note(
        library,
        title="Права трудовых мигрантов",
        summary="Защита прав мигрантов в странах назначения.",
        language="ru",
    )
    make_note(library, title="Seasonal work", summary="Circular labour migration.")
    index_now()
    for form in ("мигрантам", "мигрант", "трудовым мигрантом"):
        response = member_client.get("/ru/library/", {"q": form})
        assert titles(response) == ["Права трудовых мигрантов"], form


@pytest.mark.elasticsearch
def test_a_typo_still_finds_the_note(es_index, index_now, library, member_client):
    make_note(library, title="Reintegration of returnees", summary="Programmes for returnees.")
    make_note(library, title="Seasonal work", summary="Circular labour migration.")
    index_now()
    assert titles(member_client.get(library.url, {"q": "reintegratoin"})) == [
        "Reintegration of returnees"
    ]
