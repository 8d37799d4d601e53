"""Every change to discussions: validation, permissions, counters, notifications, moderation.

Views and tasks call these keyword-only functions and nothing else writes. Side effects that
leave the database (e-mail) are queued with ``transaction.on_commit``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.versions import interface_language
from members import selectors as members_selectors

from . import access
from .models import (
    Digest,
    EmailOptOut,
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
from .rendering import mentioned_handles, render, resolve_handles


class RateLimited(ValidationError):
    """Too many posts in a short time; the view answers 429 with the form kept."""


def _clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError(_("Write something before posting: the message is empty."))
    limit = settings.DISCUSSIONS_POST_MAX_LENGTH
    if len(body) > limit:
        raise ValidationError(
            ngettext(
                "The message is too long: %(length)d character; at most %(limit)d are allowed.",
                "The message is too long: %(length)d characters; at most %(limit)d are allowed.",
                len(body),
            )
            % {"length": len(body), "limit": limit}
        )
    return body


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(_("Give the thread a title."))
    if len(title) > 200:
        raise ValidationError(_("The title is too long: at most 200 characters."))
    return title


def _rate_key(user) -> str:
    window = int(timezone.now().timestamp() // 60)
    return f"discussions:posts:{user.pk}:{window}"


def _check_rate(user) -> None:
    if access.can_moderate(user):
        return
    if (cache.get(_rate_key(user)) or 0) >= settings.DISCUSSIONS_POSTS_PER_MINUTE:
        raise RateLimited(
            _("You are posting too quickly. Wait a minute, then post again; your text is kept.")
        )


def _count_post(user) -> None:
    key = _rate_key(user)
    if cache.add(key, 1, timeout=90):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=90)


def _require_can_post(user) -> None:
    if access.is_suspended(user):
        raise PermissionDenied(_("You are suspended from posting."))


# --- Threads and posts -------------------------------------------------------------------


def thread_create(
    *,
    author,
    title: str,
    body: str,
    topic: Topic | None = None,
    page=None,
    language: str | None = None,
) -> Thread:
    """``language`` is the one the thread is written in, by default the author's interface
    language (when it is a content language; else the default language)."""
    if (topic is None) == (page is None):
        raise ValueError("a thread belongs to exactly one topic or page")
    title = _clean_title(title)
    body = _clean_body(body)
    if not access.can_start_thread_in(author, topic=topic, page=page):
        _require_can_post(author)
        raise PermissionDenied
    _check_rate(author)
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(
            topic=topic,
            page=page,
            title=title,
            language=_thread_language(language),
            author=author,
            created_at=now,
            last_activity_at=now,
        )
        post = _add_post(author=author, thread=thread, body=body, now=now)
    _count_post(author)
    return post.thread


def _thread_language(language: str | None) -> str:
    codes = {code for code, _name in settings.CONTENT_LANGUAGES}
    if language in codes:
        return language
    active = interface_language()
    return active if active in codes else settings.LANGUAGE_CODE


def post_create(
    *,
    author,
    thread: Thread,
    body: str,
    reply_to: Post | None = None,
    language: str = "",
) -> Post:
    """``language``: the post's, when it is not the thread's (empty: the thread's)."""
    body = _clean_body(body)
    _require_can_post(author)
    if not access.can_post_in(author, thread):
        raise PermissionDenied(_("This thread is locked."))
    _check_rate(author)
    with transaction.atomic():
        locked = Thread.objects.select_for_update(of=("self",)).select_related("topic", "page")
        thread = locked.get(pk=thread.pk)
        if reply_to is not None and reply_to.thread_id != thread.pk:
            reply_to = None
        codes = {code for code, _name in settings.CONTENT_LANGUAGES}
        own = language if language in codes and language != thread.language else ""
        post = _add_post(author=author, thread=thread, body=body, reply_to=reply_to, language=own)
    _count_post(author)
    return post


def _mentions(author, body: str) -> dict:
    """The members ``body`` mentions whose profile ``author`` may see, by handle.

    A member hidden from the author is not found: the handle stays plain text and nobody is
    notified, so a mention cannot reveal that a hidden profile exists.
    """
    found = resolve_handles(mentioned_handles(body))
    visible = set(
        access.members_visible_to(author)
        .filter(pk__in=[user.pk for user in found.values()])
        .values_list("pk", flat=True)
    )
    return {handle: user for handle, user in found.items() if user.pk in visible}


def _add_post(
    *, author, thread: Thread, body: str, reply_to=None, now=None, language: str = ""
) -> Post:
    now = now or timezone.now()
    members = _mentions(author, body)
    number = thread.post_count + 1
    post = Post.objects.create(
        thread=thread,
        number=number,
        language=language,
        author=author,
        reply_to=reply_to,
        source=body,
        html=render(body, members=members),
        created_at=now,
    )
    mentioned = [
        u for u in members.values() if u.pk != author.pk and access.can_view_thread(u, thread)
    ]
    post.mentioned.set(mentioned)
    Thread.objects.filter(pk=thread.pk).update(
        post_count=number, reply_count=number - 1, last_activity_at=now, last_post=post
    )
    thread.post_count, thread.reply_count, thread.last_activity_at = number, number - 1, now
    thread.last_post = post
    # Authors and repliers follow the thread, unless they muted it.
    Subscription.objects.get_or_create(
        user=author, thread=thread, defaults={"level": Subscription.Level.WATCH}
    )
    thread_mark_read(user=author, thread=thread, number=number)
    _notify(post=post, mentioned=mentioned)
    return post


def _notify(*, post: Post, mentioned: list) -> list[Notification]:
    thread = post.thread
    muted = set(
        Subscription.objects.filter(thread=thread, level=Subscription.Level.MUTE).values_list(
            "user_id", flat=True
        )
    )
    kinds: dict[int, str] = {}
    reply_kind = Notification.Kind.NEW_THREAD if post.number == 1 else Notification.Kind.REPLY
    if thread.topic_id:
        for uid in Subscription.objects.filter(
            topic_id=thread.topic_id, level=Subscription.Level.WATCH
        ).values_list("user_id", flat=True):
            kinds[uid] = reply_kind
    for uid in Subscription.objects.filter(
        thread=thread, level=Subscription.Level.WATCH
    ).values_list("user_id", flat=True):
        kinds[uid] = reply_kind
    for user in mentioned:
        kinds[user.pk] = Notification.Kind.MENTION
    if post.author_id is not None:
        kinds.pop(post.author_id, None)
    for uid in muted:
        kinds.pop(uid, None)
    if not kinds:
        return []
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=kinds, is_active=True)
    notifications = [
        Notification(recipient=u, kind=kinds[u.pk], post=post, actor_id=post.author_id)
        for u in users
        if access.can_view_thread(u, thread)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    if notifications:
        from .tasks import send_post_notifications

        post_id = post.pk
        transaction.on_commit(lambda: send_post_notifications.delay(post_id))
    return notifications


def post_edit(*, editor, post: Post, body: str) -> Post:
    body = _clean_body(body)
    if not access.can_edit_post(editor, post):
        raise PermissionDenied
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
        if body == post.source:
            return post
        PostRevision.objects.create(
            post=post,
            source=post.source,
            html=post.html,
            created_at=post.edited_at or post.created_at,
        )
        before = set(post.mentioned.values_list("pk", flat=True))
        members = _mentions(editor, body)
        post.source = body
        post.html = render(body, members=members)
        post.edited_at = timezone.now()
        post.save(update_fields=["source", "html", "edited_at"])
        mentioned = [
            u
            for u in members.values()
            if u.pk != editor.pk and access.can_view_thread(u, post.thread)
        ]
        post.mentioned.set(mentioned)
        new = [u for u in mentioned if u.pk not in before]
        if new:
            _notify_mentions_only(post=post, users=new)
    return post


def _notify_mentions_only(*, post: Post, users: list) -> None:
    muted = set(
        Subscription.objects.filter(
            thread=post.thread, level=Subscription.Level.MUTE, user__in=users
        ).values_list("user_id", flat=True)
    )
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=u, kind=Notification.Kind.MENTION, post=post, actor_id=post.author_id
            )
            for u in users
            if u.pk not in muted
        ],
        ignore_conflicts=True,
    )
    from .tasks import send_post_notifications

    post_id = post.pk
    transaction.on_commit(lambda: send_post_notifications.delay(post_id))


