"""Participation by gender: the secretariat's only, counted, and never a group under five."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from events import selectors, services
from events.wagtail_hooks import SecretariatEventsPanel
from members.models import Gender, Profile
from tests.events.builders import make_event

pytestmark = pytest.mark.django_db

HIDDEN = "Not shown (fewer than 5)"


def _participants(events_index, officials, genders: list[str], **event_fields):
    event = make_event(events_index, capacity=None, **event_fields)
    users = officials(len(genders), None)
    for user, gender in zip(users, genders, strict=True):
        if gender is not None:  # None: no profile row at all
            Profile.objects.update_or_create(user=user, defaults={"gender": gender})
        services.registration_create(event=event, user=user)
    return event


def _month(chart, when) -> dict[str, int]:
    index = chart["months"].index(timezone.localdate(when).strftime("%Y-%m"))
    return {label: values[index] for label, values in chart["series"].items() if values[index]}


def test_groups_under_five_are_merged_and_the_chart_says_so(events_index, officials, secretariat):
    start = timezone.now() + timedelta(days=20)
    _participants(
        events_index,
        officials,
        [Gender.WOMAN] * 6 + [Gender.MAN] * 5 + [Gender.ANOTHER] * 2 + ["", None, None],
        starts_at=start,
    )
    chart = selectors.participation_by_gender(viewer=secretariat)
    # "In another way" (2) and "Not said" (3, with or without a profile) are under five: both
    # are counted together, and that group has 5, so no other group needs to join it.
    assert _month(chart, start) == {"Woman": 6, "Man": 5, HIDDEN: 5}
    assert "fewer than 5" in chart["caption"]


def test_a_merged_group_under_five_takes_the_next_smallest_with_it(
    events_index, officials, secretariat
):
    start = timezone.now() + timedelta(days=20)
    _participants(
        events_index,
        officials,
        [Gender.WOMAN] * 7 + [Gender.MAN] * 6 + [Gender.ANOTHER] * 1,
        starts_at=start,
    )
    chart = selectors.participation_by_gender(viewer=secretariat)
    # One alone would be worked out from the total: the next smallest group is hidden with it.
    assert _month(chart, start) == {"Woman": 7, HIDDEN: 7}


def test_only_the_secretariat_sees_participation_by_gender(
    events_index, officials, secretariat, member, official
):
    _participants(events_index, officials, [Gender.WOMAN] * 5)
    assert selectors.participation_by_gender(viewer=member) is None
    assert selectors.participation_by_gender(viewer=official) is None
    charts = SecretariatEventsPanel(secretariat).get_context_data()["charts"]
    (gender,) = [c for c in charts if c["title"] == "Participants by gender and month"]
    assert "fewer than 5" in gender["caption"]
    assert [row["label"] for row in gender["rows"]] == ["Woman"]
