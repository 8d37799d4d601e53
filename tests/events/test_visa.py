"""Visa invitation letters: passport details only when asked, the secretariat signs, the
participant downloads; nobody else sees them; all of it is gone 30 days after the event."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from events import services, services_attendance, tasks
from events.models import EventFormat, EventPage, VisaLetter
from taxonomy.models import Country
from tests.events.builders import make_event, set_country
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _text(body: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split()
    )


@pytest.fixture
def in_person(events_index):
    return make_event(
        events_index,
        format=EventFormat.IN_PERSON,
        title="Training on migration data",
        venue="Tbilisi Marriott",
        capacity=10,
    )


def _asking(event, *, visa=True, first="Nino", last="Beridze"):
    user = make_member(first_name=first, last_name=last)
    set_country(user, "GE")
    return services.registration_create(event=event, user=user, answers={"visa_letter": visa})


def _details_url(registration):
    return reverse("events:visa_details", kwargs={"registration_id": registration.pk})


def _pdf_url(registration):
    return reverse("events:visa_pdf", kwargs={"registration_id": registration.pk})


def _give_details(client, registration, **data):
    client.force_login(registration.user)
    return client.post(
        _details_url(registration),
        {
            "passport_name": "ნინო ბერიძე",
            "nationality": Country.objects.get(code="GE").pk,
            "passport_number": "13 ab 45678",
            **data,
        },
    )


def _sign(client, secretariat, registration, language="en"):
    client.force_login(secretariat)
    return client.post(
        reverse("events:visa_sign", kwargs={"registration_id": registration.pk}),
        {
            "signatory_name": "Елена Морару",
            "signatory_title": "Head of the Secretariat",
            "language": language,
        },
    )


def test_the_whole_letter_from_request_to_download(in_person, client, secretariat):
    registration = _asking(in_person)
    client.force_login(registration.user)
    page = client.get(in_person.url).content.decode()
    assert "Give your passport details" in page

    response = _give_details(client, registration)
    assert response.status_code == 302
    letter = VisaLetter.objects.get(registration=registration)
    assert letter.state == "details_given"
    assert letter.passport_number == "13AB45678"  # as printed, spaces dropped
    assert client.get(_pdf_url(registration)).status_code == 404  # not signed yet

    client.force_login(secretariat)
    listing = client.get(reverse("events:visa_list", kwargs={"event_id": in_person.pk}))
    assert "ნინო ბერიძე" in listing.content.decode()
    assert _sign(client, secretariat, registration, language="ru").status_code == 302
    letter.refresh_from_db()
    assert letter.state == "signed" and letter.signed_by == secretariat

    client.force_login(registration.user)
    assert "Download your letter (PDF)" in client.get(in_person.url).content.decode()
    response = client.get(_pdf_url(registration))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = _text(response.content)
    # Georgian and Cyrillic come out as text: the passport name, the signatory, the Russian
    # interface words of the letter.
    assert "ნინო ბერიძე" in text
    assert "Елена Морару" in text
    assert "13AB45678" in text and "Training on migration data" in text
    assert "Tbilisi Marriott" in text


def test_a_cyrillic_name_in_the_english_letter(in_person, client, secretariat):
    registration = _asking(in_person)
    _give_details(client, registration, passport_name="Олена Шевченко")
    _sign(client, secretariat, registration)
    client.force_login(registration.user)
    text = _text(client.get(_pdf_url(registration)).content)
    assert "Олена Шевченко" in text and "Invitation letter" in text


def test_another_member_cannot_see_or_fetch_the_letter(in_person, client, secretariat):
    registration = _asking(in_person)
    _give_details(client, registration)
    _sign(client, secretariat, registration)
    someone = make_member()
    set_country(someone, "GE")
    client.force_login(someone)
    assert client.get(_pdf_url(registration)).status_code == 404
    assert client.get(_details_url(registration)).status_code == 404
    assert client.post(_details_url(registration), {"passport_name": "X"}).status_code == 404
    assert (
        client.get(reverse("events:visa_list", kwargs={"event_id": in_person.pk})).status_code
        == 403
    )
    sign = reverse("events:visa_sign", kwargs={"registration_id": registration.pk})
    assert client.post(sign, {"signatory_name": "Me"}).status_code == 403
    # The secretariat reads the details but does not type them for the participant.
    client.force_login(secretariat)
    assert client.get(_pdf_url(registration)).status_code == 200
    assert client.post(_details_url(registration), {"passport_name": "X"}).status_code == 404


def test_no_letter_without_asking_for_one(in_person, client):
    registration = _asking(in_person, visa=False)
    client.force_login(registration.user)
    assert client.get(_details_url(registration)).status_code == 404
    assert "passport" not in client.get(in_person.url).content.decode().lower()


def test_bad_details_are_explained_and_kept(in_person, client):
    registration = _asking(in_person)
    response = _give_details(client, registration, passport_number="??", nationality="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "5 to 20 letters and digits" in page
    assert "ნინო ბერიძე" in page  # what was typed is still there
    assert not VisaLetter.objects.filter(registration=registration, state="details_given").exists()


def test_no_signature_without_details_and_changed_details_need_a_new_one(
    in_person, client, secretariat
):
    registration = _asking(in_person)
    assert _sign(client, secretariat, registration).status_code == 400
    _give_details(client, registration)
    _sign(client, secretariat, registration)
    _give_details(client, registration, passport_number="99XY12345")
    letter = VisaLetter.objects.get(registration=registration)
    assert letter.state == "details_given" and letter.pdf is None
    client.force_login(registration.user)
    assert client.get(_pdf_url(registration)).status_code == 404


def test_a_cancelled_registration_has_no_letter(in_person, client, secretariat):
    registration = _asking(in_person)
    _give_details(client, registration)
    _sign(client, secretariat, registration)
    services.registration_cancel(registration=registration)
    client.force_login(registration.user)
    assert client.get(_pdf_url(registration)).status_code == 404


def test_passport_data_is_purged_30_days_after_the_event(in_person, client, secretariat):
    registration = _asking(in_person)
    _give_details(client, registration)
    _sign(client, secretariat, registration)
    ends = timezone.now() - timedelta(days=29)
    EventPage.objects.filter(pk=in_person.pk).update(
        starts_at=ends - timedelta(hours=6), ends_at=ends
    )

    assert tasks.purge_visa_passport_data() == 0  # 29 days: kept
    assert VisaLetter.objects.get(registration=registration).passport_number == "13AB45678"

    later = timezone.now() + timedelta(days=2)
    assert services_attendance.visa_data_purge(now=later) == 1
    letter = VisaLetter.objects.get(registration=registration)
    assert letter.passport_name == "" and letter.passport_number == ""
    assert letter.nationality is None and letter.pdf is None and letter.purged_at is not None
    # Idempotent: a second run finds nothing left.
    assert services_attendance.visa_data_purge(now=later) == 0
    client.force_login(registration.user)
    assert client.get(_pdf_url(registration)).status_code == 404


def test_the_purge_runs_daily_on_the_reports_queue(settings):
    from config.celery import queue_of

    entry = settings.CELERY_BEAT_SCHEDULE["events-visa-purge"]
    assert entry["task"] == tasks.purge_visa_passport_data.name
    assert queue_of(entry["task"]) == "reports"


def test_the_requests_list_takes_a_flat_number_of_queries(
    in_person, client, secretariat, django_assert_max_num_queries
):
    for n in range(6):
        registration = _asking(in_person, first=f"Person{n}")
        if n % 2:
            _give_details(client, registration)
    client.force_login(secretariat)
    url = reverse("events:visa_list", kwargs={"event_id": in_person.pk})
    client.get(url)
    with django_assert_max_num_queries(20):
        assert client.get(url).status_code == 200