def post_delete(*, user, post: Post) -> Post:
    """The author withdraws a post: its text goes, a marker stays so replies keep their place."""
    if post.author_id != user.pk or post.is_deleted:
        raise PermissionDenied
    with transaction.atomic():
        post.revisions.all().delete()
        post.notifications.all().delete()
        post.mentioned.clear()
        post.source = ""
        post.html = ""
        post.deleted_at = timezone.now()
        post.save(update_fields=["source", "html", "deleted_at"])
    return post


# --- Reading state -----------------------------------------------------------------------


def thread_mark_read(*, user, thread: Thread, number: int) -> None:
    """Remember the furthest post ``user`` has seen; never moves backwards."""
    state, created = ReadState.objects.get_or_create(
        user=user, thread=thread, defaults={"last_read_number": number}
    )
    if not created and number > state.last_read_number:
        ReadState.objects.filter(pk=state.pk, last_read_number__lt=number).update(
            last_read_number=number, updated_at=timezone.now()
        )
    Notification.objects.filter(
        recipient=user, read_at__isnull=True, post__thread=thread, post__number__lte=number
    ).update(read_at=timezone.now())


def notification_mark_read(*, user, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- Subscriptions -----------------------------------------------------------------------


def subscription_set(
    *, user, level: str, thread: Thread | None = None, topic: Topic | None = None
) -> Subscription | None:
    """Watch, mute, or (empty level) return to the default for a thread or a topic."""
    if (thread is None) == (topic is None):
        raise ValueError("subscribe to exactly one thread or topic")
    if thread is not None:
        visible = access.can_view_thread(user, thread)
        target = Q(thread=thread)
    else:
        visible = topic is not None and access.can_view_topic(user, topic)
        target = Q(topic=topic)
    if not visible:
        raise PermissionDenied
    if not level:
        Subscription.objects.filter(target, user=user).delete()
        return None
    if level not in Subscription.Level.values:
        raise ValidationError(_("Unknown subscription level."))
    subscription, _created = Subscription.objects.update_or_create(
        user=user, thread=thread, topic=topic, defaults={"level": level}
    )
    return subscription


def unsubscribe_by_token(*, user_id: int, thread_id: int | None) -> str:
    """One-click unsubscribe from an e-mail: mute one thread, or stop discussion e-mail."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return "gone"
    if thread_id:
        thread = Thread.objects.filter(pk=thread_id).first()
        if thread is None:
            return "gone"
        Subscription.objects.update_or_create(
            user=user, thread=thread, defaults={"level": Subscription.Level.MUTE}
        )
        return "thread"
    EmailOptOut.objects.get_or_create(user=user)
    return "all"


# --- E-mail ------------------------------------------------------------------------------


def notification_frequency(user) -> str:
    """The member's e-mail preference, a ``members.models.NotificationFrequency`` value."""
    return members_selectors.notification_frequency(user)


def _wants_email(user, frequency: str) -> bool:
    if not user.is_active or not user.email:
        return False
    if EmailOptOut.objects.filter(user=user).exists():
        return False
    return notification_frequency(user) == frequency


def post_notifications_email(*, post_id: int) -> int:
    """E-mail the "immediately" recipients of one post's notifications; safe to repeat."""
    from .emails import send_notification_email

    sent = 0
    pending = Notification.objects.filter(
        post_id=post_id, emailed_at__isnull=True, digest__isnull=True
    ).select_related("recipient", "actor", "post__thread")
    for notification in pending:
        if not _wants_email(notification.recipient, "immediately"):
            continue
        if not access.can_view_thread(notification.recipient, notification.post.thread):
            continue
        # Claim before sending, so a repeated task cannot send twice; a failed send rolls the
        # claim back with the transaction, and the retried task sends it then.
        with transaction.atomic():
            claimed = Notification.objects.filter(
                pk=notification.pk, emailed_at__isnull=True
            ).update(emailed_at=timezone.now())
            if not claimed:
                continue
            send_notification_email(notification)
        sent += 1
    return sent


def period_key(period: str, when: dt.datetime | None = None) -> str:
    when = when or timezone.now()
    if period == Digest.Period.WEEKLY:
        year, week, _day = when.isocalendar()
        return f"{year}-W{week:02d}"
    return when.date().isoformat()


def digest_recipients(*, period: str) -> list[int]:
    """Members with unread, un-mailed notifications whose preference is ``period``."""
    from django.contrib.auth import get_user_model

    ids = (
        Notification.objects.filter(
            read_at__isnull=True, emailed_at__isnull=True, digest__isnull=True
        )
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    users = get_user_model().objects.filter(pk__in=list(ids), is_active=True)
    return [u.pk for u in users if _wants_email(u, period)]


def digest_send(*, user, period: str, key: str | None = None) -> Digest | None:
    """Send ``user`` one digest for the period ``key``; a second call sends nothing."""
    from .emails import send_digest_email

    key = key or period_key(period)
    if not _wants_email(user, period):
        return None
    with transaction.atomic():
        try:
            with transaction.atomic():
                digest, _created = Digest.objects.get_or_create(
                    user=user, period=period, period_key=key
                )
        except IntegrityError:
            digest = Digest.objects.get(user=user, period=period, period_key=key)
        digest = Digest.objects.select_for_update().get(pk=digest.pk)
        if digest.sent_at:
            return None
        pending = list(
            Notification.objects.filter(
                recipient=user,
                read_at__isnull=True,
                emailed_at__isnull=True,
                digest__isnull=True,
            )
            .select_related("actor", "post__thread")
            .order_by("post__thread_id", "created_at")
        )
        visible = [n for n in pending if access.can_view_thread(user, n.post.thread)]
        if not visible:
            digest.delete()
            return None
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
            digest=digest, emailed_at=now
        )
        send_digest_email(digest=digest, notifications=visible)
        digest.sent_at = now
        digest.save(update_fields=["sent_at"])
    return digest


# --- Flags and moderation ----------------------------------------------------------------


def flag_create(*, reporter, post: Post, reason: str, details: str = "") -> Flag:
    if not access.can_view_post(reporter, post) or post.is_deleted:
        raise PermissionDenied
    if reason not in Flag.Reason.values:
        raise ValidationError(_("Choose a reason."))
    if reason == Flag.Reason.OTHER and not details.strip():
        raise ValidationError(_("Say what is wrong with this post."))
    flag, _created = Flag.objects.update_or_create(
        post=post,
        reporter=reporter,
        defaults={
            "reason": reason,
            "details": details.strip()[:2000],
            "resolved_at": None,
            "resolved_by": None,
        },
    )
    return flag


def _require_moderator(user) -> None:
    if not access.can_moderate(user):
        raise PermissionDenied


def _log(actor, action: str, *, post=None, thread=None, member=None, reason: str = ""):
    return ModerationAction.objects.create(
        actor=actor,
        action=action,
        post=post,
        thread=thread or (post.thread if post else None),
        member=member or (post.author if post else None),
        reason=reason,
    )


def _resolve_flags(moderator, post: Post) -> None:
    post.flags.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator
    )


