"""Posts in discussion threads (discussions app): each post a document titled by its thread."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.sources import (
    Entry,
    Source,
    guess_language,
    model_or_none,
    plain_text,
    register,
    tier_keys,
)


def _posts():
    return (
        model_or_none("discussions.Post")
        .objects.public()
        .filter(author__is_active=True)
        .select_related("thread__topic", "thread__page", "author")
    )


def _thread_keys(thread, topics: dict) -> frozenset[str]:
    if thread.topic_id:
        if thread.topic_id not in topics:
            topics[thread.topic_id] = frozenset(thread.topic.access_keys())
        return topics[thread.topic_id]
    page = thread.page.specific
    if not page.live:
        return frozenset()
    return tier_keys(page)


def _post_entries(posts: list) -> list[Entry | None]:
    """A chunk's posts: each thread's (and topic's) audience is worked out once, not per post."""
    topics: dict = {}
    threads: dict = {}
    entries = []
    for post in posts:
        if post.thread_id not in threads:
            threads[post.thread_id] = _thread_keys(post.thread, topics)
        entries.append(_post_entry(post, threads[post.thread_id]))
    return entries


def _post_entry(post, access: frozenset[str]) -> Entry | None:
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
    )


def _posts_of(**lookup):
    Post = model_or_none("discussions.Post")
    return lambda instance: Post.objects.filter(**{k: v(instance) for k, v in lookup.items()})


if model_or_none("discussions.Post"):
    register(
        Source(
            kind="post",
            label=_("Discussion"),
            model="discussions.Post",
            queryset=_posts,
            to_entries=_post_entries,
            related={
                "discussions.Thread": _posts_of(thread=lambda t: t),
                "discussions.Topic": _posts_of(thread__topic=lambda t: t),
                "members.User": _posts_of(author=lambda u: u),
                "wagtailcore.Page": _posts_of(thread__page_id=lambda p: p.pk),
            },
            related_fields={
                "discussions.Thread": frozenset({"title", "topic", "page"}),
                "discussions.Topic": frozenset({"name"}),
                "members.User": frozenset({"is_active", "first_name", "last_name"}),
            },
            m2m={"discussions.Topic.restricted_groups": _posts_of(thread__topic=lambda t: t)},
            under_page=lambda path: model_or_none("discussions.Post").objects.filter(
                thread__page__path__startswith=path
            ),
        )
    )
