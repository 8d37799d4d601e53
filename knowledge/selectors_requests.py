"""Reads for needs and requests, each through ``knowledge.access_requests``."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from knowledge import access_requests as access
from knowledge.models import CapacityRequest
from knowledge.models.requests import RequestState

QUEUE_PAGE_SIZE = 25
LIST_RELATED = ("requester", "country", "theme", "note", "event")


def requests_for(*, user) -> QuerySet[CapacityRequest]:
    """What ``user`` may see: their own, their country's if a focal point, all if secretariat."""
    return access.visible_requests(user).select_related(*LIST_RELATED)


def my_requests(*, user) -> dict[str, list[CapacityRequest]]:
    """The member's own requests and, for focal points, the others of their country."""
    own: list[CapacityRequest] = []
    country: list[CapacityRequest] = []
    for request in requests_for(user=user):
        (own if request.requester_id == user.pk else country).append(request)
    return {"own": own, "country": country}


def request_detail(*, user, request_id: int) -> CapacityRequest:
    request = (
        CapacityRequest.objects.select_related(*LIST_RELATED)
        .prefetch_related("changes__by")
        .filter(pk=request_id)
        .first()
    )
    return access.request_or_404(user, request)


def queue_page(*, filters: dict[str, str], page_number: int | None) -> Page:
    requests = CapacityRequest.objects.select_related(*LIST_RELATED)
    if filters["state"]:
        requests = requests.filter(state=filters["state"])
    if filters["kind"]:
        requests = requests.filter(kind=filters["kind"])
    if filters["country"]:
        requests = requests.filter(country__code=filters["country"])
    return Paginator(requests, QUEUE_PAGE_SIZE).get_page(page_number)


def new_requests_count() -> int:
    return CapacityRequest.objects.filter(state=RequestState.NEW).count()


def dashboard_panel(*, user) -> dict[str, Any] | None:
    """The member's own requests, newest first; nothing for members who have none and may
    not file a training need."""
    own = list(CapacityRequest.objects.filter(requester=user).select_related(*LIST_RELATED)[:5])
    may_file = access.can_file_training_need(user)
    if not own and not may_file:
        return None
    return {
        "template": "knowledge/requests/dashboard_panel.html",
        "requests": own,
        "may_file": may_file,
    }
