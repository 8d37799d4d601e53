"""Posts in discussion threads, in search: each post a document titled by its thread."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from discussions.access import thread_access_keys
from discussions.models import Post, Thread, Topic
from members.models import User
from search.extract import guess_language, plain_text
from search.sources import SOURCES_HOOK, Entry, Source


def _posts() -> QuerySet[Post]:
    return (
        Post.objects.public()
        .filter(author__is_active=True)
        .select_related("thread__topic", "thread__page", "author")
    )


def _thread_keys(thread: Thread, topics: dict[int, frozenset[str]]) -> frozenset[str]:
    if thread.topic_id is not None:
        if thread.topic_id not in topics:
            topics[thread.topic_id] = thread_access_keys(thread)
        return topics[thread.topic_id]
    # A thread under an unpublished page is read by no one until the page is published again.
    if thread.page is None or not thread.page.live:
        return frozenset()
    return thread_access_keys(thread)


def _post_entries(posts: list[Post]) -> list[Entry | None]:
    """A chunk's posts: each thread's (and topic's) audience is worked out once, not per post."""
    topics: dict[int, frozenset[str]] = {}
    threads: dict[int, frozenset[str]] = {}
    entries: list[Entry | None] = []
    for post in posts:
        if post.thread_id not in threads:
            threads[post.thread_id] = _thread_keys(post.thread, topics)
        entries.append(_post_entry(post, threads[post.thread_id]))
    return entries


def _post_entry(post: Post, access: frozenset[str]) -> Entry | None:
    if not access:
        return None
    text = plain_text(post.html) or post.source
    return Entry(
        title=post.thread.title,
        url=post.get_absolute_url(),
        access=access,
        language=guess_language(f"{post.thread.title} {text}"),
        summary=text[:300],
        body=text,
        date=post.created_at,
        # One result per thread: its best matching post stands for it.
        group=f"thread:{post.thread_id}",
    )


def _posts_of_thread(thread: Thread) -> QuerySet[Post]:
    return Post.objects.filter(thread=thread)


def _posts_of_topic(topic: Topic) -> QuerySet[Post]:
    return Post.objects.filter(thread__topic=topic)


def _posts_of_author(user: User) -> QuerySet[Post]:
    return Post.objects.filter(author=user)


def _posts_of_page(page: Page) -> QuerySet[Post]:
    return Post.objects.filter(thread__page_id=page.pk)


def _posts_under(path: str) -> QuerySet[Post]:
    return Post.objects.filter(thread__page__path__startswith=path)


POSTS = Source(
    kind="post",
    label=_("Discussion"),
    model=Post,
    queryset=_posts,
    to_entries=_post_entries,
    related={
        Thread: _posts_of_thread,
        Topic: _posts_of_topic,
        User: _posts_of_author,
        Page: _posts_of_page,
    },
    related_fields={
        Thread: frozenset({"title", "topic", "page"}),
        Topic: frozenset({"name"}),
        User: frozenset({"is_active", "first_name", "last_name"}),
    },
    m2m={(Topic, "restricted_groups"): _posts_of_topic},
    under_page=_posts_under,
)


@hooks.register(SOURCES_HOOK)
def search_sources() -> list[Source]:
    return [POSTS]
