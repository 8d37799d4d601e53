"""Flags, the secretariat's review queue, hiding, locking, suspensions; every action logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from discussions import access, services
from discussions.models import Flag, ModerationAction, PostingSuspension


@pytest.fixture
def reply(thread, member):
    return services.post_create(author=member, thread=thread, body="Buy cheap visas here")


@pytest.mark.django_db
def test_member_flags_a_post_with_a_reason(client, reply, expert):
    client.force_login(expert)
    url = reverse("discussions:post_flag", kwargs={"pk": reply.pk})
    response = client.post(url, {"reason": "other", "details": ""})
    assert response.status_code == 400
    assert "Say what is wrong" in response.content.decode()
    response = client.post(url, {"reason": "spam"})
    assert response.status_code == 302
    assert Flag.objects.get(post=reply, reporter=expert).reason == "spam"
    # Flagging again updates the same flag.
    client.post(url, {"reason": "abuse"})
    assert Flag.objects.filter(post=reply).count() == 1


@pytest.mark.django_db
def test_review_queue_is_for_the_secretariat(client, reply, expert, secretariat, member):
    services.flag_create(reporter=expert, post=reply, reason="spam")
    url = reverse("discussions_moderation")
    client.force_login(member)
    assert client.get(url).status_code == 403  # no Wagtail admin for members
    client.force_login(secretariat)
    html = client.get(url).content.decode()
    assert "Buy cheap visas here" in html and "Spam or advertising" in html


@pytest.mark.django_db
def test_hide_and_restore_from_the_queue_are_logged(client, reply, expert, secretariat, member):
    services.flag_create(reporter=expert, post=reply, reason="spam")
    client.force_login(secretariat)
    act = reverse("discussions_moderation_act", kwargs={"pk": reply.pk})
    assert client.post(act, {"action": "hide", "reason": "advertising"}).status_code == 302
    reply.refresh_from_db()
    assert reply.is_hidden
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    # Hidden text: a marker for members, the text for its author and the secretariat.
    client.force_login(expert)
    html = client.get(reply.thread.get_absolute_url()).content.decode()
    assert "hidden by the secretariat" in html and "cheap visas" not in html
    client.force_login(member)
    assert "cheap visas" in client.get(reply.thread.get_absolute_url()).content.decode()
    client.force_login(secretariat)
    client.post(act, {"action": "restore"})
    reply.refresh_from_db()
    assert not reply.is_hidden
    log = list(ModerationAction.objects.values_list("action", "reason", "actor", "member"))
    assert log == [
        ("restore", "", secretariat.pk, member.pk),
        ("hide", "advertising", secretariat.pk, member.pk),
    ]
    log_html = client.get(reverse("discussions_moderation_log")).content.decode()
    assert "Hid a post" in log_html and "advertising" in log_html


@pytest.mark.django_db
def test_hidden_posts_leave_search_feed(reply, secretariat):
    from discussions.selectors import posts_for_index

    assert reply in posts_for_index()
    outbox = _search_outbox(reply)
    services.post_hide(moderator=secretariat, post=reply)
    assert reply not in posts_for_index()
    # The search pipeline is told, so the hidden text leaves the index too.
    assert _search_outbox(reply) > outbox


def _search_outbox(post) -> int:
    from django.apps import apps

    if not apps.is_installed("search"):
        pytest.skip("the search app is not installed")
    from search.models import IndexOutbox

    return IndexOutbox.objects.filter(kind="post", object_id=str(post.pk)).count()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "expert", "official"])
def test_only_the_secretariat_moderates(request, role, reply, thread):
    user = request.getfixturevalue(role)
    calls = [
        lambda: services.post_hide(moderator=user, post=reply),
        lambda: services.post_restore(moderator=user, post=reply),
        lambda: services.thread_set_locked(moderator=user, thread=thread, locked=True),
        lambda: services.thread_set_pinned(moderator=user, thread=thread, pinned=True),
        lambda: services.member_suspend(moderator=user, member=reply.author, reason="x"),
        lambda: services.suspension_lift(moderator=user, member=reply.author),
        lambda: services.flags_dismiss(moderator=user, post=reply),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not ModerationAction.objects.exists()


@pytest.mark.django_db
def test_lock_and_pin_from_the_thread_page(client, thread, secretariat, member):
    client.force_login(member)
    url = reverse("discussions:thread_moderate", kwargs={"pk": thread.pk})
    assert client.post(url, {"action": "lock"}).status_code == 403
    client.force_login(secretariat)
    client.post(url, {"action": "lock"})
    client.post(url, {"action": "pin"})
    thread.refresh_from_db()
    assert thread.locked and thread.pinned
    assert client.post(url, {"action": "explode"}).status_code == 400
    assert set(ModerationAction.objects.values_list("action", flat=True)) == {"lock", "pin"}


@pytest.mark.django_db
def test_suspension_stops_posting_until_it_ends_or_is_lifted(
    client, reply, secretariat, member, thread
):
    client.force_login(secretariat)
    act = reverse("discussions_moderation_act", kwargs={"pk": reply.pk})
    client.post(act, {"action": "suspend", "reason": "Repeated spam", "days": 7})
    suspension = PostingSuspension.objects.get(user=member)
    assert suspension.until > timezone.now() + dt.timedelta(days=6)
    assert access.is_suspended(member)
    with pytest.raises(PermissionDenied):
        services.post_create(author=member, thread=thread, body="more spam")
    client.force_login(member)
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "suspended from posting" in html
    response = client.post(
        reverse("discussions:post_create", kwargs={"pk": thread.pk}), {"body": "x"}
    )
    assert response.status_code == 403
    client.force_login(secretariat)
    client.post(reverse("discussions_moderation_lift", kwargs={"user_id": member.pk}))
    assert not access.is_suspended(member)
    services.post_create(author=member, thread=thread, body="back")
    assert list(ModerationAction.objects.values_list("action", flat=True)) == ["lift", "suspend"]


@pytest.mark.django_db
def test_expired_suspension_no_longer_applies(member, secretariat):
    PostingSuspension.objects.create(
        user=member,
        reason="x",
        created_by=secretariat,
        until=timezone.now() - dt.timedelta(minutes=1),
    )
    assert not access.is_suspended(member)


@pytest.mark.django_db
def test_the_secretariat_cannot_be_suspended_and_a_reason_is_required(secretariat, member):
    other = type(secretariat).objects.create_user("sec2@example.org")
    from django.contrib.auth.models import Group

    other.groups.add(Group.objects.get(name="secretariat"))
    with pytest.raises(ValidationError):
        services.member_suspend(moderator=secretariat, member=other, reason="x")
    with pytest.raises(ValidationError):
        services.member_suspend(moderator=secretariat, member=member, reason="  ")


@pytest.mark.django_db
def test_secretariat_manages_topics_as_snippets(client, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("wagtailsnippets_discussions_topic:add"))
    assert response.status_code == 200
