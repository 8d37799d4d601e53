"""Written consultations: audience, drafts until the deadline, country answers, access, export."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.roles import Role
from events import services
from events.models import AnswerVisibility, Response, ResponseMode, ResponseStatus
from tests.events.builders import make_consultation, set_country
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(events_index):
    return make_consultation(events_index)


def _ids(consultation):
    q = list(consultation.questions.all())
    return q[0].pk, q[1].pk, q[2].pk


def test_draft_then_submit_then_edit_until_deadline(consultation, official):
    text, choice, multi = _ids(consultation)
    draft = services.consultation_response_save(
        consultation=consultation, user=official, answers={text: "Half done"}, submit=False
    )
    assert draft.status == ResponseStatus.DRAFT
    with pytest.raises(ValidationError):
        services.consultation_response_save(
            consultation=consultation, user=official, answers={text: "Done"}, submit=True
        )
    submitted = services.consultation_response_save(
        consultation=consultation,
        user=official,
        answers={text: "Done", choice: "Partly", multi: ["Returnees", "Invented"]},
        submit=True,
    )
    assert submitted.pk == draft.pk
    assert submitted.status == ResponseStatus.SUBMITTED
    answers = {a.question_id: a for a in submitted.answers.all()}
    assert answers[choice].selected == ["Partly"]
    assert answers[multi].selected == ["Returnees"]  # choices not offered are dropped
    services.consultation_response_save(
        consultation=consultation,
        user=official,
        answers={text: "Changed my mind", choice: "Yes"},
        submit=True,
    )
    assert Response.objects.get().answers.get(question_id=text).text == "Changed my mind"


def test_no_edits_after_the_deadline(consultation, official):
    text, *_ = _ids(consultation)
    services.consultation_response_save(
        consultation=consultation, user=official, answers={text: "x"}, submit=False
    )
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    with pytest.raises(PermissionDenied, match="closed"):
        services.consultation_response_save(
            consultation=consultation, user=official, answers={text: "late"}, submit=False
        )


def test_not_before_opening(events_index, official):
    consultation = make_consultation(events_index, opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(PermissionDenied, match="not opened"):
        services.consultation_response_save(
            consultation=consultation, user=official, answers={}, submit=False
        )


def test_audience_roles_and_countries(events_index, official, member):
    consultation = make_consultation(events_index)
    consultation.audience_roles.set([Group.objects.get(name=Role.GOVERNMENT)])
    consultation.save()
    with pytest.raises(PermissionDenied):
        services.consultation_response_save(
            consultation=consultation, user=member, answers={}, submit=False
        )
    services.consultation_response_save(
        consultation=consultation, user=official, answers={}, submit=False
    )


def test_country_answers_are_shared_by_its_focal_points(events_index):
    consultation = make_consultation(events_index, mode=ResponseMode.COUNTRY)
    text, choice, _multi = _ids(consultation)
    first = set_country(make_member(Role.GOVERNMENT), "MD", focal_point=True)
    second = set_country(make_member(Role.GOVERNMENT), "MD", focal_point=True)
    colleague = set_country(make_member(Role.GOVERNMENT), "MD", focal_point=False)
    services.consultation_response_save(
        consultation=consultation, user=first, answers={text: "Draft by first"}, submit=False
    )
    response = services.consultation_response_save(
        consultation=consultation,
        user=second,
        answers={text: "Completed by second", choice: "Yes"},
        submit=True,
    )
    assert Response.objects.count() == 1
    assert response.country.code == "MD"
    with pytest.raises(PermissionDenied, match="focal point"):
        services.consultation_response_save(
            consultation=consultation, user=colleague, answers={}, submit=False
        )


def test_answers_hidden_from_members_until_closed_and_opened(
    client, events_index, official, member, secretariat
):
    consultation = make_consultation(events_index, answers_visibility=AnswerVisibility.MEMBERS)
    text, choice, _ = _ids(consultation)
    services.consultation_response_save(
        consultation=consultation,
        user=official,
        answers={text: "Planted answer", choice: "No"},
        submit=True,
    )
    url = reverse("events:consultation_answers", args=[consultation.pk])
    client.force_login(member)
    assert client.get(url).status_code == 404
    assert "Planted answer" not in client.get(consultation.url).content.decode()
    client.force_login(secretariat)
    assert "Planted answer" in client.get(url).content.decode()
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    client.force_login(member)
    assert "Planted answer" in client.get(url).content.decode()


def test_secretariat_only_answers_stay_hidden_after_closing(client, events_index, official, member):
    consultation = make_consultation(events_index)
    text, choice, _ = _ids(consultation)
    services.consultation_response_save(
        consultation=consultation, user=official, answers={text: "t", choice: "No"}, submit=True
    )
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save_revision().publish()
    client.force_login(member)
    assert (
        client.get(reverse("events:consultation_answers", args=[consultation.pk])).status_code
        == 404
    )


def test_drafts_never_shown_as_answers(client, consultation, official, secretariat):
    text, *_ = _ids(consultation)
    services.consultation_response_save(
        consultation=consultation, user=official, answers={text: "Secret draft"}, submit=False
    )
    client.force_login(secretariat)
    page = client.get(reverse("events:consultation_answers", args=[consultation.pk]))
    assert "Secret draft" not in page.content.decode()


def test_xlsx_export_has_every_answer(client, consultation, officials, secretariat):
    text, choice, multi = _ids(consultation)
    for i, user in enumerate(officials(3)):
        services.consultation_response_save(
            consultation=consultation,
            user=user,
            answers={text: f"=HYPERLINK(answer {i})", choice: "Yes", multi: ["Diaspora"]},
            submit=i < 2,
        )
    client.force_login(secretariat)
    response = client.get(reverse("events:consultation_export", args=[consultation.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][5:] == ("What worked?", "Is reintegration funded?", "Which groups?")
    assert len(rows) == 4
    # Formulas typed by members are not run by the spreadsheet.
    assert all(str(row[5]).startswith("'=") for row in rows[1:])


def test_respond_view_saves_draft_and_submits(client, consultation, official):
    text, choice, _ = _ids(consultation)
    client.force_login(official)
    url = reverse("events:consultation_respond", args=[consultation.pk])
    client.post(url, {f"q{text}": "Through the form", "save": "1"})
    assert Response.objects.get().status == ResponseStatus.DRAFT
    page = client.get(consultation.url).content.decode()
    assert "Through the form" in page
    response = client.post(url, {f"q{text}": "Through the form", "submit": "1"}, follow=True)
    assert "need an answer" in response.content.decode()
    assert Response.objects.get().status == ResponseStatus.DRAFT
    client.post(url, {f"q{text}": "Through the form", f"q{choice}": "Yes", "submit": "1"})
    assert Response.objects.get().status == ResponseStatus.SUBMITTED


def test_synthesis_shown_only_once_published(client, consultation, member):
    consultation.synthesis = "<p>Countries agree on the synthesis.</p>"
    consultation.save_revision().publish()
    client.force_login(member)
    assert "agree on the synthesis" not in client.get(consultation.url).content.decode()
    consultation.synthesis_published = True
    consultation.save_revision().publish()
    assert "agree on the synthesis" in client.get(consultation.url).content.decode()


def test_deadline_reminders_once_to_those_who_have_not_submitted(events_index, officials):
    now = timezone.now()
    consultation = make_consultation(events_index, closes_at=now + timedelta(days=2))
    consultation.audience_roles.set([Group.objects.get(name=Role.GOVERNMENT)])
    consultation.save()
    done, pending = officials(2)
    text, choice, _ = _ids(consultation)
    services.consultation_response_save(
        consultation=consultation, user=done, answers={text: "x", choice: "Yes"}, submit=True
    )
    mail.outbox.clear()
    assert services.consultation_reminders_send_due(now=now) == 1
    assert services.consultation_reminders_send_due(now=now) == 0
    assert [m.to for m in mail.outbox] == [[pending.email]]
    assert "awaited" in mail.outbox[0].subject


def test_secretariat_tier_consultation_is_hidden(client, events_index, official):
    consultation = make_consultation(events_index, tier="secretariat")
    client.force_login(official)
    # Not there for them, like a page that does not exist (not "forbidden", which tells it is).
    assert client.get(consultation.url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.consultation_response_save(
            consultation=consultation, user=official, answers={}, submit=False
        )
