"""Reads: event lists, the month calendar, page contexts, dashboards and statistics."""

from __future__ import annotations

import calendar as pycalendar
import math
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.query import PageQuerySet

from core.access import filter_by_tier, has_role
from core.collation import sort_key
from core.formats import zone_choices
from core.links import in_translations_of
from core.params import bounded_int
from core.roles import Role
from core.versions import preferred_versions, readable_versions, version_note
from events import access
from events.calendar import CalendarEntry
from events.models import (
    CalendarFeedToken,
    ConsultationPage,
    EventFormat,
    EventKind,
    EventLedger,
    EventOutcomeLink,
    EventPage,
    Registration,
    RegistrationStatus,
    Response,
    ResponseMode,
    ResponseStatus,
)
from members.selectors import people_related

S = RegistrationStatus
TZ_COOKIE = "events_tz"
# The month calendar's reach: far enough for any real event, near enough that the previous and
# next months always exist (date arithmetic fails outside years 1 to 9999).
FIRST_YEAR, LAST_YEAR = 1990, 2100
# Participation by gender: smaller groups are not shown (a group of one is a person).
SMALLEST_GROUP = 5


# --- Time zones -----------------------------------------------------------------------------


def valid_zone(name: str | None) -> str | None:
    if not name or name not in zoneinfo.available_timezones():
        return None
    return name


def viewer_zone(request) -> str | None:
    """The zone a member asked for (``?tz=``, then a cookie), else their profile's."""
    return (
        valid_zone(request.GET.get("tz"))
        or valid_zone(request.COOKIES.get(TZ_COOKIE))
        or valid_zone(access.member_timezone_name(request.user))
    )


def event_times(event: EventPage, zone_name: str | None) -> list[dict]:
    """Start and end in the event's zone, then the member's zone (UTC when it is not known)."""
    zones = [event.timezone]
    other = zone_name or "UTC"
    if other != event.timezone:
        zones.append(other)
    rows = []
    for index, name in enumerate(zones):
        zone = zoneinfo.ZoneInfo(name)
        rows.append(
            {
                "zone": name,
                "is_event_zone": index == 0,
                "starts": timezone.localtime(event.starts_at, zone),
                "ends": timezone.localtime(event.ends_at, zone),
            }
        )
    return rows


# --- Lists ----------------------------------------------------------------------------------

# "Registration closes in n days" shows this many days ahead of the deadline.
CLOSING_SOON_DAYS = 7


@dataclass(frozen=True)
class EventListing:
    """An event on a list, with what the member's own registration says about it.

    ``status`` is the member's active registration (confirmed, waitlisted or pending), else "";
    ``waitlist_place`` their place on the waiting list (1 is next); ``closes_in_days`` counts
    the days left to register, for a member not registered when the deadline is near.
    """

    event: EventPage
    status: str = ""
    waitlist_place: int | None = None
    closes_in_days: int | None = None


def event_listings(
    *, user, events: Iterable[EventPage], now: datetime | None = None
) -> list[EventListing]:
    """``events`` with the member's badges, in one query for all of them (not one per event).

    The events come from ``visible_events`` (the access layer already chose them); only the
    member's own registrations are read, with their place on each waiting list counted by the
    database.
    """
    events = list(events)
    now = now or timezone.now()
    mine: dict[int, tuple[str, int]] = {}
    if user.is_authenticated and events:
        ahead = (
            Registration.objects.filter(
                event_id=OuterRef("event_id"),
                status=S.WAITLISTED,
                position__lt=OuterRef("position"),
            )
            .order_by()
            .values("event_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        rows = (
            Registration.objects.filter(user_id=user.pk, event_id__in=[e.pk for e in events])
            .exclude(status=S.CANCELLED)
            .annotate(ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)))
            .values_list("event_id", "status", "ahead")
        )
        mine = {event_id: (status, n) for event_id, status, n in rows}
    listings = []
    for event in events:
        if event.pk in mine:
            status, n = mine[event.pk]
            place = n + 1 if status == S.WAITLISTED else None
            listings.append(EventListing(event, status, place))
        else:
            listings.append(EventListing(event, closes_in_days=_closes_in_days(event, now)))
    return listings


