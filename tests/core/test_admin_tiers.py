"""The Wagtail admin respects tiers: an expert sees and chooses only the pages, documents and
images they may see as a member; the secretariat sees everything."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from tests.core.conftest import make_document, make_image
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Zanzibar readmission talks"
SECRET_DOCUMENT = "Zanzibar negotiating brief"
SECRET_IMAGE = "Zanzibar border chart"
OPEN_TITLE = "Open labour pilot"
OPEN_DOCUMENT = "Open pilot evaluation"


@pytest.fixture
def notes(library):
    secret_document = make_document(SECRET_DOCUMENT)
    secret_image = make_image(SECRET_IMAGE)
    secret = make_note(
        library,
        title=SECRET_TITLE,
        tier=Tier.SECRETARIAT,
        body=[
            ("document", {"document": secret_document, "title": ""}),
            ("image", {"image": secret_image, "alt_text": "A chart", "caption": "Crossings"}),
        ],
    )
    open_document = make_document(OPEN_DOCUMENT)
    open_note = make_note(
        library,
        title=OPEN_TITLE,
        body=[("document", {"document": open_document, "title": ""})],
    )
    return {"secret": secret, "open": open_note, "library": library}


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_member(role, is_staff=role == Role.SECRETARIAT))
    return client


def _screens(library) -> dict[str, str]:
    return {
        "explorer": reverse("wagtailadmin_explore", args=[library.pk]),
        "explorer search": reverse("wagtailadmin_explore", args=[library.pk]) + "?q=Zanzibar",
        "page search": reverse("wagtailadmin_pages:search") + "?q=Zanzibar",
        "page chooser": reverse("wagtailadmin_choose_page_child", args=[library.pk]),
        "page chooser search": reverse("wagtailadmin_choose_page_search") + "?q=Zanzibar",
        "document chooser": reverse("wagtaildocs_chooser:choose"),
        "document chooser search": reverse("wagtaildocs_chooser:choose") + "?q=Zanzibar",
        "image chooser": reverse("wagtailimages_chooser:choose"),
        "site history": reverse("wagtailadmin_reports:site_history"),
    }


SCREENS = [
    "explorer",
    "explorer search",
    "page search",
    "page chooser",
    "page chooser search",
    "document chooser",
    "document chooser search",
    "image chooser",
    "site history",
]


@pytest.mark.parametrize("screen", SCREENS)
def test_an_expert_never_sees_a_secretariat_note_or_its_files(notes, screen):
    response = _client(Role.EXPERT).get(_screens(notes["library"])[screen])
    assert response.status_code == 200
    content = response.content.decode()
    for secret in (SECRET_TITLE, SECRET_DOCUMENT, SECRET_IMAGE):
        assert secret not in content


@pytest.mark.parametrize(
    ("screen", "shown"),
    [
        ("explorer", OPEN_TITLE),
        ("page chooser", OPEN_TITLE),
        ("document chooser", OPEN_DOCUMENT),
        ("site history", OPEN_TITLE),
    ],
)
def test_an_expert_still_sees_what_members_see(notes, screen, shown):
    response = _client(Role.EXPERT).get(_screens(notes["library"])[screen])
    assert shown in response.content.decode()


@pytest.mark.parametrize(
    ("screen", "secret"),
    [
        ("explorer", SECRET_TITLE),
        ("explorer search", SECRET_TITLE),
        ("page search", SECRET_TITLE),
        ("page chooser", SECRET_TITLE),
        ("page chooser search", SECRET_TITLE),
        ("document chooser", SECRET_DOCUMENT),
        ("document chooser search", SECRET_DOCUMENT),
        ("image chooser", SECRET_IMAGE),
        ("site history", SECRET_TITLE),
    ],
)
def test_the_secretariat_sees_everything(notes, screen, secret):
    response = _client(Role.SECRETARIAT).get(_screens(notes["library"])[screen])
    assert response.status_code == 200
    assert secret in response.content.decode()


def test_an_expert_chooses_their_own_unused_upload(library):
    expert = make_member(Role.EXPERT)
    make_document("My fresh upload", uploaded_by=expert)
    make_document("Someone else's upload", uploaded_by=make_member(Role.EXPERT))
    client = Client()
    client.force_login(expert)
    content = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "My fresh upload" in content
    assert "Someone else&#x27;s upload" not in content and "Someone else's upload" not in content


def test_an_expert_does_not_see_a_colleagues_draft(library):
    make_note(
        library, title="Unfinished colleague draft", owner=make_member(Role.EXPERT), publish=False
    )
    content = _client(Role.EXPERT).get(reverse("wagtailadmin_explore", args=[library.pk]))
    assert "Unfinished colleague draft" not in content.content.decode()
