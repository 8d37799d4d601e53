"""Commitments are followed once: a translation or a copy of the meeting does not repeat them."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale

from events.models import Commitment
from tests.events.builders_commitments import days, make_meeting

pytestmark = pytest.mark.django_db

ACTION = "Adopt a reintegration strategy for returnees"


def test_a_copy_for_the_next_meeting_has_no_commitments():
    meeting = make_meeting(commitments=[("GE", ACTION, days(10), [])])
    copy = meeting.copy(update_attrs={"slug": "next-meeting", "title": "Next meeting"})
    assert not Commitment.objects.filter(page=copy).exists()
    assert Commitment.objects.count() == 1


def test_a_translation_shows_the_original_commitments_and_the_tracker_lists_them_once(
    client, member
):
    meeting = make_meeting(commitments=[("GE", ACTION, days(10), [])])
    translation = meeting.copy_for_translation(
        Locale.objects.get(language_code="ka"), copy_parents=True
    ).specific
    translation.language, translation.authoritative = "ka", False
    translation.save_revision().publish()
    assert Commitment.objects.count() == 1
    client.force_login(member)
    body = client.get(translation.url).content.decode()
    assert ACTION in body and 'lang="en"' in body
    tracker = client.get(reverse("events:commitments")).content.decode()
    assert tracker.count(ACTION) == 1
