"""What the rest of the site takes from discussions: dashboard panel, page snippet, search."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from discussions import selectors, services
from discussions.selectors import post_search_document, posts_for_index, thread_access_keys
from tests.discussions.conftest import start_thread


@pytest.mark.django_db
def test_dashboard_shows_active_threads_with_unread_counts(client, thread, expert, member):
    services.post_create(author=expert, thread=thread, body="Another update")
    client.force_login(member)
    html = client.get("/en/").content.decode()
    assert "Active discussions" in html
    assert thread.title in html and "2 new" in html


@pytest.mark.django_db
def test_dashboard_panel_is_empty_for_a_member_with_nothing(member):
    assert selectors.dashboard_panel(user=member) is None


@pytest.mark.django_db
def test_page_discussions_tag_offers_to_discuss_a_page(standard_page, expert, member):
    start_thread(expert, page=standard_page, title="On these methods")
    request = RequestFactory().get("/")
    request.user = member
    html = Template("{% load discussions_tags %}{% page_discussions page %}").render(
        Context({"request": request, "page": standard_page})
    )
    assert "On these methods" in html and "Discuss this" in html


@pytest.mark.django_db
def test_search_feed_carries_each_threads_audience(topic, government_topic, expert, official):
    open_thread = start_thread(expert, topic=topic, title="Open")
    closed = start_thread(official, topic=government_topic, title="Closed")
    services.post_delete(user=expert, post=open_thread.last_post)
    documents = {d["title"]: d for d in map(post_search_document, posts_for_index())}
    assert "Open" not in documents  # deleted posts are not indexed
    assert documents["Closed"]["access"] == ["group:government", "secretariat"]
    assert thread_access_keys(open_thread) == frozenset({"members", "secretariat"})
    assert set(selectors.threads_for_index()) == {closed, open_thread}
