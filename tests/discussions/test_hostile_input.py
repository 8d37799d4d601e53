"""Out-of-range and malformed numbers in discussions URLs answer 200 or 404, never 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from discussions import services
from tests.discussions.conftest import start_thread

HUGE = "99999999999999999999"  # 20 digits: past a bigint
PAGES = [HUGE, "-1", "abc", "0", "1.5", "", "９"]


@pytest.fixture
def world(topic, standard_page, expert, member):
    thread = start_thread(expert, topic=topic, body=f"Hi @{member.email.split('@')[0]}")
    start_thread(expert, page=standard_page)
    services.flag_create(reporter=member, post=thread.last_post, reason="spam")
    return {"topic": topic, "page": standard_page, "thread": thread, "post": thread.last_post}


def _lists(world) -> list[str]:
    return [
        reverse("discussions:index"),
        reverse("discussions:notifications"),
        reverse("discussions:topic", kwargs={"slug": world["topic"].slug}),
        reverse("discussions:page_threads", kwargs={"page_id": world["page"].pk}),
        reverse("discussions:thread", kwargs={"pk": world["thread"].pk}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("value", PAGES)
def test_page_numbers_never_fail(client, member, world, value):
    client.force_login(member)
    for url in _lists(world):
        response = client.get(url, {"page": value})
        assert response.status_code == 200, f"{url}?page={value}"


@pytest.mark.django_db
@pytest.mark.parametrize("value", PAGES)
def test_moderation_pages_never_fail(client, secretariat, world, value):
    client.force_login(secretariat)
    for name in ("discussions_moderation", "discussions_moderation_log"):
        assert client.get(reverse(name), {"page": value}).status_code == 200, (name, value)


@pytest.mark.django_db
@pytest.mark.parametrize("value", [HUGE, "-1", "abc", "0"])
def test_ids_in_query_strings_never_fail(client, member, world, value):
    client.force_login(member)
    thread_url = reverse("discussions:thread", kwargs={"pk": world["thread"].pk})
    assert client.get(thread_url, {"quote": value}).status_code == 200
    suggestions = reverse("discussions:mention_suggestions")
    response = client.get(suggestions, {"q": "a", "thread": value})
    assert response.status_code == 200
    assert "results" in response.json()


@pytest.mark.django_db
def test_a_reply_to_a_huge_id_is_just_a_reply(client, member, world):
    client.force_login(member)
    url = reverse("discussions:post_create", kwargs={"pk": world["thread"].pk})
    response = client.post(url, {"body": "Agreed", "reply_to": HUGE})
    assert response.status_code in (302, 400)


def _huge(name: str, arg: str = "pk") -> str:
    with translation.override("en"):
        return reverse(name, kwargs={arg: 1}).replace("/1/", f"/{HUGE}/")


@pytest.mark.django_db
def test_twenty_digit_ids_in_paths_are_not_found(client, member, secretariat, world):
    client.force_login(member)
    for name, arg in (
        ("discussions:thread", "pk"),
        ("discussions:thread_unread", "pk"),
        ("discussions:post", "pk"),
        ("discussions:post_history", "pk"),
        ("discussions:page_threads", "page_id"),
        ("discussions:notification_open", "pk"),
    ):
        assert client.get(_huge(name, arg)).status_code == 404, name
    client.force_login(secretariat)
    # No admin URL matches: the language redirect leads to a plain "not found".
    act = client.post(_huge("discussions_moderation_act"), {"action": "hide"}, follow=True)
    assert act.status_code == 404
    lift = client.post(_huge("discussions_moderation_lift", "user_id"), follow=True)
    assert lift.status_code == 404
