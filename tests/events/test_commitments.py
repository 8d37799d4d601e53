"""Conclusions and commitments: who may update them, the history, the tracker, the reminders."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from events import tasks
from events.models import CommitmentState, CommitmentUpdate, SentEmail
from tests.events.builders import set_country
from tests.events.builders_commitments import commitment_of, days, make_meeting
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db

GE_ACTION = "Adopt a reintegration strategy for returnees"
AM_ACTION = "Publish yearly return statistics"


@pytest.fixture
def meeting(db):
    return make_meeting(
        commitments=[
            ("GE", GE_ACTION, days(-10), ["return-reintegration"]),
            ("AM", AM_ACTION, days(90), ["migration-data"]),
        ]
    )


def focal_point(code: str, **kwargs):
    user = make_member(Role.GOVERNMENT, **kwargs)
    return set_country(user, code, focal_point=True)


def update_url(commitment) -> str:
    return reverse("events:commitment_update", kwargs={"commitment_id": commitment.pk})


def detail_url(commitment) -> str:
    return reverse("events:commitment", kwargs={"commitment_id": commitment.pk})


def test_focal_point_updates_and_history_keeps_each_change(client, meeting):
    fp = focal_point("GE")
    commitment = commitment_of(meeting, "GE")
    client.force_login(fp)
    response = client.post(
        update_url(commitment),
        {
            "state": "in_progress",
            "note": "Draft strategy sent to government.",
            "evidence_urls": "https://gov.example.ge/strategy\n",
        },
    )
    assert response.status_code == 302
    client.post(update_url(commitment), {"state": "done", "note": "Adopted by decree."})
    history = list(CommitmentUpdate.objects.filter(commitment=commitment).order_by("pk"))
    assert [(u.from_state, u.to_state) for u in history] == [
        ("planned", "in_progress"),
        ("in_progress", "done"),
    ]
    assert history[0].author == fp and history[0].evidence_urls == [
        "https://gov.example.ge/strategy"
    ]
    page = client.get(detail_url(commitment)).content.decode()
    assert "Draft strategy sent to government." in page
    assert "Adopted by decree." in page
    assert "https://gov.example.ge/strategy" in page
    assert commitment_of(meeting, "GE").state == CommitmentState.DONE


def test_focal_point_of_another_country_cannot_update(client, meeting):
    client.force_login(focal_point("AM"))
    commitment = commitment_of(meeting, "GE")
    response = client.post(update_url(commitment), {"state": "done"})
    assert response.status_code == 403
    assert not CommitmentUpdate.objects.exists()
    # They still read it, without the form.
    page = client.get(detail_url(commitment))
    assert page.status_code == 200
    assert "Update the status" not in page.content.decode()


def test_ordinary_member_reads_but_cannot_update(client, meeting, member):
    client.force_login(member)
    commitment = commitment_of(meeting, "GE")
    assert client.post(update_url(commitment), {"state": "done"}).status_code == 403
    assert client.get(detail_url(commitment)).status_code == 200


def test_non_focal_official_of_the_country_cannot_update(client, meeting):
    official = set_country(make_member(Role.GOVERNMENT), "GE")
    client.force_login(official)
    assert (
        client.post(update_url(commitment_of(meeting, "GE")), {"state": "done"}).status_code == 403
    )


def test_secretariat_updates_any_country(client, meeting, secretariat):
    client.force_login(secretariat)
    commitment = commitment_of(meeting, "AM")
    assert client.post(update_url(commitment), {"state": "in_progress"}).status_code == 302
    assert commitment_of(meeting, "AM").state == CommitmentState.IN_PROGRESS


def test_commitments_of_a_hidden_meeting_are_not_there(client):
    hidden = make_meeting(
        title="Closed meeting", tier=Tier.SECRETARIAT, commitments=[("GE", GE_ACTION, days(5), [])]
    )
    commitment = commitment_of(hidden, "GE")
    client.force_login(focal_point("GE"))
    assert client.get(detail_url(commitment)).status_code == 404
    assert client.post(update_url(commitment), {"state": "done"}).status_code == 404
    tracker = client.get(reverse("events:commitments")).content.decode()
    assert GE_ACTION not in tracker
    assert "Closed meeting" not in tracker


def test_bad_input_is_explained_and_nothing_is_saved(client, meeting):
    client.force_login(focal_point("GE"))
    commitment = commitment_of(meeting, "GE")
    response = client.post(
        update_url(commitment), {"state": "dropped", "note": "", "evidence_urls": "not a link"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Say why the commitment was dropped." in body
    assert "is not a web address" in body
    assert client.post(update_url(commitment), {"state": "finished"}).status_code == 400
    assert not CommitmentUpdate.objects.exists()


def test_republishing_the_meeting_keeps_the_status(client, meeting, secretariat):
    """The state lives in the history, not in the page's revisions."""
    from tests.events.builders import publish

    client.force_login(secretariat)
    commitment = commitment_of(meeting, "GE")
    client.post(update_url(commitment), {"state": "done"})
    meeting.title = "Regional meeting (revised)"
    publish(meeting)
    again = commitment_of(meeting, "GE")
    assert again.pk == commitment.pk and again.state == CommitmentState.DONE


