"""A calendar says what the member's place is (CONFIRMED, TENTATIVE, CANCELLED) and links to
the configured site, never to the host a request came in on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import icalendar
import ics
import pytest
from django.core import mail
from django.urls import reverse

from events import selectors, services
from events.models import RegistrationStatus
from tests.events.builders import make_event, publish

pytestmark = pytest.mark.django_db

SITE = "https://platform.eap-migration.example"


def _vevent(body: bytes):
    (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    return vevent


def _file(client, event) -> bytes:
    response = client.get(reverse("events:event_calendar", args=[event.pk]), HTTP_HOST="internal")
    assert response.status_code == 200
    return response.content


def _feed(client, user) -> bytes:
    token = services.feed_token_get_or_create(user=user).token
    return client.get(reverse("events:feed", args=[token])).content


@pytest.mark.parametrize(
    ("setup", "status"),
    [
        ({}, "CONFIRMED"),
        ({"capacity": 0}, "TENTATIVE"),  # waitlisted
        ({"approval_required": True}, "TENTATIVE"),  # awaiting approval
    ],
    ids=["confirmed", "waitlisted", "pending"],
)
def test_the_file_and_the_feed_say_how_sure_the_place_is(
    client, events_index, official, setup, status, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    event = make_event(events_index, **setup)
    services.registration_create(event=event, user=official)
    client.force_login(official)
    for body in (_file(client, event), _feed(client, official)):
        assert str(_vevent(body)["STATUS"]) == status
        (parsed,) = ics.Calendar(body.decode()).events
        assert parsed.status == status


def test_a_cancelled_place_and_a_cancelled_event_say_cancelled(
    client, events_index, official, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    event = make_event(events_index)
    services.registration_create(event=event, user=official)
    client.force_login(official)
    services.registration_cancel(registration=selectors.registration_of(event=event, user=official))
    assert str(_vevent(_file(client, event))["STATUS"]) == "CANCELLED"
    # The feed keeps the event, cancelled, so calendar apps take it out.
    assert str(_vevent(_feed(client, official))["STATUS"]) == "CANCELLED"

    other = make_event(events_index, title="Called off")
    services.registration_create(event=other, user=official)
    other.cancelled = True
    publish(other)
    assert str(_vevent(_file(client, other))["STATUS"]) == "CANCELLED"


def test_links_use_the_configured_site_address(client, events_index, official, settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]
    event = make_event(events_index)
    registration = services.registration_create(event=event, user=official)
    assert registration.status == RegistrationStatus.CONFIRMED
    client.force_login(official)

    url = str(_vevent(_file(client, event))["URL"])
    assert url == f"{SITE}/en/events/{event.slug}/"
    assert str(_vevent(_feed(client, official))["URL"]) == url
    (confirmation,) = mail.outbox
    assert f"{SITE}/en/events/{event.slug}/" in confirmation.body
    assert "example.com" not in confirmation.body and "internal" not in confirmation.body
    ics_file = confirmation.attachments[0]
    assert (
        str(_vevent(ics_file[1] if isinstance(ics_file, tuple) else ics_file.content)["URL"]) == url
    )
    page = client.get(reverse("events:feed_manage"), HTTP_HOST="internal").content.decode()
    assert f"{SITE}/en/events/calendar-feed/" in page
    assert "//internal/" not in page


ROOT = Path(__file__).resolve().parents[2]


def test_production_refuses_to_start_without_site_url():
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "SITE_URL")
        },
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k3y-" + "".join(chr(65 + i % 26) + str(i) for i in range(40)),
        "ALLOWED_HOSTS": "platform.example.org",
    }
    check = [sys.executable, "manage.py", "check"]
    result = subprocess.run(check, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr
    env["SITE_URL"] = "https://platform.example.org"
    result = subprocess.run(check, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
