"""Reads for commitments: the tracker with its filters and charts, one commitment with its
history, the event page's conclusions, the focal point's dashboard, the donor report's counts.

Every list starts from ``visible_commitments``: commitments of the meetings the reader may see
(the events' access rule), so the tracker never names a meeting the reader cannot open.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.collation import sort_key
from core.params import bounded_int
from events import access_commitments
from events.access import member_profile
from events.models import (
    Commitment,
    CommitmentState,
    CommitmentUpdate,
    EventPage,
)
from events.models.commitments import OPEN_STATES
from events.selectors import visible_events
from taxonomy.models import Country, Theme, label_order


def visible_commitments(user):
    """Commitments of meetings ``user`` may see, each with its current ``state``."""
    return Commitment.objects.filter(page__in=visible_events(user)).with_state()


def commitment_for(*, user, commitment_id: int) -> Commitment:
    """One commitment the reader may see (404 for any other)."""
    commitment = (
        Commitment.objects.with_state()
        .select_related("page", "country")
        .prefetch_related("themes")
        .filter(pk=commitment_id)
        .first()
    )
    return access_commitments.commitment_or_404(user, commitment)


def is_overdue(commitment: Commitment, today: date) -> bool:
    return commitment.due_on < today and commitment.state in OPEN_STATES


@dataclass(frozen=True)
class TrackerFilters:
    country: str = ""
    theme: str = ""
    meeting: int | None = None
    state: str = ""
    overdue: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> TrackerFilters:
        state = str(params.get("state", ""))
        return cls(
            country=str(params.get("country", ""))[:2].upper(),
            theme=str(params.get("theme", ""))[:100],
            meeting=bounded_int(params.get("meeting"), minimum=1),
            state=state if state in CommitmentState.values else "",
            overdue=params.get("overdue") == "1",
        )

    def query(self) -> str:
        pairs = [
            ("country", self.country),
            ("theme", self.theme),
            ("meeting", str(self.meeting or "")),
            ("state", self.state),
            ("overdue", "1" if self.overdue else ""),
        ]
        return urlencode([(k, v) for k, v in pairs if v])


def _state_labels() -> dict[str, str]:
    return {value: str(label) for value, label in CommitmentState.choices}


def state_by_country(commitments: list[Commitment]) -> dict[str, Any]:
    """Counts by country (rows, in label order) and state (columns)."""
    cells: Counter[tuple[int, str]] = Counter((c.country_id, c.state) for c in commitments)
    countries = label_order({c.country for c in commitments})
    labels = _state_labels()
    return {
        "states": list(labels.values()),
        "rows": [
            {
                "label": country.label,
                "values": [cells[(country.pk, state)] for state in labels],
                "total": sum(cells[(country.pk, state)] for state in labels),
            }
            for country in countries
        ],
    }


def updates_by_month(
    commitments: list[Commitment], *, now: datetime | None = None, months: int = 12
) -> dict[str, Any]:
    """State changes recorded per month over the last ``months`` months, by the state reached."""
    now = now or timezone.now()
    first = timezone.localdate(now).replace(day=1)
    keys = [first.strftime("%Y-%m")]
    cursor = first
    for _i in range(months - 1):
        cursor = (cursor - timedelta(days=1)).replace(day=1)
        keys.insert(0, cursor.strftime("%Y-%m"))
    start = datetime.combine(cursor, time.min, tzinfo=timezone.get_current_timezone())
    rows = CommitmentUpdate.objects.filter(
        commitment__in=[c.pk for c in commitments], created_at__gte=start
    ).values_list("created_at", "to_state", "from_state")
    cells: Counter[tuple[str, str]] = Counter()
    for created, to_state, from_state in rows:
        if to_state != from_state:
            cells[(timezone.localtime(created).strftime("%Y-%m"), to_state)] += 1
    labels = _state_labels()
    # Every state, even one never reached, so that each keeps its colour in both charts.
    series = {labels[state]: [cells[(key, state)] for key in keys] for state in labels}
    if not any(cells.values()):
        series = {}
    return {"months": keys, "series": series}


def tracker_context(*, user, params: Mapping[str, str], today: date | None = None) -> dict:
    from core import formats
    from events import charts_commitments

    today = today or timezone.localdate()
    filters = TrackerFilters.from_params(params)
    every = visible_commitments(user)
    commitments = every.select_related("page", "country").prefetch_related("themes")
    if filters.country:
        commitments = commitments.filter(country__code=filters.country)
    if filters.theme:
        commitments = commitments.filter(themes__slug=filters.theme).distinct()
    if filters.meeting:
        commitments = commitments.filter(page_id=filters.meeting)
    if filters.state:
        commitments = commitments.filter(state=filters.state)
    if filters.overdue:
        commitments = commitments.overdue(today)
    rows = sorted(
        commitments,
        key=lambda c: (c.country.sort_group, sort_key(c.country.label), c.due_on, c.pk),
    )
    for commitment in rows:
        commitment.is_overdue = is_overdue(commitment, today)
    by_country = state_by_country(rows)
    over_time = updates_by_month(rows)
    meetings = EventPage.objects.filter(pk__in=every.values("page_id")).order_by("-starts_at")
    return {
        "filters": filters,
        "filter_query": filters.query(),
        "commitments": rows,
        "overdue_count": sum(1 for c in rows if c.is_overdue),
        "countries": label_order(Country.objects.filter(commitments__in=every).distinct()),
        "themes": label_order(Theme.objects.filter(commitments__in=every).distinct()),
        "meetings": list(meetings),
        "states": CommitmentState.choices,
        "by_country": by_country,
        "by_country_svg": charts_commitments.state_bars(
            title=_("Commitments by country and state"),
            rows=by_country["rows"],
            states=by_country["states"],
            uid="chart-commitments-country",
        ),
        "over_time": {
            **over_time,
            "month_labels": [formats.month_label(m) for m in over_time["months"]],
            "rows": [
                {"label": label, "values": values, "total": sum(values)}
                for label, values in over_time["series"].items()
            ],
        },
        "over_time_svg": charts_commitments.over_time(
            title=_("Changes of state by month"), data=over_time
        )
        if over_time["series"]
        else "",
    }


def commitment_history(*, user, commitment: Commitment) -> list[dict]:
    """The commitment's updates, newest first; an evidence page only for readers who may
    open it."""
    updates = commitment.updates.select_related("author", "evidence_page")
    return [
        {
            "update": update,
            "evidence_page": update.evidence_page
            if access_commitments.can_open_evidence(user, update.evidence_page)
            else None,
        }
        for update in updates
    ]


def commitments_version(*, user, event: EventPage) -> EventPage:
    """The version of ``event`` whose commitments are followed: its own when it has any,
    else another language's version the reader may see, the authoritative one first
    (translations are made without the commitments: ``EventPage.exclude_fields_in_copy``)."""
    if Commitment.objects.filter(page=event).exists():
        return event
    others = (
        visible_events(user)
        .filter(translation_key=event.translation_key, commitments__isnull=False)
        .exclude(pk=event.pk)
        .distinct()
        .order_by("-authoritative", "pk")
    )
    return others.first() or event


def event_outcome(*, user, event: EventPage, today: date | None = None) -> dict:
    """The meeting's conclusions and commitments (grouped by country), for its page."""
    today = today or timezone.localdate()
    source = commitments_version(user=user, event=event)
    commitments = list(
        Commitment.objects.filter(page=source)
        .with_state()
        .select_related("country")
        .prefetch_related("themes")
        .order_by("sort_order", "pk")
    )
    groups: dict[int, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        commitment.is_overdue = is_overdue(commitment, today)
        groups[commitment.country_id].append(commitment)
    countries = label_order({c.country for c in commitments})
    return {
        "conclusions": list(event.conclusions.all()),
        "by_country": [{"country": c, "commitments": groups[c.pk]} for c in countries],
        "language": source.language,
        "tracker_url": reverse("events:commitments") + f"?meeting={source.pk}",
    }


# --- dashboard ------------------------------------------------------------------------------


def focal_point_open(*, user, limit: int = 8) -> list[Commitment] | None:
    """Open commitments of the focal point's country (None for anyone not a focal point)."""
    profile = member_profile(user)
    if profile is None or not profile.focal_point or profile.country_id is None:
        return None
    return list(
        visible_commitments(user)
        .filter(country_id=profile.country_id, state__in=OPEN_STATES)
        .select_related("page")
        .order_by("due_on", "pk")[:limit]
    )


def dashboard_panel(*, user) -> dict | None:
    commitments = focal_point_open(user=user)
    if commitments is None:
        return None
    today = timezone.localdate()
    for commitment in commitments:
        commitment.is_overdue = is_overdue(commitment, today)
    return {"template": "events/commitments/dashboard_panel.html", "commitments": commitments}


# The dashboard's deadlines reach as far ahead as the events' (events.selectors.DEADLINE_DAYS).
DEADLINE_DAYS = 30


def deadlines(*, user) -> list[dict]:
    """Open commitments of the focal point's country due within a month or already overdue."""
    commitments = focal_point_open(user=user, limit=20) or []
    horizon = timezone.localdate() + timedelta(days=DEADLINE_DAYS)
    zone = timezone.get_current_timezone()
    return [
        {
            "when": datetime.combine(c.due_on, time.max, tzinfo=zone),
            "kind": _("Commitment due"),
            "title": c.action[:120],
            "language": c.page.language,
            "url": reverse("events:commitment", kwargs={"commitment_id": c.pk}),
        }
        for c in commitments
        if c.due_on <= horizon
    ]


# --- donor report ---------------------------------------------------------------------------


def states_at(*, moment: datetime) -> list[tuple[Commitment, str]]:
    """Every commitment of a meeting held before ``moment``, with its state then."""
    commitments = list(
        Commitment.objects.filter(page__live=True, page__starts_at__lt=moment).select_related(
            "country", "page"
        )
    )
    updates = (
        CommitmentUpdate.objects.filter(commitment__in=[c.pk for c in commitments])
        .filter(created_at__lt=moment)
        .order_by("created_at", "pk")
        .values_list("commitment_id", "to_state")
    )
    # In order of time: each commitment's last update before ``moment`` is the one kept.
    last: dict[int, str] = dict(updates)
    return [(c, last.get(c.pk, CommitmentState.PLANNED)) for c in commitments]