def _closes_in_days(event: EventPage, now: datetime) -> int | None:
    """Days left to register when the deadline is within ``CLOSING_SOON_DAYS``, else None."""
    closes = event.registration_closes_at
    if not event.registration_open or event.cancelled or closes is None or closes <= now:
        return None
    if event.registration_opens_at and now < event.registration_opens_at:
        return None
    left = closes - now
    if left > timedelta(days=CLOSING_SOON_DAYS):
        return None
    return max(math.ceil(left / timedelta(days=1)), 1)


def visible_events(user) -> PageQuerySet:
    return filter_by_tier(user, EventPage.objects.live())


def visible_consultations(user) -> PageQuerySet:
    return filter_by_tier(user, ConsultationPage.objects.live())


def listed_events(user) -> PageQuerySet:
    """Events as lists show them: one version of each, in the reader's language when one is
    written in it, else the authoritative one (``core.versions``). Registrations stay on the
    version they were made on, so they are read from ``visible_events``."""
    return preferred_versions(visible_events(user))


def listed_consultations(user) -> PageQuerySet:
    return preferred_versions(visible_consultations(user))


def events_for_country(*, user, country, limit: int = 10) -> list[EventPage]:
    """Upcoming events concerning ``country`` that ``user`` may see, soonest first (for the
    country profile's "events" section)."""
    return list(
        listed_events(user)
        .filter(countries=country, ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")[:limit]
    )


def event_index_context(*, index, user, params: Mapping[str, str]) -> dict[str, Any]:
    from taxonomy.models import Country, Theme

    now = timezone.now()
    # The index in every language lists the events written below it in any language.
    events = in_translations_of(listed_events(user), index)
    filters = {
        "kind": params.get("kind", ""),
        "format": params.get("format", ""),
        "country": params.get("country", ""),
        "theme": params.get("theme", ""),
    }
    if filters["kind"] in EventKind.values:
        events = events.filter(kind=filters["kind"])
    if filters["format"] in EventFormat.values:
        events = events.filter(format=filters["format"])
    if filters["country"]:
        events = events.filter(countries__code=filters["country"].upper())
    if filters["theme"]:
        events = events.filter(themes__slug=filters["theme"])
    events = events.distinct().prefetch_related("countries", "themes")
    view = "calendar" if params.get("view") == "calendar" else "list"
    when = "past" if params.get("when") == "past" else "upcoming"
    query = {k: v for k, v in filters.items() if v}
    context: dict[str, Any] = {
        "filters": filters,
        "filter_query": urlencode(query),
        "view": view,
        "when": when,
        "kinds": EventKind.choices,
        "formats": EventFormat.choices,
        "countries": Country.objects.active().in_label_order(),
        "themes": Theme.objects.active().in_label_order(),
        "open_consultations": in_translations_of(listed_consultations(user), index)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at"),
        "closed_consultations": in_translations_of(listed_consultations(user), index)
        .filter(closes_at__lte=now)
        .order_by("-closes_at")[:10],
    }
    if view == "calendar":
        asked = params.get("month", "")
        first = parse_month(asked)
        if asked and first is None:
            context["month_error"] = _(
                "There is no month %(month)s in the calendar; here is the current month."
            ) % {"month": asked[:20]}
        context["month"] = month_grid(events=events, first=first, now=now)
    else:
        if when == "past":
            listed = events.filter(ends_at__lt=now).order_by("-starts_at")
        else:
            listed = events.filter(ends_at__gte=now).order_by("starts_at")
        # Paginator answers out-of-range pages with the last one; a hostile number is page 1.
        page = bounded_int(params.get("page"), minimum=1, default=1)
        page_obj = Paginator(listed, 20).get_page(page)
        context["page_obj"] = page_obj
        context["listings"] = event_listings(user=user, events=page_obj.object_list, now=now)
    return context


def parse_month(value: str) -> date | None:
    """``YYYY-MM`` within the calendar's reach, else None."""
    year_text, _dash, month_text = value.partition("-")
    year = bounded_int(year_text, minimum=FIRST_YEAR, maximum=LAST_YEAR)
    month = bounded_int(month_text, minimum=1, maximum=12)
    if year is None or month is None:
        return None
    return date(year, month, 1)


def month_grid(*, events, first: date | None, now: datetime) -> dict[str, Any]:
    """Weeks of the month (Monday first), each day with the events on it in their own zone.

    ``first`` is the month's first day; None shows the current month.
    """
    first = first or timezone.localdate(now).replace(day=1)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]
    window = events.filter(
        starts_at__lt=datetime.combine(end + timedelta(days=2), datetime.min.time(), UTC),
        ends_at__gte=datetime.combine(start - timedelta(days=1), datetime.min.time(), UTC),
    ).order_by("starts_at")
    by_day: dict[date, list[EventPage]] = defaultdict(list)
    for event in window:
        day = timezone.localtime(event.starts_at, event.zone).date()
        last = timezone.localtime(event.ends_at, event.zone).date()
        while day <= last:
            by_day[day].append(event)
            day += timedelta(days=1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return {
        "first": first,
        "previous": previous.strftime("%Y-%m"),
        "next": following.strftime("%Y-%m"),
        "weekdays": [weeks[0][i] for i in range(7)],
        "has_events": any(by_day[d] for week in weeks for d in week if d.month == first.month),
        "weeks": [
            [{"date": d, "in_month": d.month == first.month, "events": by_day[d]} for d in week]
            for week in weeks
        ],
    }


# --- Event page -----------------------------------------------------------------------------


def registration_of(*, event: EventPage, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event_id=event.pk, user=user).first()


def seat_counts(*, event: EventPage) -> dict:
    counts = dict(
        Registration.objects.filter(event_id=event.pk)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    confirmed = counts.get(S.CONFIRMED, 0)
    return {
        "confirmed": confirmed,
        "waitlisted": counts.get(S.WAITLISTED, 0),
        "pending": counts.get(S.PENDING, 0),
        "free": None if event.capacity is None else max(event.capacity - confirmed, 0),
    }


def waitlist_place(registration: Registration | None) -> int | None:
    if registration is None or registration.status != S.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=S.WAITLISTED,
            position__lt=registration.position,
        ).count()
        + 1
    )


