"""Every discussions page an official uses holds at phone, tablet, laptop and 320 px
(tests/browser/layout.py): index, topic, thread, the forms, history and notifications
(issue 13)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONG_TITLE = (
    "How did ministries of labour reach seasonal workers before departure, and which "
    "pre-departure orientation sessions were worth their cost?"
)
LONG_BODY = (
    "We tried three formats in 2025.\n\n> Quoted from the Chisinau meeting: orientation works "
    "best in the worker's own language.\n\n- Online sessions before the visa interview\n- "
    "Leaflets at the border crossing, which nobody read because they arrived after the "
    "decision to leave had been taken\n\nSee https://example.org/a/very/long/path/that/"
    "should/never/push/the/page/sideways/on/a/phone/even/at/three/hundred/twenty/pixels"
)


def test_discussion_pages_hold_for_an_official(page):
    from core.roles import Role
    from discussions import services
    from discussions.models import Topic
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    topic = Topic.objects.create(name="Labour migration and seasonal work", slug="labour")
    secretariat = make_member(Role.SECRETARIAT)
    official = make_member(Role.GOVERNMENT)
    # More threads than a page holds, so the pagination shows.
    for n in range(26):
        services.thread_create(
            author=secretariat, title=f"Thread {n}: {LONG_TITLE}", body="Hello", topic=topic
        )
    thread = services.thread_create(author=official, title=LONG_TITLE, body=LONG_BODY, topic=topic)
    mine = thread.posts.get(number=1)
    services.post_edit(editor=official, post=mine, body=LONG_BODY + "\n\nEdited: a typo.")
    reply = services.post_create(author=secretariat, thread=thread, body=LONG_BODY)

    sign_in(page, official.email, DEFAULT_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    check_layout(
        page, reverse("discussions:index"), first_result=".mp-thread-card", name="discussions"
    )
    check_layout(
        page,
        reverse("discussions:topic", args=[topic.slug]),
        first_result=".mp-thread-card",
        name="discussions-topic",
    )
    check_layout(page, reverse("discussions:thread", args=[thread.pk]), name="discussions-thread")
    check_layout(
        page, reverse("discussions:thread_create", args=[topic.slug]), name="discussions-new"
    )
    check_layout(page, reverse("discussions:post_edit", args=[mine.pk]), name="post-edit")
    check_layout(page, reverse("discussions:post_history", args=[mine.pk]), name="post-history")
    check_layout(page, reverse("discussions:post_delete", args=[mine.pk]), name="post-delete")
    check_layout(page, reverse("discussions:post_flag", args=[reply.pk]), name="post-flag")
    check_layout(page, reverse("discussions:notifications"), name="notifications")


def test_thread_form_errors_are_summarised_at_the_top(page):
    from core.roles import Role
    from discussions.models import Topic
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    topic = Topic.objects.create(name="Readmission", slug="readmission")
    official = make_member(Role.GOVERNMENT)
    sign_in(page, official.email, DEFAULT_PASSWORD)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("discussions:thread_create", args=[topic.slug]))
    with page.expect_navigation():
        page.get_by_role("button", name="Post the thread").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    assert summary.is_visible()
    assert summary.bounding_box()["y"] < 844
    assert page.get_by_role("textbox", name="Title").get_attribute("aria-invalid") == "true"
