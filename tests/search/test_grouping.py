"""A thread is one result, however many of its posts match: on the results page, in the facet
counts, across pages and in the header box's suggestions, on both engines (issue 13)."""

from __future__ import annotations

import pytest

from search import query as search_query
from tests.search.builders import make_note

pytestmark = pytest.mark.django_db

WORD = "readmission"


def _thread(expert, topic, title: str, texts: list[str]):
    from discussions.models import Post, Thread

    thread = Thread.objects.create(title=title, topic=topic, author=expert)
    posts = [
        Post.objects.create(thread=thread, number=number, author=expert, source=text)
        for number, text in enumerate(texts, start=1)
    ]
    return thread, posts


@pytest.fixture
def topic(db):
    from discussions.models import Topic

    return Topic.objects.create(name="Return and readmission", slug="return-readmission")


@pytest.fixture
def busy_thread(engine, index_now, expert, topic):
    """Four posts of one thread and one practice note all say the word; one post says more."""
    thread, posts = _thread(
        expert,
        topic,
        "Readmission agreements in practice",
        [
            f"How do your ministries run {WORD} with the EU?",
            f"Our {WORD} office answers in ten days.",
            f"The {WORD} charter for Moldova covers third-country nationals.",
            f"We publish {WORD} figures twice a year.",
        ],
    )
    make_note(f"{WORD.title()} case handling", summary="Deadlines and interpreters")
    index_now()
    return thread, posts


def test_a_thread_is_found_once_with_a_post_that_matches(busy_thread, member):
    _thread_obj, posts = busy_thread
    results = search_query.search(user=member, query=WORD)
    assert results.total == 2
    assert [hit.kind for hit in results.hits].count("post") == 1
    found = next(hit for hit in results.hits if hit.kind == "post")
    assert found.url in {post.get_absolute_url() for post in posts}
    assert WORD in str(found.snippet).lower()
    kinds = {v.value: v.count for f in results.facets if f.name == "kind" for v in f.values}
    assert kinds == {"post": 1, "practice_note": 1}


def test_the_post_shown_is_one_that_has_every_word(busy_thread, member):
    _thread_obj, posts = busy_thread
    results = search_query.search(user=member, query=f"{WORD} charter")
    assert results.total == 1
    assert [hit.url for hit in results.hits] == [posts[2].get_absolute_url()]
    assert "<mark>charter</mark>" in str(results.hits[0].snippet).lower()


def test_pages_count_threads_not_posts(engine, index_now, member, expert, topic):
    _thread(expert, topic, "Visa facilitation questions", [f"visa point {n}" for n in range(12)])
    for n in range(10):
        make_note(f"Visa regime note {n}")
    index_now()
    first = search_query.search(user=member, query="visa", per_page=10)
    assert first.total == 11
    assert first.pages == 2
    second = search_query.search(user=member, query="visa", per_page=10, page=2)
    shown = [hit.title for hit in first.hits + second.hits]
    assert len(shown) == 11
    assert sum("facilitation" in str(title) for title in shown) == 1


def test_suggestions_offer_a_thread_once(busy_thread, member_client):
    response = member_client.get("/en/search/suggest/", {"q": "readmiss"})
    assert response.status_code == 200
    data = response.json()
    titles = [s["title"] for s in data["suggestions"]]
    assert titles.count("Readmission agreements in practice") == 1
    assert len(titles) == len(set(titles))
    assert [(g["name"], g["label"]) for g in data["groups"]] == [
        ("practice_notes", "Practice notes"),
        ("discussions", "Discussions"),
    ]


def test_suggestion_groups_are_named_in_the_members_language(busy_thread, member_client):
    data = member_client.get("/ru/search/suggest/", {"q": "readmiss"}).json()
    assert [g["label"] for g in data["groups"]] == ["Описания практик", "Обсуждения"]


def test_countries_are_suggested_by_name_and_open_the_filtered_search(
    engine, index_now, member_client
):
    make_note("Seasonal work in Georgia", countries=["GE"])
    index_now()
    data = member_client.get("/en/search/suggest/", {"q": "geor"}).json()
    countries = next(g for g in data["groups"] if g["name"] == "countries")
    assert countries["label"] == "Countries"
    assert countries["suggestions"] == [
        {"title": "Georgia", "url": "/en/search/?country=ge", "kind": "country"}
    ]
    page = member_client.get(countries["suggestions"][0]["url"])
    assert "Seasonal work in Georgia" in page.content.decode()