def outcome_links(*, event: EventPage, user) -> list[EventOutcomeLink]:
    """The event's outcome pages the member may open; the others are not named."""
    links = event.outcome_links.select_related("linked_page")
    return [link for link in links if access.can_open_page(user, link.linked_page)]


def event_page_context(*, event: EventPage, request) -> dict[str, Any]:
    from events.forms import RegistrationForm

    user = request.user
    registration = registration_of(event=event, user=user)
    active = registration if registration and registration.status != S.CANCELLED else None
    zone_name = viewer_zone(request)
    versions = readable_versions(user=user, page=event)
    return {
        "versions": versions,
        "version_note": version_note(page=event, versions=versions),
        "registration": active,
        "waitlist_place": waitlist_place(active),
        "eligibility": access.registration_eligibility(user, event),
        "seats": seat_counts(event=event),
        "show_online_link": access.can_see_online_link(user, event, active),
        "times": event_times(event, zone_name),
        "viewer_zone": zone_name,
        "zone_choices": zone_choices(),
        "sessions": event.sessions.all(),
        "documents": event.documents.select_related("document"),
        "outcome_links": outcome_links(event=event, user=user),
        "can_manage": access.can_manage_events(user),
        "registration_form": RegistrationForm(instance=active),
        "is_past": event.is_past(),
    }


# --- Consultations --------------------------------------------------------------------------


def consultation_page_context(*, consultation: ConsultationPage, user) -> dict[str, Any]:
    from events.forms import ConsultationResponseForm
    from events.services import consultation_response_for

    eligibility = access.can_respond(user, consultation)
    response = consultation_response_for(consultation=consultation, user=user)
    questions = list(consultation.questions.all())
    form = None
    if eligibility.allowed:
        form = ConsultationResponseForm(questions=questions, response=response)
    versions = readable_versions(user=user, page=consultation)
    return {
        "versions": versions,
        "version_note": version_note(page=consultation, versions=versions),
        "questions": questions,
        "documents": consultation.documents.select_related("document"),
        "response": response,
        "respond": eligibility,
        "response_form": form,
        "can_view_answers": access.can_view_answers(user, consultation),
        "can_manage": access.can_manage_events(user),
        "is_open": consultation.is_open(),
        "is_closed": consultation.is_closed(),
        "submitted_count": consultation.responses.filter(status=ResponseStatus.SUBMITTED).count(),
    }


def consultation_answers(*, consultation: ConsultationPage, submitted_only: bool = True):
    responses = consultation.responses.select_related("user", "country").prefetch_related("answers")
    if submitted_only:
        responses = responses.filter(status=ResponseStatus.SUBMITTED)
    return sorted(
        responses,
        key=lambda response: (
            response.country is None,
            sort_key(response.country.label) if response.country else (),
            response.submitted_at or timezone.now(),
        ),
    )


