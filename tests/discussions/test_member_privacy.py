"""@-mentions respect profile visibility; notifications follow the thread's audience now."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from discussions import services, tasks
from discussions.models import Notification
from members.models import Profile
from tests.discussions.conftest import start_thread


def handle(user) -> str:
    return user.email.split("@")[0]


@pytest.fixture
def hidden(db):
    """A member whose profile only the secretariat may see."""
    from core.roles import Role
    from tests.factories.members import make_member

    user = make_member(Role.OBSERVER, first_name="Zinaida", last_name="Hidden")
    Profile.objects.create(user=user, visibility="secretariat")
    return user


# --- mentions ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_hidden_profile_is_never_suggested_to_an_expert(
    client, expert, secretariat, hidden, thread
):
    client.force_login(expert)
    url = reverse("discussions:mention_suggestions")
    for data in ({"q": "Zinaida"}, {"q": handle(hidden)}, {"q": "Zin", "thread": thread.pk}):
        assert client.get(url, data).json()["results"] == [], data
    # The secretariat may see the profile, and is offered it.
    client.force_login(secretariat)
    names = [r["name"] for r in client.get(url, {"q": "Zinaida"}).json()["results"]]
    assert names == [hidden.display_name]


@pytest.mark.django_db
def test_a_mention_of_a_hidden_profile_notifies_nobody_and_stays_plain_text(
    client, topic, expert, hidden, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = start_thread(expert, topic=topic, body=f"Ask @{handle(hidden)} about it")
    post = thread.last_post
    assert not Notification.objects.filter(recipient=hidden).exists()
    assert list(post.mentioned.all()) == []
    assert mail.outbox == []
    assert 'class="mention"' not in post.html and f"@{handle(hidden)}" in post.html
    assert f'data-member="{hidden.pk}"' not in post.html
    # Editing the post to mention them again changes nothing either.
    services.post_edit(editor=expert, post=post, body=f"Really, @{handle(hidden)}?")
    post.refresh_from_db()
    assert not Notification.objects.filter(recipient=hidden).exists()
    assert 'class="mention"' not in post.html


@pytest.mark.django_db
def test_a_profile_the_author_may_see_is_mentioned(topic, official, hidden):
    Profile.objects.filter(user=hidden).update(visibility="governments")
    thread = start_thread(official, topic=topic, body=f"Ask @{handle(hidden)}")
    assert Notification.objects.filter(recipient=hidden, kind="mention").exists()
    assert 'class="mention"' in thread.last_post.html


# --- notifications about a thread that moved out of reach ----------------------------------


@pytest.fixture
def moved(topic, government_topic, official, member):
    """``member`` was notified of a reply; then the thread moved to a governments-only topic."""
    thread = start_thread(member, topic=topic, title="Seasonal work schemes")
    services.post_create(author=official, thread=thread, body="A reply")
    assert Notification.objects.filter(recipient=member).count() == 1
    thread.topic = government_topic
    thread.save(update_fields=["topic"])
    return thread


@pytest.mark.django_db
def test_a_notification_about_a_thread_moved_out_of_reach_disappears(client, member, moved):
    """The member cannot open the thread any more, so the notification goes with it: no title,
    no unread badge that clicking could never clear, and its link answers 404 like the thread."""
    notification = Notification.objects.get(recipient=member)
    client.force_login(member)
    page = client.get(reverse("discussions:notifications")).content.decode()
    assert "Seasonal work schemes" not in page
    assert reverse("discussions:notification_open", args=[notification.pk]) not in page
    index = client.get(reverse("discussions:index")).content.decode()
    assert "unread notification" not in index
    opened = client.get(reverse("discussions:notification_open", args=[notification.pk]))
    assert opened.status_code == 404


@pytest.mark.django_db
def test_notifications_still_show_to_members_who_may_open_the_thread(
    client, member, official, moved
):
    moved.topic.restricted_groups.add(*member.groups.all())
    client.force_login(member)
    page = client.get(reverse("discussions:notifications")).content.decode()
    assert "Seasonal work schemes" in page


@pytest.mark.django_db
def test_no_email_about_a_thread_moved_out_of_reach(member, moved, monkeypatch):
    monkeypatch.setattr(services, "notification_frequency", lambda user: "immediately")
    tasks.send_post_notifications(moved.last_post.pk)
    assert mail.outbox == []
    monkeypatch.setattr(services, "notification_frequency", lambda user: "daily")
    tasks.send_digests("daily")
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_the_notification_list_costs_the_same_for_many(
    client, topic, standard_page, official, member, count, django_assert_max_num_queries
):
    from django.core.cache import cache

    for i in range(count):
        target = {"topic": topic} if i % 2 else {"page": standard_page}
        start_thread(official, title=f"T{i}", body=f"@{handle(member)} {i}", **target)
        cache.clear()  # the rate limit is not what this test is about
    client.force_login(member)
    url = reverse("discussions:notifications")
    client.get(url)
    with django_assert_max_num_queries(10):
        page = client.get(url).content.decode()
    assert "T1" in page and "T0" in page
