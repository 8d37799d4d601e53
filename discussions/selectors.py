"""Reads for discussions: lists with unread counts, thread pages, notifications, search feed.

Every list starts from ``discussions.access`` so a member only ever reads what they may see.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from core.access import MEMBERS, SECRETARIAT, user_keys

from . import access
from .models import Notification, Post, ReadState, Subscription, Thread, Topic


def posts_per_page() -> int:
    return getattr(settings, "DISCUSSIONS_POSTS_PER_PAGE", 20)


def _with_reading(queryset: QuerySet[Thread], user) -> QuerySet[Thread]:
    last_read = ReadState.objects.filter(thread=OuterRef("pk"), user=user).values(
        "last_read_number"
    )[:1]
    subscription = Subscription.objects.filter(thread=OuterRef("pk"), user=user).values("level")[:1]
    return queryset.annotate(
        last_read=Coalesce(Subquery(last_read, output_field=IntegerField()), Value(0)),
        unread=F("post_count") - F("last_read"),
        subscription_level=Subquery(subscription),
    ).select_related("topic", "page", "author", "last_post__author")


def topic_list(*, user) -> QuerySet[Topic]:
    return (
        access.topics_visible_to(user)
        .annotate(thread_total=Count("threads"))
        .prefetch_related("restricted_groups")
    )


def thread_list(*, user, topic: Topic | None = None, page=None) -> QuerySet[Thread]:
    threads = access.threads_visible_to(user)
    if topic is not None:
        threads = threads.filter(topic=topic)
    if page is not None:
        threads = threads.filter(page=page)
    return _with_reading(threads, user).order_by("-pinned", "-last_activity_at")


def active_threads(*, user, limit: int = 5) -> list[Thread]:
    return list(
        _with_reading(access.threads_visible_to(user), user).order_by("-last_activity_at")[:limit]
    )


def read_state(*, user, thread: Thread) -> int:
    state = ReadState.objects.filter(user=user, thread=thread).first()
    return state.last_read_number if state else 0


def thread_page(*, thread: Thread, page_number) -> tuple:
    """One page of posts with authors and quoted posts, in a fixed number of queries."""
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author", "reply_to__author", "hidden_by")
        .order_by("number")
    )
    paginator = Paginator(posts, posts_per_page())
    # The thread's post_count saves the paginator's COUNT query.
    paginator.count = thread.post_count
    return paginator, paginator.get_page(page_number)


def page_of_post(number: int) -> int:
    return (max(number, 1) - 1) // posts_per_page() + 1


def subscription_level(*, user, thread: Thread | None = None, topic: Topic | None = None) -> str:
    target = {"thread": thread} if thread else {"topic": topic}
    sub = Subscription.objects.filter(user=user, **target).first()
    return sub.level if sub else ""


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("actor", "post__thread")


def unread_notification_count(*, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    cached = getattr(user, "_discussion_unread_notifications", None)
    if cached is None:
        cached = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        user._discussion_unread_notifications = cached
    return cached


def mention_candidates(*, user, query: str, thread: Thread | None = None, limit: int = 8):
    """Members to suggest after "@": those who could read the thread, matched by name or handle."""
    from django.contrib.auth import get_user_model

    query = query.strip().lstrip("@")
    if not query or not user_keys(user):
        return []
    people = get_user_model().objects.filter(is_active=True).exclude(pk=user.pk)
    people = people.filter(
        Q(email__istartswith=query)
        | Q(first_name__istartswith=query)
        | Q(last_name__istartswith=query)
    )
    if thread is not None and thread.topic_id:
        groups = thread.topic.group_names()
        if groups:
            people = people.filter(
                Q(groups__name__in=groups) | Q(groups__name="secretariat") | Q(is_superuser=True)
            ).distinct()
    return list(people.order_by("first_name", "last_name")[:limit])


def dashboard_panel(*, user) -> dict | None:
    """Active threads and unread counts for the member's home page."""
    threads = active_threads(user=user, limit=5)
    unread = unread_notification_count(user=user)
    if not threads and not unread:
        return None
    return {
        "template": "discussions/dashboard_panel.html",
        "threads": threads,
        "unread_notifications": unread,
    }


def moderation_queue() -> QuerySet[Post]:
    """Posts with open flags, oldest flag first, for the secretariat's review queue."""
    from .models import Flag

    return (
        Post.objects.filter(flags__resolved_at__isnull=True)
        .annotate(open_flags=Count("flags", filter=Q(flags__resolved_at__isnull=True)))
        .select_related("author", "thread", "hidden_by")
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=Flag.objects.filter(resolved_at__isnull=True).select_related("reporter"),
                to_attr="open_flag_list",
            )
        )
        .order_by("flags__created_at")
        .distinct()
    )


# --- For the search pipeline -------------------------------------------------------------


def thread_access_keys(thread: Thread) -> frozenset[str]:
    """The audiences of a thread, as ``core.access`` keys, for search documents."""
    if thread.topic_id:
        return thread.topic.access_keys()
    specific = thread.page.specific
    if hasattr(specific, "access_keys"):
        if not thread.page.live:
            return frozenset({SECRETARIAT})
        return frozenset(specific.access_keys())
    if not thread.page.live:
        return frozenset({SECRETARIAT})
    return frozenset({MEMBERS, SECRETARIAT})


def threads_for_index() -> QuerySet[Thread]:
    """Every thread with what a search document needs; pair with ``thread_access_keys``."""
    return Thread.objects.select_related("topic", "page", "author", "last_post").prefetch_related(
        "topic__restricted_groups"
    )


def posts_for_index() -> QuerySet[Post]:
    """Posts whose text may be indexed: not deleted, not hidden by a moderator."""
    return (
        Post.objects.public()
        .select_related("thread__topic", "thread__page", "author")
        .prefetch_related("thread__topic__restricted_groups")
    )


def post_search_document(post: Post) -> dict:
    """A plain description of a post for the search helper's document builder."""
    import re

    from django.utils.html import strip_tags

    text = re.sub(r"\s+", " ", strip_tags(post.html)).strip()
    return {
        "id": f"post-{post.pk}",
        "kind": "post",
        "title": post.thread.title,
        "body": text,
        "url": post.get_absolute_url(),
        "author": post.author.display_name if post.author else "",
        "date": post.created_at,
        "thread_id": post.thread_id,
        "access": sorted(thread_access_keys(post.thread)),
    }
