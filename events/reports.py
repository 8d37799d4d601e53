"""The events' part of the donor report: events held in a period, and who took part.

An event is counted once, however many languages its page is published in (its translations
share a ``translation_key``), when it started in the period, has started by now and was not
cancelled. Its participants are the registrations marked as attended where the secretariat
recorded attendance for the event, and the confirmed registrations where it did not. People are
counted once in the period, however many events they took part in.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from core.access import has_role
from core.collation import sort_key
from core.reports import (
    DONOR_REPORT_SECTION_HOOK,
    SMALLEST_GROUP,
    Figure,
    Period,
    ReportSection,
    Table,
    hide_small_groups,
)
from core.roles import Role
from events import access
from events.models import EventKind, EventPage, Registration, RegistrationStatus
from members.models import Gender

NO_COUNTRY = "—"


def events_held(period: Period) -> dict[str, EventPage]:
    """One page per event (the first published) that started in ``period``, by translation key."""
    latest = min(period.ends_before, timezone.now())
    pages = (
        EventPage.objects.live()
        .filter(cancelled=False, starts_at__gte=period.starts_at, starts_at__lt=latest)
        .prefetch_related("countries")
        .order_by("first_published_at", "pk")
    )
    held: dict[str, EventPage] = {}
    for page in pages:
        held.setdefault(str(page.translation_key), page)
    return held


def _participations(keys: set[str]) -> tuple[list[Registration], int, int]:
    """The registrations that count for the events of ``keys``, and how many events were counted
    from recorded attendance and how many from confirmed registrations."""
    registrations = (
        Registration.objects.filter(event__translation_key__in=keys)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("country", "event", "user__profile")
        .prefetch_related("user__groups")
    )
    by_event: dict[str, list[Registration]] = defaultdict(list)
    for registration in registrations:
        by_event[str(registration.event.translation_key)].append(registration)
    counted: list[Registration] = []
    recorded = 0
    for rows in by_event.values():
        if any(row.attended is not None for row in rows):
            recorded += 1
            counted += [row for row in rows if row.attended]
        else:
            counted += [row for row in rows if row.status == RegistrationStatus.CONFIRMED]
    return counted, recorded, len(keys) - recorded


def _sorted_rows(counts: Counter[str] | dict[str, int], last: str | None = None) -> list[list]:
    labels = sorted((label for label in counts if label != last), key=sort_key)
    rows: list[list] = [[label, counts[label]] for label in labels]
    if last is not None and counts.get(last):
        rows.append([last, counts[last]])
    return rows


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def events_section(period: Period) -> ReportSection:
    held = events_held(period)
    kind_labels = dict(EventKind.choices)
    by_kind: Counter[str] = Counter(str(kind_labels[page.kind]) for page in held.values())
    by_host: Counter[str] = Counter()
    for page in held.values():
        hosts = [country.label for country in page.countries.all()] or [NO_COUNTRY]
        by_host.update(hosts)

    counted, recorded, confirmed_only = _participations(set(held))
    people: dict[int, Registration] = {}
    for registration in sorted(counted, key=lambda row: row.event.starts_at):
        people[registration.user_id] = registration  # the latest event names their country
    by_country: Counter[str] = Counter(
        row.country.label if row.country else NO_COUNTRY for row in people.values()
    )
    role_labels = dict(Role.choices)
    by_role: Counter[str] = Counter()
    for row in people.values():
        roles = [str(label) for role, label in role_labels.items() if has_role(row.user, role)]
        by_role.update(roles or [NO_COUNTRY])
    gender_labels = {**{value: str(label) for value, label in Gender.choices}, "": _("Not said")}
    genders: Counter[str] = Counter()
    for row in people.values():
        profile = access.member_profile(row.user)
        genders[gender_labels[profile.gender if profile is not None else ""]] += 1
    hidden = _("Not shown (fewer than %(n)s)") % {"n": SMALLEST_GROUP}
    shown_genders = hide_small_groups(
        {label: genders[label] for label in gender_labels.values()}, hidden
    )

    basis = ngettext(
        "Participants are those who attended where attendance was recorded (%(recorded)s "
        "event), and those confirmed where it was not (%(confirmed)s).",
        "Participants are those who attended where attendance was recorded (%(recorded)s "
        "events), and those confirmed where it was not (%(confirmed)s).",
        recorded,
    ) % {"recorded": recorded, "confirmed": confirmed_only}
    once = _("Each person is counted once, however many events they took part in.")
    participants = _("Participants")
    events_column = _("Events")
    return ReportSection(
        key="events",
        title=_("Events and participants"),
        order=10,
        figures=[
            Figure(_("Events held"), len(held)),
            Figure(_("Participants (people)"), len(people)),
            Figure(_("Participations (people × events)"), len(counted)),
            Figure(_("Countries represented"), len([c for c in by_country if c != NO_COUNTRY])),
        ],
        tables=[
            Table(
                key="events-by-kind",
                caption=_("Events held by kind"),
                columns=[_("Kind"), events_column],
                rows=_sorted_rows(by_kind),
                chart="bars",
            ),
            Table(
                key="events-by-country",
                caption=_("Events held by host country"),
                columns=[_("Country"), events_column],
                rows=_sorted_rows(by_host, last=NO_COUNTRY),
                chart="bars",
                note=_("An event held in several countries counts in each."),
            ),
            Table(
                key="participants-by-country",
                caption=_("Participants by country"),
                columns=[_("Country"), participants],
                rows=_sorted_rows(by_country, last=NO_COUNTRY),
                chart="bars",
                note=f"{basis} {once}",
            ),
            Table(
                key="participants-by-role",
                caption=_("Participants by role"),
                columns=[_("Role"), participants],
                rows=_sorted_rows(by_role, last=NO_COUNTRY),
                chart="bars",
                note=f"{basis} {_('A person with several roles counts in each.')}",
            ),
            Table(
                key="participants-by-gender",
                caption=_("Participants by gender"),
                columns=[_("Gender"), participants],
                rows=[[label, n] for label, n in shown_genders.items()],
                chart="bars",
                note=" ".join(
                    [
                        basis,
                        ngettext(
                            "Gender as members gave it in their profile. Groups of fewer than "
                            "%(n)s person are not shown: they are counted together, with the "
                            "next smallest group when needed.",
                            "Gender as members gave it in their profile. Groups of fewer than "
                            "%(n)s people are not shown: they are counted together, with the "
                            "next smallest group when needed.",
                            SMALLEST_GROUP,
                        )
                        % {"n": SMALLEST_GROUP},
                    ]
                ),
            ),
        ],
    )
