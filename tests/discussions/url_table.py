"""Who reaches each discussions URL. Restricted topics and pages are covered in test_access."""

from __future__ import annotations

from tests.url_expectations import Expect


def _world(request) -> dict:
    from core.roles import Role
    from discussions import services
    from discussions.emails import unsubscribe_token
    from discussions.models import Notification, Topic
    from home.models import HomePage, StandardPage
    from tests.factories.members import make_member

    author = make_member(Role.EXPERT)
    reader = make_member(Role.OBSERVER)
    topic = Topic.objects.create(name="Open topic", slug="open-topic")
    page = HomePage.objects.get().add_child(instance=StandardPage(title="Note", slug="note"))
    thread = services.thread_create(
        author=author, title="Thread", body=f"Hello @{reader.email.split('@')[0]}", topic=topic
    )
    post = thread.last_post
    return {
        "topic": topic,
        "page": page,
        "thread": thread,
        "post": post,
        "notification": Notification.objects.get(recipient=reader),
        "token": unsubscribe_token(user_id=reader.pk, thread_id=thread.pk),
    }


def _e(**kwargs) -> Expect:
    return Expect(setup=_world, **kwargs)


_moderator_only = {"member": 403, "secretariat": 302}
EXPECTED = {
    "discussions:index": Expect(),
    "discussions:notifications": Expect(),
    "discussions:notifications_read": Expect(member=302, method="post"),
    # Somebody else's notification: 404 for everyone, even the secretariat.
    "discussions:notification_open": _e(member=404, kwargs=lambda c: {"pk": c["notification"].pk}),
    "discussions:mention_suggestions": Expect(data={"q": "a"}),
    "discussions:unsubscribe": _e(
        anonymous=200,
        member=200,
        anonymous_to_login=False,
        kwargs=lambda c: {"token": c["token"]},
    ),
    "discussions:topic": _e(kwargs=lambda c: {"slug": c["topic"].slug}),
    "discussions:thread_create": _e(kwargs=lambda c: {"slug": c["topic"].slug}),
    "discussions:topic_subscription": _e(
        member=302,
        method="post",
        data={"level": "watch"},
        kwargs=lambda c: {"slug": c["topic"].slug},
    ),
    "discussions:page_threads": _e(kwargs=lambda c: {"page_id": c["page"].pk}),
    "discussions:page_thread_create": _e(kwargs=lambda c: {"page_id": c["page"].pk}),
    "discussions:thread": _e(kwargs=lambda c: {"pk": c["thread"].pk}),
    "discussions:thread_unread": _e(member=302, kwargs=lambda c: {"pk": c["thread"].pk}),
    "discussions:post_create": _e(
        member=302,
        method="post",
        data={"body": "A reply"},
        kwargs=lambda c: {"pk": c["thread"].pk},
    ),
    "discussions:thread_subscription": _e(
        member=302,
        method="post",
        data={"level": "mute"},
        kwargs=lambda c: {"pk": c["thread"].pk},
    ),
    "discussions:thread_moderate": _e(
        method="post",
        data={"action": "lock"},
        kwargs=lambda c: {"pk": c["thread"].pk},
        **_moderator_only,
    ),
    "discussions:post": _e(member=302, kwargs=lambda c: {"pk": c["post"].pk}),
    # Only the author edits or deletes; nobody in this table wrote the post.
    "discussions:post_edit": _e(member=403, kwargs=lambda c: {"pk": c["post"].pk}),
    "discussions:post_delete": _e(member=403, kwargs=lambda c: {"pk": c["post"].pk}),
    "discussions:post_history": _e(kwargs=lambda c: {"pk": c["post"].pk}),
    "discussions:post_flag": _e(kwargs=lambda c: {"pk": c["post"].pk}),
    "discussions:post_moderate": _e(
        method="post",
        data={"action": "hide"},
        kwargs=lambda c: {"pk": c["post"].pk},
        **_moderator_only,
    ),
    # The review queue in the Wagtail admin: the secretariat only.
    # Members without admin access get 403 at once (members.middleware); experts reach the
    # admin but not the queue (302 to the admin's dashboard).
    "discussions_moderation": Expect(member=403, expert=302, secretariat=200),
    "discussions_moderation_log": Expect(member=403, expert=302, secretariat=200),
    "discussions_moderation_act": _e(
        member=403,
        expert=302,
        secretariat=302,
        method="post",
        data={"action": "dismiss"},
        kwargs=lambda c: {"pk": c["post"].pk},
    ),
    "discussions_moderation_lift": _e(
        member=403,
        expert=302,
        secretariat=302,
        method="post",
        kwargs=lambda c: {"user_id": c["post"].author_id},
    ),
}