def consultation_pending_users(*, consultation: ConsultationPage) -> list:
    """Those asked who have not submitted yet (for country answers: the focal points)."""
    from members.models import User

    submitted = consultation.responses.filter(status=ResponseStatus.SUBMITTED)
    done_users = set(submitted.values_list("user_id", flat=True))
    done_countries = set(submitted.exclude(country=None).values_list("country_id", flat=True))
    pending = []
    for user in User.objects.filter(is_active=True).select_related("profile"):
        if not access.in_consultation_audience(user, consultation):
            continue
        if consultation.mode == ResponseMode.COUNTRY:
            country = access.member_country(user)
            if country is None or country.pk in done_countries:
                continue
            if not access.is_focal_point(user, country):
                continue
        elif user.pk in done_users:
            continue
        pending.append(user)
    return pending


# --- Dashboards -----------------------------------------------------------------------------


def member_registrations(user, *, upcoming: bool = True) -> list[Registration]:
    """The member's registrations (not cancelled) for events they may see now.

    Returns ``Registration`` rows, each with ``.event`` (the ``EventPage``) loaded, ordered by
    the event's start. ``upcoming`` keeps events that have not ended yet; without it, past
    events come too. Only live events the member may see through ``core.access`` count: a
    place taken before the event became restricted does not reveal it.
    """
    registrations = Registration.objects.filter(
        user_id=user.pk, event__in=visible_events(user)
    ).exclude(status=S.CANCELLED)
    if upcoming:
        registrations = registrations.filter(event__ends_at__gte=timezone.now())
    return list(registrations.select_related("event").order_by("event__starts_at", "pk"))


def _open_consultations(user, *, now: datetime) -> list[tuple[ConsultationPage, bool]]:
    """Open consultations in the member's audience, soonest closing first, each with whether
    the member (or, for country answers, their country's focal point) has answered."""
    consultations = [
        c
        for c in visible_consultations(user)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")[:10]
        if access.in_consultation_audience(user, c)
    ][:5]
    submitted: set[int] = set()
    if consultations:
        # Answered by me, or (for country answers) by my country's focal point.
        mine = Q(user=user, country__isnull=True)
        country = access.member_country(user)
        if country is not None:
            mine |= Q(country=country)
        submitted = set(
            Response.objects.filter(
                mine, consultation__in=consultations, status=ResponseStatus.SUBMITTED
            ).values_list("consultation_id", flat=True)
        )
    return [(c, c.pk in submitted) for c in consultations]


