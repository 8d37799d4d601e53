"""The search page, the suggestion endpoint, degraded mode and the zero-result report, over HTTP."""

from __future__ import annotations

import pytest

from search.models import ZeroResultQuery
from tests.search.builders import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(engine, index_now):
    make_note("Labour mobility partnership", countries=["GE"], themes=["labour-migration"])
    make_note("Labour market integration", countries=["MD"], themes=["integration"])
    index_now()


def test_results_page_with_facet_links_and_highlights(corpus, member_client):
    response = member_client.get("/en/search/", {"q": "labour"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "2 results for “labour”" in html
    assert "<mark>Labour</mark> mobility partnership" in html
    assert "?q=labour&amp;country=ge" in html
    narrowed = member_client.get("/en/search/", {"q": "labour", "country": "ge"}).content.decode()
    assert "1 result for “labour”" in narrowed
    assert "mobility" in narrowed and "market integration" not in narrowed
    assert 'aria-current="true"' in narrowed


def test_facets_are_a_filter_sidebar_with_counts_and_clear_all(corpus, member_client):
    html = member_client.get(
        "/en/search/", {"q": "labour", "country": "ge", "sort": "date"}
    ).content.decode()
    # Behind a "Filter" disclosure that says how many are applied, before the results.
    assert '<details class="mp-disclosure mp-filters">' in html
    assert '>Filter <span class="mp-badge mp-badge--info">1 applied</span></summary>' in html
    assert html.index("mp-filters") < html.index("mp-search-result")
    # Each value with its count; a link adds it to the query and filters in the address.
    assert 'Georgia</span> <span class="mp-facet__count">(1)</span>' in html
    assert "?q=labour&amp;country=ge&amp;sort=date&amp;theme=labour-migration" in html
    # Clear all keeps the words and the order, and drops every filter.
    assert html.count('href="?q=labour&amp;sort=date">Clear all filters</a>') == 2


def test_pages_of_results_keep_the_words_and_filters(engine, index_now, member_client):
    for n in range(12):
        make_note(f"Labour attaché network {n}", countries=["GE"])
    index_now()
    html = member_client.get("/en/search/", {"q": "labour", "country": "ge"}).content.decode()
    assert "12 results for “labour”" in html
    assert 'class="mp-pagination"' in html
    assert 'rel="next" href="?q=labour&amp;country=ge&amp;page=2"' in html
    second = member_client.get(
        "/en/search/", {"q": "labour", "country": "ge", "page": "2"}
    ).content.decode()
    assert second.count('class="mp-search-result"') == 2
    assert 'rel="prev" href="?q=labour&amp;country=ge&amp;page=1"' in second


def test_results_page_in_russian(corpus, member_client):
    html = member_client.get("/ru/search/", {"q": "labour"}).content.decode()
    assert '<html lang="ru"' in html
    assert "Поиск" in html
    assert "Страна" in html


def test_query_count_stays_flat(corpus, member_client, django_assert_max_num_queries):
    member_client.get("/en/search/", {"q": "labour"})
    with django_assert_max_num_queries(20):
        member_client.get("/en/search/", {"q": "labour", "country": "ge", "sort": "date"})


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "((("},
        {"q": "labour", "sort": "evil"},
        {"q": "labour", "year": "20x5"},
        {"q": "labour", "country": "<script>"},
        {"q": ""},
        {},
    ],
)
def test_no_request_is_a_server_error(corpus, member_client, params):
    response = member_client.get("/en/search/", params)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("page", ["99999999999999999999", "-1", "0", "abc", "101", "1e3", "١"])
def test_a_page_of_results_that_cannot_exist_is_a_clear_400(corpus, member_client, page):
    response = member_client.get("/en/search/", {"q": "labour", "page": page})
    assert response.status_code == 400
    assert "There is no such page of results: pages run from 1 to 100." in (
        response.content.decode()
    )


def test_the_last_page_there_can_be_answers(corpus, member_client):
    assert member_client.get("/en/search/", {"q": "labour", "page": "100"}).status_code == 200


@pytest.mark.parametrize("year", ["99999999999999999999", "-5", "0"])
def test_an_impossible_year_is_left_out_not_a_server_error(corpus, member_client, year):
    response = member_client.get("/en/search/", {"q": "labour", "year": year})
    assert response.status_code == 200
    assert "2 results for “labour”" in response.content.decode()


def test_an_unknown_kind_is_left_out(corpus, member_client):
    response = member_client.get("/en/search/", {"q": "labour", "kind": "<junk>" * 50})
    assert response.status_code == 200
    assert "2 results for “labour”" in response.content.decode()
    assert not ZeroResultQuery.objects.exists()


def test_a_very_long_query_says_what_was_searched(corpus, member_client):
    response = member_client.get("/en/search/", {"q": "labour " + "x" * 5000})
    assert response.status_code == 200
    assert "Only the first 200 characters were searched." in response.content.decode()
    suggest = member_client.get("/en/search/suggest/", {"q": "labour " * 1000})
    assert suggest.status_code == 200


@pytest.mark.parametrize("days", ["99999999999999999999", "-1", "abc", "", "7"])
def test_zero_result_report_takes_any_period(corpus, secretariat, client, days):
    client.force_login(secretariat)
    response = client.get("/admin/search/zero-results/", {"days": days, "page": "99999999999"})
    assert response.status_code == 200


def test_zero_results_are_counted_without_identity(corpus, member_client):
    member_client.get("/en/search/", {"q": "Nonexistent Topic"})
    member_client.get("/en/search/", {"q": "nonexistent  topic"})
    member_client.get("/en/search/", {"q": "labour"})
    rows = list(ZeroResultQuery.objects.values_list("query", "count"))
    assert rows == [("nonexistent topic", 2)]
    assert {f.name for f in ZeroResultQuery._meta.get_fields()} == {
        "id",
        "query",
        "day",
        "count",
        "last_seen_at",
    }


def test_zero_result_report_is_for_the_secretariat(corpus, member_client, secretariat, client):
    member_client.get("/en/search/", {"q": "climate displacement"})
    assert member_client.get("/admin/search/zero-results/").status_code == 403
    client.force_login(secretariat)
    response = client.get("/admin/search/zero-results/")
    assert response.status_code == 200
    assert "climate displacement" in response.content.decode()


def test_suggestions_as_json(corpus, member_client):
    response = member_client.get("/en/search/suggest/", {"q": "labour mob"})
    assert response.status_code == 200
    assert response.json()["suggestions"] == [
        {
            "title": "Labour mobility partnership",
            "url": response.json()["suggestions"][0]["url"],
            "kind": "practice_note",
        }
    ]
    assert member_client.get("/en/search/suggest/", {"q": "l"}).json()["suggestions"] == []


@pytest.mark.elasticsearch
def test_search_unavailable_is_a_clear_503_and_the_site_goes_on(settings, member_client):
    from search.client import elasticsearch_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    elasticsearch_client.cache_clear()
    try:
        response = member_client.get("/en/search/", {"q": "labour"})
        assert response.status_code == 503
        assert "Search is temporarily unavailable" in response.content.decode()
        assert member_client.get("/en/search/suggest/", {"q": "labour"}).status_code == 503
        assert member_client.get("/en/").status_code == 200
        health = member_client.get("/health/")
        assert health.status_code == 503
        assert health.json()["checks"]["elasticsearch"]["status"] == "down"
    finally:
        elasticsearch_client.cache_clear()
