"""Certificates of attendance: who downloads one, the PDF in the member's language,
verification by anyone with the code, revoking."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from events import certificates, evaluation
from events.models import Certificate
from events.models.evaluation import CODE_ALPHABET, normalise_code
from tests.events.evaluation_builders import answers_for, attend, make_training
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _text(body: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split()
    )


def _download(client, user, event):
    client.force_login(user)
    return client.get(reverse("events:certificate_download", args=[event.pk]))


def test_participant_who_attended_downloads_a_certificate(client):
    event = make_training(pass_mark=None)
    user = make_member(first_name="Anna", last_name="Petrosyan")
    attend(event, user)
    response = _download(client, user, event)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get()
    text = _text(response.content)
    assert "Anna Petrosyan" in text
    assert "Training on residence permits" in text
    assert certificate.code in text
    assert f"/verify/{certificate.code}/" in text
    # Downloading again gives the same certificate.
    _download(client, user, event)
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "name", "header"),
    [
        ("ru", "Анна Петросян", "Платформа Миграционного партнёрства"),
        ("ka", "ნინო ბერიძე", None),
        ("hy", "Աննա Պետրոսյան", None),
    ],
)
def test_certificate_is_in_the_members_language(client, language, name, header):
    event = make_training(pass_mark=None)
    first, last = name.split()
    user = make_member(first_name=first, last_name=last, language=language)
    attend(event, user)
    text = _text(_download(client, user, event).content)
    assert name in text
    with translation.override(language):
        assert gettext("Certificate of attendance") in text
        assert gettext("Migration Partnership Platform") in text
        assert gettext("Training") in text
    if header:
        assert header in text


def test_a_certificate_needs_attendance(client):
    event = make_training(pass_mark=None)
    user = make_member()
    attend(event, user, attended=None)
    response = _download(client, user, event)
    assert response.status_code == 302
    assert not Certificate.objects.exists()


def test_a_certificate_needs_the_post_test_passed_where_set(client):
    event = make_training(pass_mark=50)
    user = make_member()
    registration = attend(event, user)
    assert _download(client, user, event).status_code == 302
    data = answers_for(event, right=False)
    evaluation.evaluation_submit(
        registration=registration,
        phase="post",
        answers={k: (int(v) if v.isdigit() else v) for k, v in data.items()},
    )
    assert _download(client, user, event).status_code == 302
    assert not Certificate.objects.exists()

    passer = make_member()
    client.force_login(passer)
    attend(event, passer)
    client.post(reverse("events:evaluation_form", args=[event.pk]), answers_for(event))
    assert _download(client, passer, event).status_code == 200


def test_another_member_cannot_fetch_someones_certificate(client):
    event = make_training(pass_mark=None)
    holder = make_member(first_name="Anna", last_name="Holder")
    attend(event, holder)
    assert _download(client, holder, event).status_code == 200
    other = make_member()
    # The URL names no certificate: another member asking gets their own, and has none.
    assert _download(client, other, event).status_code == 404


def test_verification_shows_only_name_event_and_date(client):
    event = make_training(pass_mark=None)
    user = make_member(first_name="Anna", last_name="Petrosyan", email="anna@example.org")
    certificate = certificates.certificate_issue(registration=attend(event, user))
    response = client.get(reverse("verify:certificate", args=[certificate.code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "This certificate is valid." in body
    assert "Anna Petrosyan" in body and "Training on residence permits" in body
    assert "anna@example.org" not in body and "Radisson" not in body


def test_verification_accepts_the_code_as_typed(client):
    event = make_training(pass_mark=None)
    certificate = certificates.certificate_issue(registration=attend(event, make_member()))
    typed = certificate.code.replace("-", " ").lower()
    response = client.get(reverse("verify:form"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/verify/{certificate.code}/")


def test_an_unknown_code_says_so_with_404(client):
    response = client.get(reverse("verify:certificate", args=["AAAA-BBBB-CCCC-DDDD"]))
    assert response.status_code == 404
    assert "No certificate has this code." in response.content.decode()
    response = client.get(reverse("verify:form"), {"code": "nothing"})
    assert response.status_code == 404


def test_an_empty_code_is_a_form_error(client):
    response = client.get(reverse("verify:form"), {"code": ""})
    assert response.status_code == 400
    assert "Enter the code printed on the certificate." in response.content.decode()


def test_the_unprefixed_verification_address_reaches_the_page(client):
    event = make_training(pass_mark=None)
    certificate = certificates.certificate_issue(registration=attend(event, make_member()))
    response = client.get(f"/verify/{certificate.code}/", follow=True)
    assert response.status_code == 200
    assert "This certificate is valid." in response.content.decode()


def test_the_secretariat_revokes_with_a_reason_and_it_verifies_as_revoked(client, secretariat):
    event = make_training(pass_mark=None)
    certificate = certificates.certificate_issue(registration=attend(event, make_member()))
    client.force_login(secretariat)
    listing = client.get(reverse("events:certificate_list", args=[event.pk])).content.decode()
    assert certificate.code in listing
    url = reverse("events:certificate_revoke", args=[certificate.pk])
    missing = client.post(url, {"reason": ""})
    assert missing.status_code == 400
    assert "Say why the certificate is revoked." in missing.content.decode()
    assert client.post(url, {"reason": "Did not attend the second day"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_reason == "Did not attend the second day"

    client.logout()
    body = client.get(reverse("verify:certificate", args=[certificate.code])).content.decode()
    assert "This certificate has been revoked." in body
    # The reason is the secretariat's, not the public's.
    assert "second day" not in body


def test_members_cannot_revoke(client):
    event = make_training(pass_mark=None)
    certificate = certificates.certificate_issue(registration=attend(event, make_member()))
    client.force_login(make_member())
    url = reverse("events:certificate_revoke", args=[certificate.pk])
    assert client.post(url, {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_codes_are_unguessable_and_normalised():
    codes = {Certificate._meta.get_field("code").default() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(code) == 19 and set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert normalise_code(code.lower().replace("-", " ")) == code


def test_donor_report_counts_trainings_gains_and_certificates():
    import datetime as dt

    from core.reports import Period
    from events.reports_evaluation import evaluation_section

    event = make_training(pass_mark=None)
    certificates.certificate_issue(registration=attend(event, make_member()))
    today = dt.date.today()
    section = evaluation_section(Period(today - dt.timedelta(days=30), today))
    figures = {f.label: f.value for f in section.figures}
    assert figures["Trainings held"] == 1
    assert figures["Certificates issued"] == 1
    row = section.tables[0].rows[0]
    assert row[0] == "Training on residence permits" and row[-1] == 1
    # One attended, none answered: no ratings shown.
    assert row[4] is None
