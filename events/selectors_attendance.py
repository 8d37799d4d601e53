"""Reads for attendance and visa letters, with their relations loaded here once."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone

from core.collation import sort_key
from events import access_attendance
from events.models import (
    EventFormat,
    EventKind,
    EventPage,
    Registration,
    RegistrationStatus,
    VisaLetter,
    VisaLetterState,
)
from members.models import latin_key
from members.selectors import people_related

S = RegistrationStatus


def check_in_list(*, event: EventPage, query: str = "") -> list[Registration]:
    """The confirmed participants, by name as the interface language sorts it; ``query``
    matches a part of the name in any script, or of the e-mail address."""
    rows = (
        Registration.objects.filter(event_id=event.pk, status=S.CONFIRMED)
        .select_related("user", "country", *people_related("user"))
        .annotate(check_in_mode=F("check_in__mode"))
    )
    query = query.strip()[:100]
    if query:
        rows = rows.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(user__name_latin__icontains=latin_key(query))
        )
    return sorted(rows, key=lambda r: sort_key(r.user.display_name))


def attendance_counts(*, event: EventPage) -> dict[str, int]:
    # Aliases unlike the field names: Django refuses an aggregate named like a field it filters.
    counts = Registration.objects.filter(event_id=event.pk, status=S.CONFIRMED).aggregate(
        n_confirmed=Count("pk"),
        n_attended=Count("pk", filter=Q(attended=True)),
        n_online=Count("pk", filter=Q(attended=True, check_in__mode="online")),
        n_absent=Count("pk", filter=Q(attended=False)),
        n_unrecorded=Count("pk", filter=Q(attended__isnull=True)),
    )
    return {key.removeprefix("n_"): value or 0 for key, value in counts.items()}


def has_online_part(event: EventPage) -> bool:
    return event.format in (EventFormat.ONLINE, EventFormat.HYBRID)


def participant_panel(*, event: EventPage, registration: Registration | None, user) -> dict:
    """What the participant sees on the event page: their check-in code and their letter."""
    code = access_attendance.can_see_check_in_code(user, registration)
    visa = access_attendance.can_see_visa_letter(user, registration)
    letter = None
    if visa and registration is not None:
        letter = VisaLetter.objects.filter(registration=registration).first()
    return {
        "show": code or visa,
        "code": code and event.format != EventFormat.ONLINE and not event.cancelled,
        "visa": visa,
        "letter": letter,
        "registration": registration,
    }


def visa_requests(*, event: EventPage) -> list[dict[str, Any]]:
    """Every active registration of the event that asked for a letter, with its letter's state
    (``requested`` until the participant gives their details)."""
    rows = (
        Registration.objects.filter(event_id=event.pk, visa_letter=True)
        .exclude(status=S.CANCELLED)
        .select_related("user", "country", *people_related("user"))
    )
    letters = {
        letter.registration_id: letter
        for letter in VisaLetter.objects.filter(registration__in=rows).select_related("nationality")
    }
    items = []
    for registration in sorted(rows, key=lambda r: sort_key(r.user.display_name)):
        letter = letters.get(registration.pk)
        items.append(
            {
                "registration": registration,
                "letter": letter,
                "state": letter.state if letter else VisaLetterState.REQUESTED,
            }
        )
    return items


def visa_letter_of(*, registration: Registration) -> VisaLetter | None:
    return (
        VisaLetter.objects.filter(registration=registration).select_related("nationality").first()
    )


# --- Charts and the donor report -----------------------------------------------------------


def attendance_by_kind(*, starts_at, ends_before) -> list[dict[str, Any]]:
    """Events that took place in the period (ended before now), by kind: confirmed places,
    attended, did not attend, not recorded."""
    now = timezone.now()
    rows = (
        Registration.objects.filter(
            status=S.CONFIRMED,
            event__live=True,
            event__cancelled=False,
            event__starts_at__gte=starts_at,
            event__starts_at__lt=ends_before,
            event__ends_at__lt=now,
        )
        .values("event__kind")
        .annotate(
            n_registered=Count("pk"),
            n_attended=Count("pk", filter=Q(attended=True)),
            n_absent=Count("pk", filter=Q(attended=False)),
            n_unrecorded=Count("pk", filter=Q(attended__isnull=True)),
            n_events=Count("event", distinct=True),
        )
    )
    labels = dict(EventKind.choices)
    by_kind: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in rows:
        by_kind[row["event__kind"]] = {
            **{key.removeprefix("n_"): value for key, value in row.items()},
            "label": str(labels.get(row["event__kind"], "—")),
        }
    return [by_kind[kind] for kind in EventKind.values if kind in by_kind]


def attendance_chart_data(*, now=None) -> dict[str, Any]:
    """The last twelve months of past events: ``{"months": [...], "series": {...}}``."""
    from events.selectors import _month_keys

    now = now or timezone.now()
    _start, month_keys = _month_keys(now=now, months_back=11, months_ahead=0)
    return {"months": month_keys, "series": attendance_by_month(month_keys=month_keys, now=now)}


def attendance_by_month(*, month_keys: list[str], now=None) -> dict[str, list[int]]:
    """Confirmed places of past events per month: attended, did not attend, not recorded."""
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    series = {
        str(_("Attended")): [0] * len(month_keys),
        str(_("Did not attend")): [0] * len(month_keys),
        str(_("Not recorded")): [0] * len(month_keys),
    }
    names = list(series)
    index = {month: i for i, month in enumerate(month_keys)}
    rows = Registration.objects.filter(
        status=S.CONFIRMED, event__ends_at__lt=now, event__cancelled=False
    ).values_list("event__starts_at", "attended")
    for starts_at, attended in rows:
        i = index.get(starts_at.strftime("%Y-%m"))
        if i is None:
            continue
        name = names[0] if attended else names[1] if attended is False else names[2]
        series[name][i] += 1
    return {name: values for name, values in series.items() if any(values)}
