"""A thread inherits its topic's or page's audience, for every role; guessing ids gets 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.access import keys_for_tier
from core.roles import Role
from discussions import access
from discussions.models import Thread
from home.models import StandardPage
from tests.discussions.conftest import start_thread
from tests.factories.members import make_member

ROLES = ["member", "expert", "official", "secretariat"]


def _assert_visibility(request, thread, allowed: set[str]):
    for role in ROLES:
        user = request.getfixturevalue(role)
        user = type(user).objects.get(pk=user.pk)  # fresh: no cached keys
        visible = role in allowed
        assert access.can_view_thread(user, thread) is visible, role
        assert access.threads_visible_to(user).filter(pk=thread.pk).exists() is visible, role


@pytest.mark.django_db
def test_open_topic_is_visible_to_every_role(request, topic, expert):
    thread = start_thread(expert, topic=topic)
    _assert_visibility(request, thread, set(ROLES))


@pytest.mark.django_db
def test_governments_only_topic(request, government_topic, official):
    thread = start_thread(official, topic=government_topic)
    _assert_visibility(request, thread, {"official", "secretariat"})


@pytest.mark.django_db
def test_working_group_topic_admits_its_members_only(
    request, working_group_topic, working_group, expert, secretariat
):
    thread = start_thread(secretariat, topic=working_group_topic)
    _assert_visibility(request, thread, {"secretariat"})
    expert.groups.add(working_group)
    _assert_visibility(request, thread, {"expert", "secretariat"})


@pytest.mark.django_db
def test_thread_on_a_live_page_without_access_keys_is_for_members(request, standard_page, expert):
    thread = start_thread(expert, page=standard_page)
    _assert_visibility(request, thread, set(ROLES))


@pytest.mark.django_db
def test_thread_inherits_a_restricted_pages_access_keys(
    request, monkeypatch, standard_page, official
):
    # Practice notes, events and consultations expose access_keys(); any page that does is
    # judged by core.access.can_view.
    monkeypatch.setattr(
        StandardPage, "access_keys", lambda self: keys_for_tier("governments"), raising=False
    )
    thread = start_thread(official, page=standard_page)
    _assert_visibility(request, thread, {"official", "secretariat"})


@pytest.mark.django_db
def test_thread_on_an_unpublished_page_is_hidden_from_members(request, standard_page, secretariat):
    thread = start_thread(secretariat, page=standard_page)
    standard_page.unpublish()
    _assert_visibility(request, Thread.objects.get(pk=thread.pk), {"secretariat"})


@pytest.mark.django_db
def test_anonymous_and_deactivated_see_nothing(topic, expert):
    from django.contrib.auth.models import AnonymousUser

    thread = start_thread(expert, topic=topic)
    assert not access.can_view_thread(AnonymousUser(), thread)
    assert not access.threads_visible_to(AnonymousUser()).exists()
    gone = make_member(Role.OBSERVER, is_active=False)
    assert not access.threads_visible_to(gone).exists()


@pytest.mark.django_db
def test_every_url_of_a_restricted_thread_is_404_to_outsiders(
    client, government_topic, official, member
):
    thread = start_thread(official, topic=government_topic)
    post = thread.last_post
    client.force_login(member)
    urls = [
        ("get", reverse("discussions:thread", kwargs={"pk": thread.pk})),
        ("get", reverse("discussions:thread_unread", kwargs={"pk": thread.pk})),
        ("post", reverse("discussions:post_create", kwargs={"pk": thread.pk})),
        ("post", reverse("discussions:thread_subscription", kwargs={"pk": thread.pk})),
        ("post", reverse("discussions:thread_moderate", kwargs={"pk": thread.pk})),
        ("get", reverse("discussions:post", kwargs={"pk": post.pk})),
        ("get", reverse("discussions:post_edit", kwargs={"pk": post.pk})),
        ("get", reverse("discussions:post_history", kwargs={"pk": post.pk})),
        ("get", reverse("discussions:post_flag", kwargs={"pk": post.pk})),
        ("get", reverse("discussions:post_delete", kwargs={"pk": post.pk})),
        ("post", reverse("discussions:post_moderate", kwargs={"pk": post.pk})),
        ("get", reverse("discussions:topic", kwargs={"slug": government_topic.slug})),
        ("get", reverse("discussions:thread_create", kwargs={"slug": government_topic.slug})),
        ("get", reverse("discussions:mention_suggestions") + f"?q=a&thread={thread.pk}"),
    ]
    for method, url in urls:
        assert (
            getattr(client, method)(url, {"body": "x"} if method == "post" else None).status_code
            == 404
        ), url
    listing = client.get(reverse("discussions:index")).content.decode()
    assert thread.title not in listing and government_topic.name not in listing


@pytest.mark.django_db
def test_restricted_members_are_not_notified_or_suggested(government_topic, official, member):
    handle = member.email.split("@")[0]
    thread = start_thread(official, topic=government_topic, body=f"Hi @{handle}")
    assert not member.discussion_notifications.exists()
    assert list(thread.last_post.mentioned.all()) == []
    from discussions.selectors import mention_candidates

    assert member not in mention_candidates(user=official, query=handle, thread=thread)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("tier", "allowed"),
    [
        ("members", set(ROLES)),
        ("governments", {"official", "secretariat"}),
        ("secretariat", {"secretariat"}),
    ],
)
def test_thread_on_a_practice_note_follows_its_tier(request, tier, allowed, secretariat):
    knowledge = pytest.importorskip("tests.knowledge.conftest")
    from knowledge.services import library_setup

    note = knowledge.make_note(library_setup(), tier=tier)
    thread = start_thread(secretariat, page=note)
    _assert_visibility(request, thread, allowed)
    from discussions.selectors import thread_access_keys

    assert thread_access_keys(thread) == frozenset(note.access_keys())
