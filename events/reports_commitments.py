"""The donor report's section on commitments: made in the period, and their states at its end,
in all and by country."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _
from wagtail import hooks

from core.collation import sort_key
from core.reports import DONOR_REPORT_SECTION_HOOK, Figure, Period, ReportSection, Table
from events.models import CommitmentState, CommitmentUpdate
from events.selectors_commitments import states_at


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def commitments_section(period: Period) -> ReportSection:
    at_end = states_at(moment=period.ends_before)
    made = [c for c, _state in at_end if c.page.starts_at >= period.starts_at]
    states = Counter(state for _c, state in at_end)
    labels = dict(CommitmentState.choices)
    by_country: dict[str, Counter[str]] = {}
    for commitment, state in at_end:
        by_country.setdefault(commitment.country.label, Counter())[state] += 1
    updates = CommitmentUpdate.objects.filter(
        created_at__gte=period.starts_at, created_at__lt=period.ends_before
    ).count()
    return ReportSection(
        key="commitments",
        title=_("Commitments of regional meetings"),
        order=70,
        figures=[
            Figure(_("Commitments made in the period"), len(made)),
            Figure(_("Commitments followed at the end of the period"), len(at_end)),
            Figure(_("Done at the end of the period"), states[CommitmentState.DONE]),
            Figure(_("Status updates recorded in the period"), updates),
        ],
        tables=[
            Table(
                key="commitments_by_state",
                caption=_("Commitments by status at the end of the period"),
                columns=[_("Status"), _("Commitments")],
                rows=[[str(labels[value]), states[value]] for value in CommitmentState.values],
                chart="bars",
            ),
            Table(
                key="commitments_by_country",
                caption=_("Commitments by country and status at the end of the period"),
                columns=[_("Country"), *[str(labels[v]) for v in CommitmentState.values]],
                rows=[
                    [country, *[counts[v] for v in CommitmentState.values]]
                    for country, counts in sorted(by_country.items(), key=lambda i: sort_key(i[0]))
                ],
                chart="stacked",
            ),
        ],
    )
