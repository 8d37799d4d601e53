"""Needs and requests: who files, who is told, who sees what, and the secretariat's triage."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from knowledge.models import CapacityRequest
from knowledge.models.requests import RequestKind, RequestState
from knowledge.services_requests import request_email_send, request_state_change
from taxonomy.models import Theme
from tests.events.builders import get_events_index, make_event
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note
from tests.knowledge.requests_builders import make_training_need, official_of

pytestmark = pytest.mark.django_db

NEED_URL = reverse("knowledge:training_need_new")


def _need_data(**overrides) -> dict:
    data = {
        "theme": Theme.objects.get(slug="labour-migration").pk,
        "target_institutions": "State Migration Service; Border Guard",
        "staff_count": "25",
        "preferred_format": "in_person",
        "preferred_period": "March–May 2027",
        "description": "Risk analysis at the border.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def armenian_official(official):
    return official_of(official, "AM")


@pytest.fixture
def armenian_focal_point(db):
    focal = make_member(Role.GOVERNMENT, language="ru")
    return official_of(focal, "AM", focal_point=True)


@pytest.fixture
def georgian_focal_point(db):
    return official_of(make_member(Role.GOVERNMENT), "GE", focal_point=True)


# --- filing a training need -------------------------------------------------------------------


def test_official_files_a_training_need_and_the_focal_point_is_told_in_their_language(
    client, armenian_official, armenian_focal_point, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(armenian_official)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEED_URL, _need_data())
    need = CapacityRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:request_detail", args=[need.pk])
    assert need.kind == RequestKind.TRAINING_NEED
    assert need.state == RequestState.NEW
    assert need.country.code == "AM"
    assert need.staff_count == 25
    assert [m.to for m in mailoutbox] == [[armenian_focal_point.email]]
    # The focal point reads Russian: the frame of the message is in Russian.
    assert "Здравствуйте" in mailoutbox[0].body
    assert f"/library/requests/{need.pk}/" in mailoutbox[0].body
    page = client.get(response["Location"]).content.decode()
    assert "Risk analysis at the border." in page
    assert 'data-request-state="new"' in page


def test_empty_or_wrong_training_need_is_refused_with_clear_messages(client, armenian_official):
    client.force_login(armenian_official)
    response = client.post(NEED_URL, _need_data(theme="", staff_count="lots", description=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose the theme of the training." in html
    assert "Enter the number of staff as a whole number, like 20." in html
    assert "Describe what the training should cover." in html
    # What was typed stays.
    assert "State Migration Service; Border Guard" in html
    assert not CapacityRequest.objects.exists()
    response = client.post(NEED_URL, _need_data(staff_count="0"))
    assert "The number of staff must be at least 1." in response.content.decode()


def test_only_officials_with_a_country_file_training_needs(client, member, official):
    client.force_login(member)
    assert client.get(NEED_URL).status_code == 403
    client.force_login(official)  # no country in the profile
    assert client.get(NEED_URL).status_code == 403
    assert client.post(NEED_URL, _need_data()).status_code == 403
    assert not CapacityRequest.objects.exists()


# --- peer exchange on a practice note ---------------------------------------------------------


def test_member_asks_for_a_study_visit_on_a_note_and_author_and_focal_point_are_told(
    client,
    library,
    expert,
    member,
    armenian_focal_point,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    official_of(member, "AM")
    note = make_note(library, title="One-stop migrant centres", owner=expert)
    client.force_login(member)
    html = client.get(note.url).content.decode()
    ask = reverse("knowledge:peer_exchange_new", args=[note.pk])
    assert f"{ask}?kind=study_visit" in html
    assert f"{ask}?kind=expert_advice" in html
    form = client.get(f"{ask}?kind=study_visit").content.decode()
    assert 'value="study_visit" id="id_kind_0" required checked' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask, {"kind": "study_visit", "message": "Five of us in June."})
    assert response.status_code == 302
    request = CapacityRequest.objects.get()
    assert (request.kind, request.note_id, request.country.code) == (
        RequestKind.STUDY_VISIT,
        note.pk,
        "AM",
    )
    assert sorted(m.to[0] for m in mailoutbox) == sorted([expert.email, armenian_focal_point.email])
    assert all("One-stop migrant centres" in m.body for m in mailoutbox)


def test_peer_exchange_without_a_message_is_refused(client, library, member):
    note = make_note(library)
    client.force_login(member)
    response = client.post(reverse("knowledge:peer_exchange_new", args=[note.pk]), {"kind": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write what you would like to see or learn." in html
    assert "Select a valid choice" in html
    assert not CapacityRequest.objects.exists()


def test_a_note_the_member_may_not_read_cannot_be_asked_about(client, library, member):
    note = make_note(library, tier=Tier.GOVERNMENTS)
    client.force_login(member)
    url = reverse("knowledge:peer_exchange_new", args=[note.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kind": "study_visit", "message": "Hi"}).status_code == 404
    draft = make_note(library, publish=False)
    assert client.get(reverse("knowledge:peer_exchange_new", args=[draft.pk])).status_code == 404


# --- who sees a request -----------------------------------------------------------------------


def test_requester_focal_point_of_the_country_and_secretariat_see_it_others_get_404(
    client, armenian_official, armenian_focal_point, georgian_focal_point, member, secretariat
):
    need = make_training_need(armenian_official)
    url = reverse("knowledge:request_detail", args=[need.pk])
    for user, status in [
        (armenian_official, 200),
        (armenian_focal_point, 200),
        (secretariat, 200),
        (georgian_focal_point, 404),
        (member, 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(georgian_focal_point)
    assert client.get(reverse("knowledge:my_requests")).content.decode().count("data-request=") == 0
    client.force_login(armenian_focal_point)
    my = client.get(reverse("knowledge:my_requests")).content.decode()
    assert f'data-request="{need.pk}"' in my
    assert armenian_official.display_name in my


def test_only_the_secretariat_changes_a_state(client, armenian_official, armenian_focal_point):
    need = make_training_need(armenian_official)
    url = reverse("knowledge:request_change", args=[need.pk])
    for user in (armenian_official, armenian_focal_point):
        client.force_login(user)
        assert client.post(url, {"to_state": "accepted"}).status_code == 403
        assert "Move the request on" not in client.get(need_url(need)).content.decode()
    need.refresh_from_db()
    assert need.state == RequestState.NEW


def need_url(need) -> str:
    return reverse("knowledge:request_detail", args=[need.pk])


# --- the secretariat's triage -----------------------------------------------------------------


def test_secretariat_accepts_plans_and_closes_and_the_requester_follows(
    client, armenian_official, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    armenian_official.language = "ru"
    armenian_official.save()
    need = make_training_need(armenian_official)
    event = make_event(get_events_index(), title="Border risk analysis training")
    change = reverse("knowledge:request_change", args=[need.pk])
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change, {"to_state": "accepted", "note": "We will plan it."})
    assert response.status_code == 302
    # Planning needs the event.
    response = client.post(change, {"to_state": "planned"})
    assert response.status_code == 400
    assert "Choose the event the request becomes." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change, {"to_state": "planned", "event": event.pk})
    need.refresh_from_db()
    assert need.state == RequestState.PLANNED
    assert need.event_id == event.pk
    assert [c.to_state for c in need.changes.all()] == ["new", "accepted", "planned"]
    assert need.changes.get(to_state="accepted").note == "We will plan it."
    # Two e-mails to the requester, in Russian, the second with the event's link.
    assert [m.to for m in mailoutbox] == [[armenian_official.email]] * 2
    assert "We will plan it." in mailoutbox[0].body
    assert event.url_path.rstrip("/").split("/")[-1] in mailoutbox[1].body
    assert "Border risk analysis training" in mailoutbox[1].body
    # The requester sees "Planned" with the event on the dashboard and in My requests.
    client.force_login(armenian_official)
    for page in ("/en/", reverse("knowledge:my_requests")):
        html = client.get(page).content.decode()
        assert 'data-request-state="planned"' in html
        assert "Border risk analysis training" in html
    client.force_login(secretariat)
    client.post(change, {"to_state": "done"})
    need.refresh_from_db()
    assert need.state == RequestState.DONE
    # A closed request offers no form and refuses another change.
    assert "Move the request on" not in client.get(need_url(need)).content.decode()
    assert client.post(change, {"to_state": "declined", "reason": "x"}).status_code == 409


def test_declining_needs_a_reason_which_the_requester_reads(
    client, armenian_official, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    need = make_training_need(armenian_official)
    change = reverse("knowledge:request_change", args=[need.pk])
    client.force_login(secretariat)
    response = client.post(change, {"to_state": "declined", "note": "kept"})
    assert response.status_code == 400
    assert "Say why the request is declined." in response.content.decode()
    assert "kept" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change, {"to_state": "declined", "reason": "Covered by the June training."})
    need.refresh_from_db()
    assert need.state == RequestState.DECLINED
    assert "Covered by the June training." in mailoutbox[0].body
    client.force_login(armenian_official)
    assert "Covered by the June training." in client.get(need_url(need)).content.decode()


def test_a_step_that_is_not_next_is_refused(client, armenian_official, secretariat):
    need = make_training_need(armenian_official)
    client.force_login(secretariat)
    response = client.post(
        reverse("knowledge:request_change", args=[need.pk]), {"to_state": "done"}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ValidationError, match="cannot become"):
        request_state_change(request=need, to_state=RequestState.DONE, by=secretariat)


def test_each_email_goes_once_even_if_the_task_runs_twice(
    armenian_official, armenian_focal_point, mailoutbox
):
    need = make_training_need(armenian_official)
    filed = need.changes.get()
    assert request_email_send(change_id=filed.pk) == 1
    assert request_email_send(change_id=filed.pk) == 0
    assert len(mailoutbox) == 1


def test_queue_filters_by_state_kind_and_country_in_the_url(
    client, armenian_official, georgian_focal_point, secretariat, django_assert_max_num_queries
):
    armenian = make_training_need(armenian_official)
    georgian = make_training_need(georgian_focal_point, state=RequestState.ACCEPTED)
    for _ in range(3):
        make_training_need(armenian_official, state=RequestState.DECLINED)
    client.force_login(secretariat)
    queue = reverse("knowledge:request_queue")

    def shown(query: str) -> set[int]:
        html = client.get(f"{queue}{query}").content.decode()
        return {r.pk for r in CapacityRequest.objects.all() if f'data-request="{r.pk}"' in html}

    assert shown("?state=new") == {armenian.pk}
    assert shown("?state=accepted&country=GE") == {georgian.pk}
    assert shown("?country=AM&kind=study_visit") == set()
    assert len(shown("?kind=training_need")) == 5
    # Values that are no choice are no filter, never an error.
    assert len(shown("?state=<script>&country=ZZ&kind=1&page=-3")) == 5
    with django_assert_max_num_queries(12):
        assert client.get(queue).status_code == 200


def test_secretariat_dashboard_counts_new_requests(client, armenian_official, secretariat):
    make_training_need(armenian_official)
    make_training_need(armenian_official)
    make_training_need(armenian_official, state=RequestState.ACCEPTED)
    client.force_login(secretariat)
    html = client.get(reverse("secretariat_dashboard")).content.decode()
    assert "Needs and requests" in html
    assert f"{reverse('knowledge:request_queue')}?state=new" in html
    assert '<span class="mp-queue__count mp-stat__value">2</span>' in html
    assert "new requests" in html
