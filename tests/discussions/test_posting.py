"""Posting: counters, quotes, edits with history, deletion markers, limits and their messages."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from discussions import services
from discussions.models import Post, PostRevision, Subscription


@pytest.mark.django_db
def test_replies_update_counters_and_author_follows(thread, member):
    post = services.post_create(author=member, thread=thread, body="A reply")
    thread.refresh_from_db()
    assert (post.number, thread.post_count, thread.reply_count) == (2, 2, 1)
    assert thread.last_post == post and thread.last_activity_at == post.created_at
    assert Subscription.objects.get(user=member, thread=thread).level == "watch"


@pytest.mark.django_db
def test_a_muted_replier_stays_muted(thread, member):
    services.subscription_set(user=member, thread=thread, level="mute")
    services.post_create(author=member, thread=thread, body="A reply")
    assert Subscription.objects.get(user=member, thread=thread).level == "mute"


@pytest.mark.django_db
def test_quote_reply_prefills_form_and_links_the_quoted_post(member_client, thread):
    first = thread.last_post
    url = reverse("discussions:thread", kwargs={"pk": thread.pk})
    html = member_client.get(f"{url}?quote={first.pk}").content.decode()
    assert "&gt; Hello all" in html and f'value="{first.pk}"' in html
    response = member_client.post(
        reverse("discussions:post_create", kwargs={"pk": thread.pk}),
        {"body": "> Hello all\n\nAgreed.", "reply_to": first.pk},
    )
    assert response.status_code == 302
    reply = Post.objects.get(thread=thread, number=2)
    assert reply.reply_to == first and "<blockquote>" in reply.html


@pytest.mark.django_db
def test_edit_keeps_visible_history(client, thread, expert):
    post = thread.last_post
    services.post_edit(editor=expert, post=post, body="Hello all, corrected")
    services.post_edit(editor=expert, post=post, body="Hello all, corrected twice")
    assert list(PostRevision.objects.filter(post=post).values_list("source", flat=True)) == [
        "Hello all, corrected",
        "Hello all",
    ]
    client.force_login(expert)
    html = client.get(reverse("discussions:post_history", kwargs={"pk": post.pk})).content
    assert b"corrected twice" in html and b"Hello all, corrected" in html
    thread_html = client.get(thread.get_absolute_url()).content.decode()
    assert "edited" in thread_html


@pytest.mark.django_db
def test_only_the_author_edits_or_deletes(thread, member):
    with pytest.raises(PermissionDenied):
        services.post_edit(editor=member, post=thread.last_post, body="mine now")
    with pytest.raises(PermissionDenied):
        services.post_delete(user=member, post=thread.last_post)


@pytest.mark.django_db
def test_deletion_leaves_a_marker_and_removes_text_and_history(client, thread, expert):
    post = thread.last_post
    services.post_edit(editor=expert, post=post, body="Secret details")
    client.force_login(expert)
    response = client.post(reverse("discussions:post_delete", kwargs={"pk": post.pk}))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_deleted and post.source == "" and not post.revisions.exists()
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "deleted by its author" in html and "Secret details" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [("", "the message is empty"), ("   \n  ", "the message is empty"), ("x" * 20_001, "too long")],
    ids=["empty", "blank", "too-long"],
)
def test_empty_and_overlong_posts_are_refused_with_a_clear_message(
    member_client, thread, body, message
):
    response = member_client.post(
        reverse("discussions:post_create", kwargs={"pk": thread.pk}), {"body": body}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    # The error is written above the box and linked to it (components/field.html).
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_body-hint id_body-error"' in html
    assert '<p class="mp-field__error" id="id_body-error">' in html
    thread.refresh_from_db()
    assert thread.post_count == 1


@pytest.mark.django_db
def test_new_thread_without_title_is_refused(member_client, topic):
    url = reverse("discussions:thread_create", kwargs={"slug": topic.slug})
    response = member_client.post(url, {"title": "", "body": "Text"})
    assert response.status_code == 400
    assert "Give the thread a title" in response.content.decode()


@pytest.mark.django_db
def test_rate_limit_per_member(settings, monkeypatch, member_client, member, thread, other_member):
    settings.DISCUSSIONS_POSTS_PER_MINUTE = 3
    # One window for the whole test: a slow run must not cross into the next minute.
    monkeypatch.setattr(services, "_rate_key", lambda user: f"discussions:posts:{user.pk}:test")
    url = reverse("discussions:post_create", kwargs={"pk": thread.pk})
    for i in range(3):
        assert member_client.post(url, {"body": f"post {i}"}).status_code == 302
    response = member_client.post(url, {"body": "one too many"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "posting too quickly" in html and "one too many" in html  # the text is kept
    # Another member is not affected.
    services.post_create(author=other_member, thread=thread, body="fine")


@pytest.mark.django_db
def test_secretariat_is_not_rate_limited(settings, secretariat, thread):
    settings.DISCUSSIONS_POSTS_PER_MINUTE = 1
    for i in range(3):
        services.post_create(author=secretariat, thread=thread, body=f"notice {i}")


@pytest.mark.django_db
def test_locked_thread_refuses_replies_except_from_the_secretariat(
    thread, member, secretariat, member_client
):
    services.thread_set_locked(moderator=secretariat, thread=thread, locked=True)
    with pytest.raises(PermissionDenied):
        services.post_create(author=member, thread=thread, body="late")
    response = member_client.post(
        reverse("discussions:post_create", kwargs={"pk": thread.pk}), {"body": "late"}
    )
    assert response.status_code == 403
    assert "locked" in member_client.get(thread.get_absolute_url()).content.decode()
    services.post_create(author=secretariat, thread=thread, body="Closing note")


@pytest.mark.django_db
def test_thread_must_belong_to_topic_or_page(expert):
    with pytest.raises(ValueError, match="exactly one"):
        services.thread_create(author=expert, title="x", body="y")


@pytest.mark.django_db
def test_validation_errors_are_validation_errors(thread, member):
    with pytest.raises(ValidationError):
        services.post_create(author=member, thread=thread, body="")
