"""Who may see, write in and moderate discussions; built on ``core.access``.

A topic is open to every member unless restricted to groups. A thread inherits the audience
of what it belongs to: its topic, or the page it is attached to (practice note, event,
consultation). Pages are judged by ``core.access.can_view`` on their specific class when it
exposes ``access_keys()``; a page without that is open to members once live.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from wagtail.models import Page

from core.access import (
    SECRETARIAT,
    can_view,
    can_view_page,
    is_secretariat,
    page_access_keys,
    user_keys,
)
from members import selectors as members_selectors
from members.models import User

from .models import Notification, Post, PostingSuspension, Thread, Topic


def topics_visible_to(user) -> QuerySet[Topic]:
    if not user_keys(user):
        return Topic.objects.none()
    if is_secretariat(user):
        return Topic.objects.all()
    through = Topic.restricted_groups.through
    restricted = through.objects.filter(topic_id=OuterRef("pk"))
    mine = restricted.filter(group__user=user)
    return Topic.objects.filter(~Exists(restricted) | Exists(mine))


def get_topic_or_404(user, slug: str) -> Topic:
    topic = topics_visible_to(user).filter(slug=slug).first()
    if topic is None:
        raise Http404
    return topic


def get_page_or_404(user, page_id: int) -> Page:
    """A page that can carry threads (below the site root), as its specific class."""
    page = Page.objects.filter(pk=page_id, depth__gt=2).first()
    if page is None or not page_visible_to(user, page):
        raise Http404
    return page.specific


def page_visible_to(user, page) -> bool:
    return can_view_page(user, page)


def visible_page_ids(user) -> frozenset[int]:
    """Pages carrying threads that ``user`` may see; kept on the user for the request."""
    cached = getattr(user, "_discussion_page_ids", None)  # per-request memo, not a field
    if cached is not None:
        return cached
    ids = Thread.objects.filter(page__isnull=False).values_list("page_id", flat=True).distinct()
    pages = Page.objects.filter(id__in=list(ids)).specific() if user_keys(user) else []
    cached = frozenset(p.pk for p in pages if page_visible_to(user, p))
    user._discussion_page_ids = cached
    return cached


def threads_visible_to(user) -> QuerySet[Thread]:
    if not user_keys(user):
        return Thread.objects.none()
    return Thread.objects.filter(
        Q(topic__in=topics_visible_to(user)) | Q(page_id__in=visible_page_ids(user))
    )


def can_view_topic(user, topic: Topic) -> bool:
    return bool(user_keys(user)) and (is_secretariat(user) or can_view(user, topic))


def can_view_thread(user, thread: Thread) -> bool:
    if not user_keys(user):
        return False
    if thread.topic is not None:
        return can_view_topic(user, thread.topic)
    return thread.page is not None and page_visible_to(user, thread.page)


def thread_access_keys(thread: Thread) -> frozenset[str]:
    """The audiences of a thread, as ``core.access`` keys (for search documents)."""
    if thread.topic is not None:
        return thread.topic.access_keys()
    if thread.page is None:
        return frozenset({SECRETARIAT})
    return page_access_keys(thread.page)


def can_view_post(user, post: Post) -> bool:
    return can_view_thread(user, post.thread)


def get_thread_or_404(user, pk: int) -> Thread:
    """Threads the member may not see answer 404, like ones that do not exist."""
    thread = Thread.objects.select_related("topic", "page").filter(pk=pk).first()
    if thread is None or not can_view_thread(user, thread):
        raise Http404
    return thread


def get_post_or_404(user, pk: int) -> Post:
    posts = Post.objects.select_related("thread__topic", "thread__page", "author")
    post = posts.filter(pk=pk).first()
    if post is None or not can_view_thread(user, post.thread):
        raise Http404
    return post


def get_notification_or_404(user, pk: int) -> Notification:
    """The member's own notification, while they may still open its thread."""
    notification = (
        Notification.objects.select_related("post__thread__topic", "post__thread__page")
        .filter(pk=pk, recipient_id=user.pk)
        .first()
    )
    if notification is None or not can_view_thread(user, notification.post.thread):
        raise Http404
    return notification


def is_suspended(user) -> bool:
    return PostingSuspension.objects.active().filter(user=user).exists()


def can_moderate(user) -> bool:
    return is_secretariat(user)


def can_post_in(user, thread: Thread) -> bool:
    if not can_view_thread(user, thread):
        return False
    if thread.locked and not can_moderate(user):
        return False
    return not is_suspended(user)


def can_start_thread_in(user, *, topic: Topic | None = None, page=None) -> bool:
    visible = can_view_topic(user, topic) if topic else page_visible_to(user, page)
    return visible and not is_suspended(user)


def can_edit_post(user, post: Post) -> bool:
    return _may_edit(user, post, post.thread) and can_view_thread(user, post.thread)


def _may_edit(user, post: Post, thread: Thread) -> bool:
    mine = post.author_id == user.pk
    return mine and not post.is_deleted and not post.is_hidden and not thread.locked


def can_delete_post(user, post: Post) -> bool:
    """Authors withdraw their own posts, once."""
    return post.author_id == user.pk and not post.is_deleted and can_view_thread(user, post.thread)


def can_flag_post(user, post: Post) -> bool:
    return not post.is_deleted and can_view_thread(user, post.thread)


def can_see_post_text(user, post: Post) -> bool:
    """Hidden posts stay readable to the secretariat and to their author."""
    if post.is_deleted:
        return False
    if post.is_hidden:
        return can_moderate(user) or post.author_id == user.pk
    return True


@dataclass(frozen=True)
class PostRights:
    show_text: bool
    can_edit: bool
    can_reply: bool


def post_rights(
    user, thread: Thread, posts: Iterable[Post], *, can_reply: bool
) -> dict[int, PostRights]:
    """What ``user`` may do with each post on one page of a thread they see, by post id.

    ``can_reply`` is ``can_post_in(user, thread)``, asked once by the caller, not once a post.
    """
    return {
        post.pk: PostRights(
            show_text=can_see_post_text(user, post),
            can_edit=_may_edit(user, post, thread),
            can_reply=can_reply and not post.is_deleted and not post.is_hidden,
        )
        for post in posts
    }


# --- Members as other members see them ---------------------------------------------------


def members_visible_to(viewer) -> QuerySet[User]:
    """Active members whose profile ``viewer`` may see (the members app's one rule)."""
    return members_selectors.members_visible_to(viewer)
