"""Who may see, write in and moderate discussions; built on ``core.access``.

A topic is open to every member unless restricted to groups. A thread inherits the audience
of what it belongs to: its topic, or the page it is attached to (practice note, event,
consultation). Pages are judged by ``core.access.can_view`` on their specific class when it
exposes ``access_keys()``; a page without that is open to members once live.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from core.access import can_view, is_secretariat, passes_privacy, user_keys

from .models import Post, PostingSuspension, Thread, Topic


def topics_visible_to(user) -> QuerySet[Topic]:
    if not user_keys(user):
        return Topic.objects.none()
    if is_secretariat(user):
        return Topic.objects.all()
    through = Topic.restricted_groups.through
    restricted = through.objects.filter(topic_id=OuterRef("pk"))
    mine = restricted.filter(group__user=user)
    return Topic.objects.filter(~Exists(restricted) | Exists(mine))


def page_visible_to(user, page) -> bool:
    if not user_keys(user):
        return False
    specific = page.specific
    if hasattr(specific, "access_keys"):
        return can_view(user, specific)
    if not page.live:
        return is_secretariat(user)
    return passes_privacy(user, page)


def visible_page_ids(user) -> frozenset[int]:
    """Pages carrying threads that ``user`` may see; kept on the user for the request."""
    cached = getattr(user, "_discussion_page_ids", None)
    if cached is not None:
        return cached
    from wagtail.models import Page

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
    if thread.topic_id:
        return can_view_topic(user, thread.topic)
    return page_visible_to(user, thread.page)


def can_view_post(user, post: Post) -> bool:
    return can_view_thread(user, post.thread)


def get_thread_or_404(user, pk: int) -> Thread:
    """Threads the member may not see answer 404, like ones that do not exist."""
    thread = Thread.objects.select_related("topic", "page").filter(pk=pk).first()
    if thread is None or not can_view_thread(user, thread):
        raise Http404
    return thread


def get_post_or_404(user, pk: int) -> Post:
    post = Post.objects.select_related("thread__topic", "thread__page", "author").filter(pk=pk)
    post = post.first()
    if post is None or not can_view_thread(user, post.thread):
        raise Http404
    return post


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
    return (
        post.author_id == user.pk
        and not post.is_deleted
        and not post.is_hidden
        and not post.thread.locked
        and can_view_thread(user, post.thread)
    )


def can_see_post_text(user, post: Post) -> bool:
    """Hidden posts stay readable to the secretariat and to their author."""
    if post.is_deleted:
        return False
    if post.is_hidden:
        return can_moderate(user) or post.author_id == user.pk
    return True
