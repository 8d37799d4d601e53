"""The events app's dashboard panel: the member's upcoming events and the consultations
waiting for their answer, each list read through the access layer."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone
from wagtail import hooks

from events import access, selectors
from events.models import Response, ResponseStatus


@hooks.register("register_dashboard_panel", order=10)
def events_panel(user: Any) -> dict:
    now = timezone.now()
    # Registrations whose event the member may still see: one made before the event became
    # restricted no longer shows it.
    registrations = list(selectors.member_registrations(user, upcoming=True))[:5]
    consultations = [
        c
        for c in selectors.visible_consultations(user)
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