def waitlist_places(registrations: list[Registration]) -> dict[int, int]:
    """Each waitlisted registration's place in its queue (1 is next), in one query."""
    waiting = [r.pk for r in registrations if r.status == S.WAITLISTED]
    if not waiting:
        return {}
    ahead = (
        Registration.objects.filter(
            event_id=OuterRef("event_id"), status=S.WAITLISTED, position__lt=OuterRef("position")
        )
        .order_by()
        .values("event_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        Registration.objects.filter(pk__in=waiting)
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .values_list("pk", "ahead")
    )
    return {pk: n + 1 for pk, n in rows}


def dashboard_panel(*, user) -> dict[str, Any]:
    """The member's upcoming events, each with its state (registered, waitlisted and the
    place, awaiting approval), and the consultations waiting for their answer."""
    now = timezone.now()
    registrations = member_registrations(user)[:5]
    places = waitlist_places(registrations)
    return {
        "template": "events/dashboard_panel.html",
        "registrations": [{"registration": r, "place": places.get(r.pk)} for r in registrations],
        "consultations": [
            {"page": c, "submitted": submitted}
            for c, submitted in _open_consultations(user, now=now)
        ],
    }


# The dashboard's "upcoming deadlines" reach this far ahead.
DEADLINE_DAYS = 30


def upcoming_deadlines(*, user, now: datetime | None = None) -> list[dict[str, Any]]:
    """Deadlines ahead for the member: registration closing for events they may register for
    (and have not), and answers due to consultations they have not answered."""
    from core.links import localized_url

    now = now or timezone.now()
    taken = Registration.objects.filter(user_id=user.pk).exclude(status=S.CANCELLED)
    events = (
        listed_events(user)
        .filter(
            registration_open=True,
            cancelled=False,
            registration_closes_at__gt=now,
            registration_closes_at__lte=now + timedelta(days=DEADLINE_DAYS),
        )
        .exclude(pk__in=taken.values("event_id"))
        .prefetch_related("eligible_roles", "eligible_countries")
        .order_by("registration_closes_at")[:5]
    )
    deadlines = [
        {
            "when": event.registration_closes_at,
            "kind": _("Registration closes"),
            "title": event.title,
            "language": event.language,
            "url": localized_url(event),
        }
        for event in events
        if access.registration_eligibility(user, event, now=now).allowed
    ]
    deadlines += [
        {
            "when": consultation.closes_at,
            "kind": _("Answers due"),
            "title": consultation.title,
            "language": consultation.language,
            "url": localized_url(consultation),
        }
        for consultation, submitted in _open_consultations(user, now=now)
        if not submitted and consultation.closes_at <= now + timedelta(days=DEADLINE_DAYS)
    ]
    return deadlines


FEED_DAYS_BACK = 90


def feed_owner(*, token: str):
    """The active member whose calendar feed ``token`` opens; 404 for any other token."""
    from django.http import Http404

    feed_token = CalendarFeedToken.objects.filter(token=token).select_related("user").first()
    if feed_token is None or not feed_token.user.is_active:
        raise Http404
    return feed_token.user


def member_feed(*, user) -> list[CalendarEntry]:
    """The entries of the member's calendar feed (see ``member_feed_registrations``)."""
    registrations = member_feed_registrations(user=user)
    sequences = dict(
        EventLedger.objects.filter(event_id__in={r.event_id for r in registrations}).values_list(
            "event_id", "sequence"
        )
    )
    return [
        CalendarEntry(
            event=r.event,
            registration=r,
            sequence=sequences.get(r.event_id, 0),
            include_link=access.can_see_online_link(user, r.event, r),
        )
        for r in registrations
    ]


def member_feed_registrations(*, user) -> list[Registration]:
    """A member's calendar feed: every place they hold, wait for or gave up, at events they may
    see, from three months back. Cancelled places stay in the feed (as CANCELLED) so that
    calendar apps take the event out instead of keeping a stale copy."""
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    return list(
        Registration.objects.filter(
            user_id=user.pk, event__in=visible_events(user), event__ends_at__gte=since
        )
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def registrants(*, event: EventPage):
    return (
        Registration.objects.filter(event_id=event.pk)
        .select_related("user", "country", *people_related("user"))
        .order_by("status", "position")
    )


# --- Secretariat statistics -----------------------------------------------------------------


def secretariat_overview(*, now: datetime | None = None) -> dict:
    now = now or timezone.now()
    upcoming = list(
        EventPage.objects.live()
        .filter(ends_at__gte=now)
        .order_by("starts_at")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=S.CONFIRMED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=S.WAITLISTED)),
            pending=Count("registrations", filter=Q(registrations__status=S.PENDING)),
        )[:10]
    )
    consultations = list(
        ConsultationPage.objects.live()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at")
        .annotate(
            submitted=Count("responses", filter=Q(responses__status=ResponseStatus.SUBMITTED)),
            drafts=Count("responses", filter=Q(responses__status=ResponseStatus.DRAFT)),
        )
    )
    return {"upcoming": upcoming, "consultations": consultations}


def _month_keys(*, now: datetime, months_back: int, months_ahead: int) -> tuple[date, list[str]]:
    first = timezone.localdate(now).replace(day=1)
    start = first
    for _i in range(months_back):
        start = (start - timedelta(days=1)).replace(day=1)
    month_keys: list[str] = []
    cursor = start
    while len(month_keys) < months_back + 1 + months_ahead:
        month_keys.append(cursor.strftime("%Y-%m"))
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    return start, month_keys