@transaction.atomic
def post_hide(*, moderator, post: Post, reason: str = "") -> Post:
    _require_moderator(moderator)
    # save(), not update(): the search index listens for the post's save to drop its text.
    post.hidden_at, post.hidden_by = timezone.now(), moderator
    post.save(update_fields=["hidden_at", "hidden_by"])
    _resolve_flags(moderator, post)
    _log(moderator, ModerationAction.Action.HIDE, post=post, reason=reason)
    return post


@transaction.atomic
def post_restore(*, moderator, post: Post, reason: str = "") -> Post:
    _require_moderator(moderator)
    post.hidden_at, post.hidden_by = None, None
    post.save(update_fields=["hidden_at", "hidden_by"])
    _resolve_flags(moderator, post)
    _log(moderator, ModerationAction.Action.RESTORE, post=post, reason=reason)
    return post


@transaction.atomic
def flags_dismiss(*, moderator, post: Post, reason: str = "") -> None:
    _require_moderator(moderator)
    _resolve_flags(moderator, post)
    _log(moderator, ModerationAction.Action.DISMISS, post=post, reason=reason)


@transaction.atomic
def thread_set_locked(*, moderator, thread: Thread, locked: bool, reason: str = "") -> Thread:
    _require_moderator(moderator)
    Thread.objects.filter(pk=thread.pk).update(locked=locked)
    thread.locked = locked
    action = ModerationAction.Action.LOCK if locked else ModerationAction.Action.UNLOCK
    _log(moderator, action, thread=thread, member=thread.author, reason=reason)
    return thread


