"""Who reaches the commitments URLs (merged into ``tests/events/url_table.py``)."""

from __future__ import annotations

from tests.url_expectations import Expect


def _commitment(request) -> dict:
    from tests.events.builders_commitments import commitment_of, days, make_meeting

    meeting = make_meeting(commitments=[("GE", "Adopt a strategy", days(-5), [])])
    return {"commitment": commitment_of(meeting, "GE")}


def _kwargs(ctx):
    return {"commitment_id": ctx["commitment"].pk}


EXPECTED = {
    "events:commitments": Expect(),
    "events:commitment": Expect(setup=_commitment, kwargs=_kwargs),
    # Only the country's focal points and the secretariat update; nobody in the URL walk is
    # Georgia's focal point.
    "events:commitment_update": Expect(
        member=403,
        secretariat=302,
        method="post",
        data={"state": "in_progress", "note": "Under way."},
        setup=_commitment,
        kwargs=_kwargs,
    ),
}
