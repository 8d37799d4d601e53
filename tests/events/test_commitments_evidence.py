"""A focal point links a practice note as evidence; only notes they may open are offered."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from events.models import CommitmentUpdate
from tests.events.builders import set_country
from tests.events.builders_commitments import commitment_of, days, make_meeting
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(db):
    from knowledge.services import library_setup

    return library_setup()


def test_practice_note_as_evidence(client, library):
    shown = make_note(library, title="Georgia's reintegration centres")
    hidden = make_note(library, title="Internal review of the centres", tier=Tier.SECRETARIAT)
    meeting = make_meeting(commitments=[("GE", "Open reintegration centres", days(30), [])])
    commitment = commitment_of(meeting, "GE")
    focal = set_country(make_member(Role.GOVERNMENT), "GE", focal_point=True)
    client.force_login(focal)
    detail = reverse("events:commitment", kwargs={"commitment_id": commitment.pk})
    update = reverse("events:commitment_update", kwargs={"commitment_id": commitment.pk})
    form = client.get(detail).content.decode()
    assert f'<option value="{shown.pk}">' in form
    assert "Internal review of the centres" not in form and f'value="{hidden.pk}"' not in form
    refused = client.post(update, {"state": "in_progress", "evidence_page": str(hidden.pk)})
    assert refused.status_code == 400
    assert not CommitmentUpdate.objects.exists()
    saved = client.post(update, {"state": "in_progress", "evidence_page": str(shown.pk)})
    assert saved.status_code == 302
    assert CommitmentUpdate.objects.get().evidence_page_id == shown.pk
    page = client.get(detail).content.decode()
    assert shown.url in page
