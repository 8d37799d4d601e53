"""The review workflow through the Wagtail admin: expert drafts and submits, the secretariat
asks for changes or publishes, and the author hears about each step by e-mail."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.roles import Role
from knowledge.models import PracticeNotePage
from taxonomy.models import Country, Theme
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


def note_form(title="Georgia's circular labour pilot", **overrides):
    data = nested_form_data(
        {
            "title": title,
            "slug": overrides.pop("slug", "georgia-circular-pilot"),
            "summary": "Seasonal workers to Germany with pre-departure training.",
            "body": streamfield([("text", rich_text("<p>How the pilot worked.</p>"))]),
            "language": "en",
            "tier": "members",
            "authoritative": "on",
            "comments": inline_formset([]),
        }
    )
    # Lists are checkbox values here, not nested forms.
    data["countries"] = [Country.objects.get(slug="georgia").pk]
    data["themes"] = [Theme.objects.get(slug="labour-migration").pk]
    data.update(overrides)
    return data


def add_url(library):
    return reverse("wagtailadmin_pages:add", args=("knowledge", "practicenotepage", library.pk))


def submit_new(client, library, **overrides):
    response = client.post(add_url(library), note_form(**overrides, **{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:2000]
    return PracticeNotePage.objects.get(slug=overrides.get("slug", "georgia-circular-pilot"))


def current_task_state(note) -> TaskState:
    return WorkflowState.objects.get(
        base_content_type__isnull=False,
        object_id=str(note.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).current_task_state


def workflow_action(client, note, action, comment=""):
    task_state = current_task_state(note)
    url = reverse("wagtailadmin_pages:workflow_action", args=(note.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_expert_submits_secretariat_requests_changes_then_publishes(
    library, expert, secretariat, client, django_capture_on_commit_callbacks
):
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        note = submit_new(client, library)
    assert not note.live
    assert note.owner == expert
    assert note.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Submitted for review" in subjects[expert.email]
    assert "To review" in subjects[secretariat.email]

    # The expert cannot publish on their own.
    mail.outbox.clear()
    client.post(
        reverse("wagtailadmin_pages:edit", args=(note.pk,)),
        note_form(**{"action-publish": "1"}),
    )
    note.refresh_from_db()
    assert not note.live

    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(
            client, note, "reject", comment="Please add the number of workers."
        )
    assert response.status_code in (200, 302)
    note.refresh_from_db()
    assert note.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    changes = [m for m in mail.outbox if m.to == [expert.email]]
    assert changes and "Changes requested" in changes[-1].subject
    assert "Please add the number of workers." in changes[-1].body

    # The expert fixes the note and submits it again.
    mail.outbox.clear()
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=(note.pk,)),
            note_form(summary="1,200 seasonal workers went to Germany.", **{"action-submit": "1"}),
        )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(client, note, "approve")
    note.refresh_from_db()
    assert note.live
    assert note.summary == "1,200 seasonal workers went to Germany."
    approved = [m for m in mail.outbox if m.to == [expert.email]]
    assert approved and "Published" in approved[-1].subject


def test_experts_cannot_review(library, expert, client):
    client.force_login(expert)
    note = submit_new(client, library)
    other = make_member(Role.EXPERT)
    client.force_login(other)
    workflow_action(client, note, "approve")
    note.refresh_from_db()
    assert not note.live


def test_experts_edit_only_their_own_notes(library, expert, client):
    theirs = make_note(library, owner=make_member(Role.EXPERT), publish=False)
    own = make_note(library, owner=expert, publish=False)
    client.force_login(expert)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=(theirs.pk,))).status_code in (
        302,
        403,
    )
    explorer = client.get(reverse("wagtailadmin_explore", args=(library.pk,)))
    listed = {page.pk for page in explorer.context["pages"]}
    assert own.pk in listed
    assert theirs.pk not in listed


def test_secretariat_sees_every_draft(library, secretariat, client):
    draft = make_note(library, owner=make_member(Role.EXPERT), publish=False)
    client.force_login(secretariat)
    explorer = client.get(reverse("wagtailadmin_explore", args=(library.pk,)))
    assert draft.pk in {page.pk for page in explorer.context["pages"]}


def test_members_and_officials_cannot_reach_the_admin(library, official, client):
    client.force_login(official)
    assert client.get(add_url(library)).status_code == 403
    assert not Page.objects.filter(slug="georgia-circular-pilot").exists()
