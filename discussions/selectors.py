"""Reads for discussions: lists with unread counts, thread pages, notifications, search feed.

Every list starts from ``discussions.access`` so a member only ever reads what they may see.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
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

from core.access import user_keys
from members.models import User
from members.selectors import people_related

from . import access
from .models import (
    Flag,
    ModerationAction,
    Notification,
    Post,
    PostingSuspension,
    PostRevision,
    ReadState,
    Subscription,
    Thread,
    Topic,
)


def posts_per_page() -> int:
    return settings.DISCUSSIONS_POSTS_PER_PAGE


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


def first_unread_number(*, user, thread: Thread) -> int:
    """The post a member returning to ``thread`` should see first (the last one if all read)."""
    return min(read_state(user=user, thread=thread) + 1, max(thread.post_count, 1))


def post_revisions(*, post: Post) -> QuerySet[PostRevision]:
    return post.revisions.all()


def thread_page(*, thread: Thread, page_number: int | None) -> tuple[Paginator, PaginatorPage]:
    """One page of posts with authors and quoted posts, in a fixed number of queries.

    ``page_number`` None is the last page; past the end is the last page too.
    """
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author", *people_related("author"), "reply_to__author", "hidden_by")
        .order_by("number")
    )
    paginator = Paginator(posts, posts_per_page())
    # The thread's post_count saves the paginator's COUNT query.
    paginator.count = thread.post_count
    number = paginator.num_pages if page_number is None else page_number
    return paginator, paginator.get_page(number)


@dataclass(frozen=True)
class PostOnPage:
    """A post as ``user`` sees it on a page of its thread."""

    post: Post
    is_new: bool
    show_text: bool
    can_edit: bool
    can_reply: bool


@dataclass(frozen=True)
class ThreadPage:
    paginator: Paginator
    page_obj: PaginatorPage
    posts: list[PostOnPage]
    can_reply: bool


def thread_page_for(*, user, thread: Thread, page_number: int | None, last_read: int) -> ThreadPage:
    """One page of ``thread`` as ``user`` sees it: what is new, what they may do with each post."""
    paginator, page_obj = thread_page(thread=thread, page_number=page_number)
    posts = list(page_obj.object_list)
    can_reply = access.can_post_in(user, thread)
    rights = access.post_rights(user, thread, posts, can_reply=can_reply)
    items = [
        PostOnPage(
            post=post,
            is_new=post.number > last_read,
            show_text=rights[post.pk].show_text,
            can_edit=rights[post.pk].can_edit,
            can_reply=rights[post.pk].can_reply,
        )
        for post in posts
    ]
    return ThreadPage(paginator=paginator, page_obj=page_obj, posts=items, can_reply=can_reply)


def quotable_post(*, user, thread: Thread, pk: int | None) -> Post | None:
    """The post of ``thread`` a reply quotes, if ``user`` may read its text."""
    if pk is None:
        return None
    quoted = Post.objects.select_related("author").filter(pk=pk, thread=thread).first()
    if quoted is None or not access.can_see_post_text(user, quoted):
        return None
    return quoted


def reply_target(*, thread: Thread, pk: int | None) -> Post | None:
    if pk is None:
        return None
    return Post.objects.filter(pk=pk, thread=thread).first()


def page_of_post(number: int) -> int:
    return (max(number, 1) - 1) // posts_per_page() + 1


def subscription_level(*, user, thread: Thread | None = None, topic: Topic | None = None) -> str:
    subs = Subscription.objects.filter(user=user)
    sub = (subs.filter(thread=thread) if thread else subs.filter(topic=topic)).first()
    return sub.level if sub else ""


def notifications_for(*, user) -> QuerySet[Notification]:
    """The member's notifications about threads they may open now.

    A thread that has since moved out of their reach (into a restricted topic, or onto a page
    made restricted) takes its notifications with it: its title is not shown, it is not counted
    as unread, and opening one answers 404 like the thread itself.
    """
    return Notification.objects.filter(
        recipient_id=user.pk, post__thread__in=access.threads_visible_to(user)
    ).select_related("actor", "post__thread")


def unread_notification_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    cached = getattr(user, "_discussion_unread_notifications", None)  # per-request memo
    if cached is None:
        unread = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)
        # Most pages are seen with nothing unread: one cheap query, the audience only if needed.
        cached = 0
        if unread.exists():
            cached = notifications_for(user=user).filter(read_at__isnull=True).count()
        user._discussion_unread_notifications = cached
    return cached


def mention_candidates(
    *, user, query: str, thread: Thread | None = None, limit: int = 8
) -> list[User]:
    """Members to suggest after "@": whose profile ``user`` may see, who could read the thread,
    matched by name or handle."""
    query = query.strip().lstrip("@")
    if not query or not user_keys(user):
        return []
    people = (
        access.members_visible_to(user)
        .exclude(pk=user.pk)
        .filter(
            Q(email__istartswith=query)
            | Q(first_name__istartswith=query)
            | Q(last_name__istartswith=query)
        )
        .order_by("first_name", "last_name", "pk")
    )
    if thread is None:
        return list(people[:limit])
    # Readers of the thread are asked of the access layer, among a bounded window of matches.
    readers = [p for p in people[: limit * 5] if access.can_view_thread(p, thread)]
    return readers[:limit]


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


def active_suspensions() -> QuerySet[PostingSuspension]:
    return PostingSuspension.objects.active().select_related("user", "created_by")


def moderation_log() -> QuerySet[ModerationAction]:
    return ModerationAction.objects.select_related("actor", "member", "thread", "post")


def post_for_moderation(*, pk: int) -> Post | None:
    return Post.objects.select_related("thread", "author").filter(pk=pk).first()


def member_for_moderation(*, pk: int) -> User | None:
    return User.objects.filter(pk=pk).first()


# --- For the search pipeline -------------------------------------------------------------


def thread_access_keys(thread: Thread) -> frozenset[str]:
    """The audiences of a thread, as ``core.access`` keys, for search documents."""
    return access.thread_access_keys(thread)


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
