"""Mentions, follow-ups, the notification centre, immediate e-mail, digests and unsubscribing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from discussions import services, tasks
from discussions.emails import unsubscribe_token
from discussions.models import Digest, EmailOptOut, Notification, Subscription
from tests.discussions.conftest import start_thread


def handle(user) -> str:
    return user.email.split("@")[0]


@pytest.fixture
def frequency(monkeypatch):
    """Members' e-mail preference, as members.selectors.notification_frequency would give it."""
    chosen: dict[int, str] = {}
    monkeypatch.setattr(
        services, "notification_frequency", lambda user: chosen.get(user.pk, "immediately")
    )
    return chosen


@pytest.mark.django_db
def test_mention_notifies_in_app_and_by_email_with_one_click_unsubscribe(
    topic, official, expert, frequency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        start_thread(official, topic=topic, body=f"How did it go, @{handle(expert)}?")
    notification = Notification.objects.get(recipient=expert)
    assert notification.kind == "mention" and notification.emailed_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [expert.email]
    assert message.subject.startswith("Mention by ")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/discussions/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


@pytest.mark.django_db
def test_email_task_is_idempotent(
    topic, official, expert, frequency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = start_thread(official, topic=topic, body=f"@{handle(expert)} hello")
    tasks.send_post_notifications(thread.last_post.pk)
    tasks.send_post_notifications(thread.last_post.pk)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_followers_get_replies_but_not_their_own(thread, expert, member, other_member):
    services.post_create(author=member, thread=thread, body="First reply")
    assert Notification.objects.get(recipient=expert).kind == "reply"
    services.post_create(author=other_member, thread=thread, body="Second reply")
    assert Notification.objects.filter(recipient=member).count() == 1
    assert Notification.objects.filter(recipient=expert).count() == 2
    assert not Notification.objects.filter(recipient=other_member).exists()


@pytest.mark.django_db
def test_mute_silences_a_thread_even_mentions(thread, expert, member):
    services.subscription_set(user=expert, thread=thread, level="mute")
    services.post_create(author=member, thread=thread, body=f"@{handle(expert)} ping")
    assert not Notification.objects.filter(recipient=expert).exists()


@pytest.mark.django_db
def test_watching_a_topic_announces_new_threads(topic, member, expert):
    services.subscription_set(user=member, topic=topic, level="watch")
    start_thread(expert, topic=topic, title="New question")
    assert Notification.objects.get(recipient=member).kind == "new_thread"


@pytest.mark.django_db
def test_new_mentions_in_an_edit_are_notified_once(thread, expert, member):
    post = thread.last_post
    services.post_edit(editor=expert, post=post, body=f"Hello @{handle(member)}")
    services.post_edit(editor=expert, post=post, body=f"Hello again @{handle(member)}")
    assert Notification.objects.filter(recipient=member, kind="mention").count() == 1


@pytest.mark.django_db
def test_notification_centre_and_header_count(client, thread, expert, member):
    services.post_create(author=member, thread=thread, body="Reply")
    client.force_login(expert)
    html = client.get(reverse("discussions:index")).content.decode()
    assert '1<span class="mp-visually-hidden"> unread notification</span>' in html
    page = client.get(reverse("discussions:notifications")).content.decode()
    assert "New reply by " in page
    notification = Notification.objects.get(recipient=expert)
    response = client.get(reverse("discussions:notification_open", kwargs={"pk": notification.pk}))
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None
    client.post(reverse("discussions:notifications_read"))
    assert not Notification.objects.filter(recipient=expert, read_at__isnull=True).exists()


@pytest.mark.django_db
def test_mention_suggestions_json(client, official, expert):
    client.force_login(official)
    response = client.get(reverse("discussions:mention_suggestions"), {"q": expert.first_name})
    assert response.status_code == 200
    results = response.json()["results"]
    assert {"handle": handle(expert), "name": expert.display_name} in results
    assert response.json()["status"].startswith(
        f"{len(results)} suggestion{'' if len(results) == 1 else 's'}; use the up and down arrows"
    )
    assert client.get(reverse("discussions:mention_suggestions"), {"q": ""}).json() == {
        "results": [],
        "status": "",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 вариант;"), (2, "2 варианта;"), (5, "5 вариантов;")]
)
def test_mention_suggestions_are_counted_in_russian_plural_forms(client, official, count, words):
    from core.roles import Role
    from tests.factories.members import make_member

    for n in range(count):
        make_member(Role.EXPERT, first_name="Tamar", email=f"tamar{n}@expert.example.ge")
    client.force_login(official)
    with translation.override("ru"):
        response = client.get(reverse("discussions:mention_suggestions"), {"q": "Tamar"})
    assert len(response.json()["results"]) == count
    assert response.json()["status"].startswith(words)


# --- digests -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_digests_are_grouped_per_preference_and_sent_once(
    topic, expert, official, member, other_member, frequency, django_capture_on_commit_callbacks
):
    frequency.update({member.pk: "daily", other_member.pk: "weekly", official.pk: "never"})
    for person in (member, other_member, official):
        services.subscription_set(user=person, topic=topic, level="watch")
    with django_capture_on_commit_callbacks(execute=True):
        first = start_thread(expert, topic=topic, title="Seasonal work schemes")
        start_thread(expert, topic=topic, title="Diaspora bonds")
        services.post_create(author=expert, thread=first, body="More details")
    # Daily and weekly members got nothing yet; "never" never does.
    assert mail.outbox == []

    assert tasks.send_digests("daily") == 1
    assert len(mail.outbox) == 1
    digest_mail = mail.outbox[0]
    assert digest_mail.to == [member.email]
    assert "daily" in digest_mail.subject
    assert "Seasonal work schemes" in digest_mail.body and "Diaspora bonds" in digest_mail.body
    assert digest_mail.body.count("== Seasonal work schemes ==") == 1  # grouped by thread

    # Sent once: the beat running again, or a repeated task, sends nothing more.
    assert tasks.send_digests("daily") == 0
    key = services.period_key("daily")
    assert tasks.send_digest(member.pk, "daily", key) is False
    assert Digest.objects.filter(user=member, period="daily").count() == 1

    assert tasks.send_digests("weekly") == 1
    assert [m.to for m in mail.outbox[1:]] == [[other_member.email]]
    assert not any(official.email in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_digest_record_is_unique_per_member_and_period(member):
    from django.db import IntegrityError, transaction

    Digest.objects.create(user=member, period="daily", period_key="2026-11-25")
    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(user=member, period="daily", period_key="2026-11-25")


def test_period_keys():
    when = dt.datetime(2026, 11, 25, 6, tzinfo=dt.UTC)
    assert services.period_key("daily", when) == "2026-11-25"
    assert services.period_key("weekly", when) == "2026-W48"


@pytest.mark.django_db
def test_email_follows_the_preference_in_the_members_profile(
    topic, official, member, other_member, django_capture_on_commit_callbacks
):
    from members.models import Profile

    Profile.objects.create(user=member, notification_frequency="immediately")
    Profile.objects.create(user=other_member, notification_frequency="weekly")
    with django_capture_on_commit_callbacks(execute=True):
        start_thread(official, topic=topic, body=f"@{handle(member)} @{handle(other_member)}")
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert tasks.send_digests("daily") == 0
    assert tasks.send_digests("weekly") == 1
    assert mail.outbox[-1].to == [other_member.email]


# --- unsubscribe ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_one_click_unsubscribe_works_without_a_session(client, thread, member):
    token = unsubscribe_token(user_id=member.pk, thread_id=thread.pk)
    url = reverse("discussions:unsubscribe", kwargs={"token": token})
    # GET only asks: link scanners must not unsubscribe anyone.
    assert client.get(url).status_code == 200
    assert not Subscription.objects.filter(user=member, thread=thread).exists()
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie or token.
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Subscription.objects.get(user=member, thread=thread).level == "mute"


@pytest.mark.django_db
def test_digest_unsubscribe_stops_all_discussion_email(client, member):
    url = reverse("discussions:unsubscribe", kwargs={"token": unsubscribe_token(user_id=member.pk)})
    client.post(url)
    assert EmailOptOut.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_tampered_token_is_refused(client, member):
    token = unsubscribe_token(user_id=member.pk) + "x"
    url = reverse("discussions:unsubscribe", kwargs={"token": token})
    assert client.post(url).status_code == 400
    assert not EmailOptOut.objects.exists()
