"""Evaluation: who answers when, once, anonymously; what the secretariat sees."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events import evaluation
from events.models import (
    EvaluationAnswer,
    EvaluationQuestion,
    EvaluationQuestionKind,
    EvaluationResponse,
    EvaluationSubmission,
)
from tests.events.evaluation_builders import (
    answers_for,
    attend,
    make_training,
    pretest_answers_for,
)
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_participant_who_attended_answers_once_and_anonymously(client):
    event = make_training()
    user = make_member(first_name="Nino", last_name="Beridze")
    registration = attend(event, user)
    _login(client, user)
    url = reverse("events:evaluation_form", args=[event.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "How useful was the training?" in page.content.decode()

    response = client.post(url, answers_for(event, text="More case studies"))
    assert response.status_code == 302
    submission = EvaluationSubmission.objects.get(registration=registration)
    assert submission.passed is True
    stored = EvaluationResponse.objects.get(event=event)
    # The answers carry no link to the member and no time.
    assert {f.name for f in EvaluationResponse._meta.concrete_fields} == {
        "id",
        "event",
        "phase",
        "score",
        "test_total",
    }
    assert stored.score == 2
    assert stored.answers.filter(text="More case studies").exists()

    again = client.post(url, answers_for(event, rating=1))
    assert again.status_code == 409
    assert "already answered" in again.content.decode()
    assert EvaluationResponse.objects.filter(event=event).count() == 1


def test_missing_answers_are_a_clear_400_and_nothing_is_recorded(client):
    event = make_training()
    user = make_member()
    attend(event, user)
    _login(client, user)
    response = client.post(reverse("events:evaluation_form", args=[event.pk]), {})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Choose a rating from 1 to 5." in body
    assert not EvaluationSubmission.objects.exists()


def test_a_wrong_option_number_is_refused(client):
    event = make_training()
    user = make_member()
    attend(event, user)
    _login(client, user)
    data = answers_for(event)
    test_q = event.evaluation_questions.filter(kind="test").first()
    data[f"q{test_q.pk}"] = "99"
    response = client.post(reverse("events:evaluation_form", args=[event.pk]), data)
    assert response.status_code == 400
    assert not EvaluationResponse.objects.exists()


def test_failing_the_post_test_is_recorded_as_fail(client):
    event = make_training(pass_mark=60)
    user = make_member()
    registration = attend(event, user)
    _login(client, user)
    client.post(reverse("events:evaluation_form", args=[event.pk]), answers_for(event, right=False))
    assert EvaluationSubmission.objects.get(registration=registration).passed is False


@pytest.mark.parametrize("attended", [False, None])
def test_only_those_who_attended_are_evaluated(client, attended):
    event = make_training()
    user = make_member()
    attend(event, user, attended=attended)
    _login(client, user)
    url = reverse("events:evaluation_form", args=[event.pk])
    assert "for participants who attended" in client.get(url).content.decode()
    assert client.post(url, answers_for(event)).status_code == 409


def test_the_evaluation_opens_when_the_event_ends(client):
    event = make_training(past=False)
    user = make_member()
    attend(event, user)
    _login(client, user)
    body = client.get(reverse("events:evaluation_form", args=[event.pk])).content.decode()
    assert "opens when the event ends" in body


def test_someone_not_registered_gets_404(client):
    event = make_training()
    _login(client, make_member())
    assert client.get(reverse("events:evaluation_form", args=[event.pk])).status_code == 404


def test_pretest_before_the_event_then_closed(client):
    event = make_training(past=False)
    user = make_member()
    registration = attend(event, user, attended=None)
    _login(client, user)
    url = reverse("events:pretest_form", args=[event.pk])
    page = client.get(url).content.decode()
    assert "Which body issues residence permits in Georgia?" in page
    # The pre-test asks the test questions only.
    assert "How useful was the training?" not in page
    assert client.post(url, pretest_answers_for(event)).status_code == 302
    pre = EvaluationSubmission.objects.get(registration=registration, phase="pre")
    assert pre.passed is None
    assert EvaluationResponse.objects.get(phase="pre").score == 0

    past = make_training()
    attend(past, user)
    body = client.get(reverse("events:pretest_form", args=[past.pk])).content.decode()
    assert "closed when the event started" in body


def test_event_page_links_the_evaluation_and_the_certificate(client):
    event = make_training(pass_mark=None)
    user = make_member()
    attend(event, user)
    _login(client, user)
    body = client.get(event.url).content.decode()
    assert reverse("events:evaluation_form", args=[event.pk]) in body
    assert reverse("events:certificate_download", args=[event.pk]) in body


def test_dashboard_lists_the_evaluation_awaiting(client):
    event = make_training()
    user = make_member()
    attend(event, user)
    items = evaluation.dashboard_items(user=user)
    assert [i["url"] for i in items] == [reverse("events:evaluation_form", args=[event.pk])]


def _answered_by(event, n, *, texts=()):
    users = []
    for i in range(n):
        user = make_member(first_name=f"Person{i}", last_name="Secretname")
        registration = attend(event, user)
        data = answers_for(event, rating=3 + i % 3, text=texts[i] if i < len(texts) else "")
        evaluation.evaluation_submit(
            registration=registration,
            phase="post",
            answers={k: (int(v) if v.isdigit() else v) for k, v in data.items()},
        )
        users.append(user)
    return users


def test_results_are_withheld_under_three_responses(client, secretariat):
    event = make_training()
    _answered_by(event, 2, texts=["Very long days"])
    _login(client, secretariat)
    body = client.get(reverse("events:evaluation_results", args=[event.pk])).content.decode()
    assert "at least 3 participants" in body
    assert "Very long days" not in body
    assert client.get(reverse("events:evaluation_export", args=[event.pk])).status_code == 409


def test_results_show_the_aggregate_without_names(client, secretariat):
    event = make_training()
    for user in _answered_by(event, 3, texts=["Very long days", "", "Good trainers"]):
        pre_reg = event.registrations.get(user=user)
        data = pretest_answers_for(event)
        # Pre-tests are answered before the event: recorded here directly.
        evaluation.evaluation_submit(
            registration=pre_reg, phase="pre", answers={k: int(v) for k, v in data.items()}
        )
    attend(event, make_member())  # attended, did not answer
    _login(client, secretariat)
    response = client.get(reverse("events:evaluation_results", args=[event.pk]))
    body = response.content.decode()
    assert "Very long days" in body and "Good trainers" in body
    assert "Secretname" not in body and "Person0" not in body
    assert "75%" in body  # 3 of 4 who attended answered
    assert "<svg" in body and 'role="img"' in body
    assert "+100" in body  # 0% before, 100% after
    results = evaluation.results_for(event=event)
    assert results.ratings[0].counts == [0, 0, 1, 1, 1]
    assert results.pre_mean == 0 and results.post_mean == 100

    export = client.get(reverse("events:evaluation_export", args=[event.pk]))
    assert export.status_code == 200
    book = load_workbook(io.BytesIO(export.content))
    cells = " ".join(
        str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
    )
    assert "Very long days" in cells and "How useful was the training?" in cells
    assert "Secretname" not in cells and "@" not in cells


def test_results_are_the_secretariats(client):
    event = make_training()
    _login(client, make_member())
    assert client.get(reverse("events:evaluation_results", args=[event.pk])).status_code == 403


def test_a_test_question_needs_options_and_a_correct_one():
    from django.core.exceptions import ValidationError

    question = EvaluationQuestion(kind=EvaluationQuestionKind.TEST, text="Q", options="Only one")
    with pytest.raises(ValidationError):
        question.clean()
    question.options = "A\nB"
    question.correct_option = 3
    with pytest.raises(ValidationError):
        question.clean()
    question.correct_option = 2
    question.clean()


def test_invitation_goes_once_in_the_participants_language(django_capture_on_commit_callbacks):
    event = make_training()
    russian = make_member(language="ru")
    attend(event, russian)
    attend(event, make_member(), attended=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert evaluation.evaluation_invitations_queue() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [russian.email]
    assert "/ru/events/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert evaluation.evaluation_invitations_queue() == 0
    assert (
        evaluation.evaluation_invitation_send(
            registration_id=event.registrations.get(user=russian).pk
        )
        is False
    )
    assert len(mail.outbox) == 1


def test_no_invitation_for_old_events_or_events_without_questions():
    old = make_training(slug="old")
    type(old).objects.filter(pk=old.pk).update(ends_at=timezone.now() - timedelta(days=60))
    attend(old, make_member())
    bare = make_training(slug="bare", questions=[])
    attend(bare, make_member())
    assert evaluation.evaluation_invitations_due() == []


def test_answers_have_random_keys():
    event = make_training()
    _answered_by(event, 1)
    for row in (*EvaluationResponse.objects.all(), *EvaluationAnswer.objects.all()):
        assert len(str(row.pk)) == 36


def test_results_page_queries_stay_flat(client, secretariat, django_assert_max_num_queries):
    event = make_training()
    _answered_by(event, 3)
    client.force_login(secretariat)
    url = reverse("events:evaluation_results", args=[event.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    _answered_by(event, 12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_secretariat_edits_questions_in_the_admin(client):
    from core.roles import Role

    editor = make_member(Role.SECRETARIAT, is_staff=True)
    event = make_training()
    client.force_login(editor)
    body = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert "evaluation_questions-TOTAL_FORMS" in body
    assert "evaluation_pass_mark" in body
