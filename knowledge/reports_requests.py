"""The library's part of the donor report: needs and requests handled in the period."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _
from wagtail import hooks

from core.reports import DONOR_REPORT_SECTION_HOOK, Cell, Figure, Period, ReportSection, Table
from knowledge.models import CapacityRequest, CapacityRequestChange
from knowledge.models.requests import RequestKind, RequestState


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def requests_section(period: Period) -> ReportSection:
    """Requests filed or moved on in the period: by kind and present state, and by country.
    Requests are not counts of people by a personal trait, so no group is hidden."""
    in_period = {"at__gte": period.starts_at, "at__lt": period.ends_before}
    handled_ids = set(
        CapacityRequestChange.objects.filter(**in_period).values_list("request_id", flat=True)
    )
    requests = list(CapacityRequest.objects.filter(pk__in=handled_ids).select_related("country"))
    filed = CapacityRequestChange.objects.filter(from_state="", **in_period).count()
    decided = CapacityRequestChange.objects.filter(**in_period).exclude(from_state="").count()

    # Each request's state when the period ended: the last step taken before then.
    state_at_end = dict(
        CapacityRequestChange.objects.filter(request_id__in=handled_ids, at__lt=period.ends_before)
        .order_by("at", "pk")
        .values_list("request_id", "to_state")
    )
    by_kind_state = Counter((r.kind, state_at_end.get(r.pk, r.state)) for r in requests)
    states = list(RequestState)
    kind_rows: list[list[Cell]] = [
        [str(kind.label), *(by_kind_state[(kind.value, state.value)] for state in states)]
        for kind in RequestKind
    ]
    by_country = Counter(r.country.label if r.country else _("No country") for r in requests)
    country_rows: list[list[Cell]] = [
        [label, n] for label, n in sorted(by_country.items(), key=lambda item: -item[1])
    ]
    return ReportSection(
        key="requests",
        title=_("Needs and requests"),
        order=60,
        figures=[
            Figure(_("Requests filed"), filed),
            Figure(_("Requests handled"), len(requests)),
            Figure(_("State changes by the secretariat"), decided),
        ],
        tables=[
            Table(
                key="requests_by_kind",
                caption=_("Requests by kind and state"),
                columns=[_("Kind"), *(str(state.label) for state in states)],
                rows=kind_rows,
                chart="stacked",
                note=_("Requests filed or moved on in the period, by their state at its end."),
            ),
            Table(
                key="requests_by_country",
                caption=_("Requests by country"),
                columns=[_("Country"), _("Requests")],
                rows=country_rows,
                chart="bars",
            ),
        ],
    )
