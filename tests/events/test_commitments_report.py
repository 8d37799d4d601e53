"""The donor report's commitments section, and the focal point's dashboard deadlines."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Period
from core.roles import Role
from events import selectors_commitments, services_commitments
from events.models import CommitmentUpdate
from tests.events.builders import set_country
from tests.events.builders_commitments import commitment_of, days, make_meeting
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _section(period: Period):
    sections = [fn(period) for fn in hooks.get_hooks(DONOR_REPORT_SECTION_HOOK)]
    return next(s for s in sections if s.key == "commitments")


def test_report_counts_states_at_the_end_of_the_period(secretariat):
    meeting = make_meeting(
        commitments=[
            ("GE", "Adopt a strategy", days(-5), []),
            ("AM", "Publish statistics", days(30), []),
            ("MD", "Open a desk", days(30), []),
        ]
    )
    services_commitments.commitment_update(
        commitment=commitment_of(meeting, "GE"), user=secretariat, to_state="done"
    )
    update = services_commitments.commitment_update(
        commitment=commitment_of(meeting, "AM"), user=secretariat, to_state="in_progress"
    )
    # The Armenian update came after the period: at its end the commitment was still planned.
    today = timezone.localdate()
    CommitmentUpdate.objects.filter(pk=update.pk).update(
        created_at=timezone.now() + timedelta(days=3)
    )
    section = _section(Period(start=today - timedelta(days=90), end=today))
    figures = {f.label: f.value for f in section.figures}
    assert figures["Commitments made in the period"] == 3
    assert figures["Done at the end of the period"] == 1
    tables = {t.key: t for t in section.tables}
    by_state = {row[0]: row[1] for row in tables["commitments_by_state"].rows}
    assert by_state == {"Planned": 2, "In progress": 0, "Done": 1, "Dropped": 0}
    assert ["Georgia", 0, 0, 1, 0] in tables["commitments_by_country"].rows
    # A period before the meeting counts nothing.
    early = _section(Period(start=today - timedelta(days=400), end=today - timedelta(days=300)))
    assert {f.label: f.value for f in early.figures}["Commitments made in the period"] == 0


def test_deadlines_for_the_focal_point_only():
    meeting = make_meeting(
        commitments=[("GE", "Adopt a strategy", days(10), []), ("GE", "Far off", days(200), [])]
    )
    focal = set_country(make_member(Role.GOVERNMENT), "GE", focal_point=True)
    official = set_country(make_member(Role.GOVERNMENT), "GE")
    items = selectors_commitments.deadlines(user=focal)
    assert [i["title"] for i in items] == ["Adopt a strategy"]
    first = meeting.commitments.get(action="Adopt a strategy")
    assert items[0]["url"].endswith(f"/events/commitments/{first.pk}/")
    assert selectors_commitments.deadlines(user=official) == []
    assert selectors_commitments.dashboard_panel(user=official) is None