def participation_by(
    *, dimension: str, months_back: int = 11, months_ahead: int = 2, now: datetime | None = None
) -> dict[str, Any]:
    """Confirmed participants (people, each counted once a month) per month of the event, split
    by country or role. Gender has its own selector: ``participation_by_gender``.

    Returns ``{"months": [...], "series": {label: [count per month]}}``.
    """
    now = now or timezone.now()
    start, month_keys = _month_keys(now=now, months_back=months_back, months_ahead=months_ahead)
    people = _participants(start=start, month_keys=month_keys)
    role_labels = dict(Role.choices)
    roles_of: dict[int, list[str]] = {}  # asked once a person, not once a registration
    cells: dict[tuple[str, str], set[int]] = defaultdict(set)
    for month, registration in people:
        if dimension == "country":
            labels = [registration.country.label if registration.country else "—"]
        elif dimension == "role":
            user = registration.user
            if user.pk not in roles_of:
                roles_of[user.pk] = [
                    str(label) for role, label in role_labels.items() if has_role(user, role)
                ]
            labels = roles_of[user.pk] or ["—"]
        else:
            raise ValueError(f"no participation chart by {dimension!r}")
        for label in labels:
            cells[(label, month)].add(registration.user_id)
    series: dict[str, list[int]] = {}
    for label in sorted({label for label, _m in cells}, key=sort_key):
        series[label] = [len(cells[(label, m)]) for m in month_keys]
    return {"months": month_keys, "series": series}


def _participants(*, start: date, month_keys: list[str]) -> list[tuple[str, Registration]]:
    rows = Registration.objects.filter(
        status=S.CONFIRMED,
        event__starts_at__gte=datetime.combine(start, datetime.min.time(), UTC),
    ).select_related("country", "event", "user__profile")
    pairs = []
    for registration in rows:
        month = registration.event.starts_at.strftime("%Y-%m")
        if month in month_keys:
            pairs.append((month, registration))
    return pairs


def participation_by_gender(
    *, viewer, months_back: int = 11, months_ahead: int = 2, now: datetime | None = None
) -> dict[str, Any] | None:
    """Confirmed participants per month by the gender they gave (Woman, Man, In another way,
    Not said); None for anyone but the secretariat.

    No month shows a group of fewer than ``SMALLEST_GROUP`` people: such groups are merged into
    "Not shown (fewer than 5)", and while that merged group is itself smaller, the next smallest
    group joins it, so that no hidden number can be worked out from the others.
    Returns ``{"months": [...], "series": {label: [count per month]}, "caption": str}``.
    """
    from members.models import Gender

    if not access.can_see_gender(viewer):
        return None
    now = now or timezone.now()
    start, month_keys = _month_keys(now=now, months_back=months_back, months_ahead=months_ahead)
    not_said = _("Not said")
    labels = {**{value: str(label) for value, label in Gender.choices}, "": str(not_said)}
    cells: dict[tuple[str, str], set[int]] = defaultdict(set)
    for month, registration in _participants(start=start, month_keys=month_keys):
        profile = access.member_profile(registration.user)
        gender = profile.gender if profile is not None else ""
        cells[(labels[gender], month)].add(registration.user_id)
    hidden = _("Not shown (fewer than %(n)s)") % {"n": SMALLEST_GROUP}
    order = [*labels.values(), hidden]
    series: dict[str, list[int]] = {label: [0] * len(month_keys) for label in order}
    for index, month in enumerate(month_keys):
        counts = {label: len(cells[(label, month)]) for label in labels.values()}
        merged = 0
        for label in [label for label, n in counts.items() if 0 < n < SMALLEST_GROUP]:
            merged += counts.pop(label)
        while 0 < merged < SMALLEST_GROUP and any(counts.values()):
            smallest = min((n, label) for label, n in counts.items() if n)[1]
            merged += counts.pop(smallest)
        for label, n in counts.items():
            series[label][index] = n
        series[hidden][index] = merged
    return {
        "months": month_keys,
        "series": {label: values for label, values in series.items() if any(values)},
        "caption": ngettext(
            "Counted only where members gave their gender in their profile. Groups of fewer "
            "than %(n)s person in a month are not shown: they are counted together under "
            "“Not shown”, with the next smallest group when needed.",
            "Counted only where members gave their gender in their profile. Groups of fewer "
            "than %(n)s people in a month are not shown: they are counted together under "
            "“Not shown”, with the next smallest group when needed.",
            SMALLEST_GROUP,
        )
        % {"n": SMALLEST_GROUP},
    }


def registrations_awaiting_approval(*, limit: int = 5) -> tuple[int, list[Registration]]:
    """Registrations the secretariat has still to approve (upcoming events): how many, and the
    oldest first, with their people loaded for the author lines."""
    waiting = Registration.objects.filter(
        status=S.PENDING, event__live=True, event__ends_at__gte=timezone.now()
    )
    first = waiting.select_related("event", "user", *people_related("user")).order_by(
        "created_at", "pk"
    )[:limit]
    return waiting.count(), list(first)
