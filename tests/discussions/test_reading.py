"""Reading state: unread counts in lists, "new" markers, jump to the first unread post."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discussions import selectors, services
from discussions.models import Post, ReadState, Thread


@pytest.mark.django_db
def test_unread_counts_markers_and_jump(client, thread, expert, member, settings):
    settings.DISCUSSIONS_POSTS_PER_PAGE = 2
    client.force_login(member)
    # Never opened: the whole thread is new.
    listing = selectors.thread_list(user=member).get(pk=thread.pk)
    assert listing.unread == 1
    client.get(thread.get_absolute_url())
    assert ReadState.objects.get(user=member, thread=thread).last_read_number == 1

    for i in range(3):
        services.post_create(author=expert, thread=thread, body=f"Update {i}")
    assert selectors.thread_list(user=member).get(pk=thread.pk).unread == 3
    topic_html = client.get(thread.topic.get_absolute_url()).content.decode()
    assert "3 new" in topic_html

    response = client.get(reverse("discussions:thread_unread", kwargs={"pk": thread.pk}))
    assert response["Location"].endswith("?page=1#post-2")
    html = client.get(thread.get_absolute_url() + "?page=1").content.decode()
    assert html.count("mp-post mp-post--new") == 1  # post 2 is new; post 1 was read
    # Reading page 1 only marks posts up to 2 as read.
    assert ReadState.objects.get(user=member, thread=thread).last_read_number == 2
    assert selectors.thread_list(user=member).get(pk=thread.pk).unread == 2
    response = client.get(reverse("discussions:thread_unread", kwargs={"pk": thread.pk}))
    assert response["Location"].endswith("?page=2#post-3")


@pytest.mark.django_db
def test_read_state_never_moves_backwards(thread, expert, member):
    services.post_create(author=expert, thread=thread, body="Two")
    services.thread_mark_read(user=member, thread=thread, number=2)
    services.thread_mark_read(user=member, thread=thread, number=1)
    assert selectors.read_state(user=member, thread=thread) == 2


@pytest.mark.django_db
def test_own_posts_count_as_read(thread, member):
    services.post_create(author=member, thread=thread, body="Mine")
    assert selectors.thread_list(user=member).get(pk=thread.pk).unread == 0


@pytest.mark.django_db
def test_reading_a_thread_reads_its_notifications(client, thread, expert, member):
    services.post_create(author=member, thread=thread, body="Reply")
    client.force_login(expert)
    client.get(thread.get_absolute_url())
    assert not expert.discussion_notifications.filter(read_at__isnull=True).exists()


def _grow(thread, author, total):
    from django.utils import timezone

    now = timezone.now()
    Post.objects.bulk_create(
        Post(
            thread=thread,
            number=n,
            author=author,
            source=f"Post {n}",
            html=f"<p>Post {n}</p>",
            created_at=now,
        )
        for n in range(thread.post_count + 1, total + 1)
    )
    services.thread_counters_refresh(thread=thread)
    return Thread.objects.get(pk=thread.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("total", [10, 500])
def test_thread_page_query_count_is_flat(
    client, thread, expert, member, total, django_assert_max_num_queries
):
    thread = _grow(thread, expert, total)
    services.post_create(author=member, thread=thread, body="reply @nobody")
    client.force_login(member)
    url = thread.get_absolute_url()
    client.get(url)  # warm the session
    with django_assert_max_num_queries(16):
        response = client.get(url + "?page=last")
    assert response.status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(url + "?page=2").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_lists_query_count_is_flat(
    client, topic, expert, member, count, django_assert_max_num_queries
):
    for i in range(count):
        services.thread_create(author=expert, title=f"T{i}", body="x", topic=topic)
        from django.core.cache import cache

        cache.clear()  # the rate limit is not what this test is about
    client.force_login(member)
    client.get(reverse("discussions:index"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("discussions:index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(topic.get_absolute_url()).status_code == 200
