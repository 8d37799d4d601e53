"""Reads: event lists, the month calendar, page contexts, dashboards and statistics."""

from __future__ import annotations

import calendar as pycalendar
import zoneinfo
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone

from core.access import filter_by_tier
from events import access
from events.models import (
    ConsultationPage,
    EventFormat,
    EventKind,
    EventPage,
    Registration,
    RegistrationStatus,
    Response,
    ResponseMode,
    ResponseStatus,
)

S = RegistrationStatus
TZ_COOKIE = "events_tz"


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


def visible_events(user):
    return filter_by_tier(user, EventPage.objects.live())


def visible_consultations(user):
    return filter_by_tier(user, ConsultationPage.objects.live())


def event_index_context(*, index, user, params) -> dict:
    from taxonomy.models import Country, Theme

    now = timezone.now()
    events = visible_events(user).descendant_of(index)
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
    context = {
        "filters": filters,
        "filter_query": "&".join(f"{k}={v}" for k, v in query.items()),
        "view": view,
        "when": when,
        "kinds": EventKind.choices,
        "formats": EventFormat.choices,
        "countries": Country.objects.active(),
        "themes": Theme.objects.active(),
        "open_consultations": visible_consultations(user)
        .descendant_of(index)
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at"),
        "closed_consultations": visible_consultations(user)
        .descendant_of(index)
        .filter(closes_at__lte=now)
        .order_by("-closes_at")[:10],
    }
    if view == "calendar":
        context["month"] = month_grid(events=events, month=params.get("month", ""), now=now)
    else:
        if when == "past":
            listed = events.filter(ends_at__lt=now).order_by("-starts_at")
        else:
            listed = events.filter(ends_at__gte=now).order_by("starts_at")
        context["page_obj"] = Paginator(listed, 20).get_page(params.get("page"))
    return context


def _parse_month(value: str, now: datetime) -> date:
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        today = timezone.localdate(now)
        return today.replace(day=1)


def month_grid(*, events, month: str, now: datetime) -> dict:
    """Weeks of the month (Monday first), each day with the events on it in their own zone."""
    first = _parse_month(month, now)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]
    window = events.filter(
        starts_at__lt=datetime.combine(end + timedelta(days=2), datetime.min.time(), UTC),
        ends_at__gte=datetime.combine(start - timedelta(days=1), datetime.min.time(), UTC),
    ).order_by("starts_at")
    by_day: dict[date, list] = defaultdict(list)
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


def waitlist_place(registration: Registration) -> int | None:
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


def event_page_context(*, event: EventPage, request) -> dict:
    from events.forms import RegistrationForm

    user = request.user
    registration = registration_of(event=event, user=user)
    active = registration if registration and registration.status != S.CANCELLED else None
    zone_name = viewer_zone(request)
    return {
        "registration": active,
        "waitlist_place": waitlist_place(active),
        "eligibility": access.registration_eligibility(user, event),
        "seats": seat_counts(event=event),
        "show_online_link": access.can_see_online_link(user, event, active),
        "times": event_times(event, zone_name),
        "viewer_zone": zone_name,
        "zone_choices": sorted(zoneinfo.available_timezones()),
        "sessions": event.sessions.all(),
        "documents": event.documents.select_related("document"),
        "outcome_links": event.outcome_links.select_related("linked_page"),
        "can_manage": access.can_manage_events(user),
        "registration_form": RegistrationForm(instance=active),
        "is_past": event.is_past(),
    }


# --- Consultations --------------------------------------------------------------------------


def consultation_page_context(*, consultation: ConsultationPage, user) -> dict:
    from events.forms import ConsultationResponseForm
    from events.services import consultation_response_for

    eligibility = access.can_respond(user, consultation)
    response = consultation_response_for(consultation=consultation, user=user)
    questions = list(consultation.questions.all())
    form = None
    if eligibility.allowed:
        form = ConsultationResponseForm(questions=questions, response=response)
    return {
        "questions": questions,
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
    return responses.order_by("country__name", "submitted_at")


def consultation_pending_users(*, consultation: ConsultationPage) -> list:
    """Those asked who have not submitted yet (for country answers: the focal points)."""
    from members.models import User

    submitted = consultation.responses.filter(status=ResponseStatus.SUBMITTED)
    done_users = set(submitted.values_list("user_id", flat=True))
    done_countries = set(submitted.exclude(country=None).values_list("country_id", flat=True))
    pending = []
    for user in User.objects.filter(is_active=True).prefetch_related("groups"):
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


def dashboard_panel(*, user) -> dict | None:
    """The member's upcoming events and the consultations waiting for their answer."""
    now = timezone.now()
    registrations = list(
        Registration.objects.filter(user=user, event__live=True, event__ends_at__gte=now)
        .exclude(status=S.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")[:5]
    )
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
    return {
        "template": "events/dashboard_panel.html",
        "registrations": registrations,
        "consultations": [{"page": c, "submitted": c.pk in submitted} for c in consultations],
    }


def member_feed_events(*, user) -> list[tuple[EventPage, Registration]]:
    """Events in a member's calendar feed: those they hold a place (or a waitlist place) at."""
    since = timezone.now() - timedelta(days=90)
    registrations = (
        Registration.objects.filter(user=user, event__live=True, event__ends_at__gte=since)
        .exclude(status=S.CANCELLED)
        .select_related("event", "event__ledger")
        .order_by("event__starts_at")
    )
    return [(r.event, r) for r in registrations if access.can_view_event(user, r.event)]


def registrants(*, event: EventPage):
    return (
        Registration.objects.filter(event_id=event.pk)
        .select_related("user", "country")
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


def participation_by(
    *, dimension: str, months_back: int = 11, months_ahead: int = 2, now: datetime | None = None
) -> dict:
    """Confirmed participants per month of the event, split by country, role or gender.

    Returns ``{"months": [...], "series": {label: [count per month]}}``.
    """
    from core.roles import Role

    now = now or timezone.now()
    first = timezone.localdate(now).replace(day=1)
    start = first
    for _i in range(months_back):
        start = (start - timedelta(days=1)).replace(day=1)
    month_keys = []
    cursor = start
    while len(month_keys) < months_back + 1 + months_ahead:
        month_keys.append(cursor.strftime("%Y-%m"))
        cursor = (cursor + timedelta(days=32)).replace(day=1)
    rows = (
        Registration.objects.filter(
            status=S.CONFIRMED,
            event__starts_at__gte=datetime.combine(start, datetime.min.time(), UTC),
        )
        .select_related("country", "event")
        .prefetch_related("user__groups")
    )
    role_labels = dict(Role.choices)
    counts: Counter = Counter()
    for registration in rows:
        month = registration.event.starts_at.strftime("%Y-%m")
        if month not in month_keys:
            continue
        if dimension == "country":
            labels = [registration.country.label if registration.country else "—"]
        elif dimension == "role":
            names = [g.name for g in registration.user.groups.all() if g.name in role_labels]
            labels = [str(role_labels[n]) for n in names] or ["—"]
        else:  # gender, where the member chose to give it
            gender = access._profile_attr(registration.user, "gender")
            labels = [str(gender) if gender else "—"]
        for label in labels:
            counts[(label, month)] += 1
    series: dict[str, list[int]] = {}
    for label in sorted({label for label, _m in counts}):
        series[label] = [counts[(label, m)] for m in month_keys]
    return {"months": month_keys, "series": series}