@transaction.atomic
def thread_set_pinned(*, moderator, thread: Thread, pinned: bool, reason: str = "") -> Thread:
    _require_moderator(moderator)
    Thread.objects.filter(pk=thread.pk).update(pinned=pinned)
    thread.pinned = pinned
    action = ModerationAction.Action.PIN if pinned else ModerationAction.Action.UNPIN
    _log(moderator, action, thread=thread, member=thread.author, reason=reason)
    return thread


@transaction.atomic
def member_suspend(
    *, moderator, member, reason: str, until: dt.datetime | None = None
) -> PostingSuspension:
    _require_moderator(moderator)
    if not reason.strip():
        raise ValidationError(_("Give a reason for the suspension."))
    if access.can_moderate(member):
        raise ValidationError(_("Secretariat staff cannot be suspended."))
    suspension = PostingSuspension.objects.create(
        user=member, until=until, reason=reason.strip(), created_by=moderator
    )
    _log(moderator, ModerationAction.Action.SUSPEND, member=member, reason=reason)
    return suspension


@transaction.atomic
def suspension_lift(*, moderator, member, reason: str = "") -> int:
    _require_moderator(moderator)
    lifted = PostingSuspension.objects.active().filter(user=member).update(lifted_at=timezone.now())
    _log(moderator, ModerationAction.Action.LIFT, member=member, reason=reason)
    return lifted


def thread_counters_refresh(*, thread: Thread) -> None:
    """Recompute the denormalised counters (repair command, tests)."""
    last = thread.posts.order_by("-number").first()
    count = last.number if last else 0
    Thread.objects.filter(pk=thread.pk).update(
        post_count=count, reply_count=max(count - 1, 0), last_post=last
    )