def test_evidence_page_is_shown_only_to_readers_who_may_open_it(client, meeting, secretariat):
    from events import services_commitments
    from tests.events.builders import get_events_index, make_event

    private = make_event(get_events_index(), title="Secretariat retreat", tier=Tier.SECRETARIAT)
    commitment = commitment_of(meeting, "GE")
    services_commitments.commitment_update(
        commitment=commitment, user=secretariat, to_state="in_progress", evidence_page=private
    )
    client.force_login(secretariat)
    assert "Secretariat retreat" in client.get(detail_url(commitment)).content.decode()
    client.force_login(make_member())
    assert "Secretariat retreat" not in client.get(detail_url(commitment)).content.decode()


def test_event_page_shows_conclusions_and_commitments(client, meeting, member):
    client.force_login(member)
    body = client.get(meeting.url).content.decode()
    assert "Conclusions and commitments" in body
    assert "Countries share return data yearly." in body
    assert GE_ACTION in body and AM_ACTION in body


def test_tracker_filters_and_marks_overdue(client, meeting, member):
    client.force_login(member)
    url = reverse("events:commitments")
    body = client.get(url).content.decode()
    assert GE_ACTION in body and AM_ACTION in body
    assert "Overdue" in body
    assert "<svg" in body and "Commitments by country and state" in body
    only_am = client.get(url, {"country": "AM"}).content.decode()
    assert AM_ACTION in only_am and GE_ACTION not in only_am
    by_theme = client.get(url, {"theme": "return-reintegration"}).content.decode()
    assert GE_ACTION in by_theme and AM_ACTION not in by_theme
    overdue = client.get(url, {"overdue": "1"}).content.decode()
    assert GE_ACTION in overdue and AM_ACTION not in overdue
    by_state = client.get(url, {"state": "done"}).content.decode()
    assert GE_ACTION not in by_state and "No commitment matches these filters." in by_state
    other = make_meeting(
        title="Another meeting", commitments=[("MD", "Open a diaspora desk", days(30), [])]
    )
    by_meeting = client.get(url, {"meeting": other.pk}).content.decode()
    assert "Open a diaspora desk" in by_meeting and GE_ACTION not in by_meeting


def test_tracker_ignores_nonsense_filters(client, meeting, member):
    client.force_login(member)
    url = reverse("events:commitments")
    response = client.get(url, {"meeting": "x' OR 1=1", "state": "<b>", "country": "ZZZ"})
    assert response.status_code == 200


def test_tracker_queries_stay_flat(client, member, django_assert_max_num_queries):
    make_meeting(commitments=[("GE", f"Action {i}", days(i), ["migration-data"]) for i in range(3)])
    client.force_login(member)
    url = reverse("events:commitments")
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    make_meeting(
        title="Second",
        commitments=[(c, f"More {c}", days(-3), ["asylum"]) for c in ("AM", "AZ", "MD", "UA")],
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_overdue_reminder_sent_once_when_the_task_runs_twice(meeting):
    fp = focal_point("GE", language="ru")
    focal_point("AM")  # the Armenian commitment is not due yet
    mail.outbox.clear()
    tasks.remind_overdue_commitments()
    tasks.remind_overdue_commitments()
    assert [m.to for m in mail.outbox] == [[fp.email]]
    message = mail.outbox[0]
    assert GE_ACTION in message.body
    # Written in the recipient's language: the link opens the Russian interface.
    path = detail_url(commitment_of(meeting, "GE")).split("/", 2)[2]
    assert f"/ru/{path}" in message.body
    assert SentEmail.objects.filter(kind="commitment_overdue").count() == 1


def test_no_reminder_for_done_commitments(meeting, secretariat):
    from events import services_commitments

    focal_point("GE")
    services_commitments.commitment_update(
        commitment=commitment_of(meeting, "GE"), user=secretariat, to_state="done"
    )
    mail.outbox.clear()
    assert tasks.remind_overdue_commitments() == 0
    assert not mail.outbox


def test_focal_point_dashboard_lists_open_commitments(client, meeting):
    client.force_login(focal_point("GE"))
    body = client.get("/en/").content.decode()
    assert "Your country's open commitments" in body
    assert GE_ACTION in body and AM_ACTION not in body
