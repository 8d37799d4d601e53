"""Who may file, see and triage needs and requests, built on ``core.access``.

A requester sees their own requests; the focal points of a request's country see their
country's; the secretariat sees every request. Anyone else is told nothing: 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.http import Http404

from core.access import has_role, is_secretariat, user_keys
from core.roles import Role
from events.access import is_focal_point, member_country, member_profile
from knowledge.access import can_view_note

if TYPE_CHECKING:
    from knowledge.models import CapacityRequest, PracticeNotePage


def can_file_training_need(user) -> bool:
    """Government officials (focal points among them) file training needs for their country."""
    return has_role(user, Role.GOVERNMENT) and member_country(user) is not None


def can_file_peer_exchange(user, note: PracticeNotePage) -> bool:
    """Any member who may read a published note may ask for a study visit or advice on it."""
    return bool(user_keys(user)) and note.live and can_view_note(user, note)


def can_triage(user) -> bool:
    return is_secretariat(user)


def visible_requests(user) -> QuerySet[CapacityRequest]:
    from knowledge.models import CapacityRequest

    requests = CapacityRequest.objects.all()
    if not user_keys(user):
        return requests.none()
    if is_secretariat(user):
        return requests
    condition = Q(requester=user)
    profile = member_profile(user)
    if profile is not None and profile.country_id and is_focal_point(user):
        condition |= Q(country_id=profile.country_id)
    return requests.filter(condition)


def can_see_request(user, request: CapacityRequest) -> bool:
    if not user_keys(user):
        return False
    if is_secretariat(user) or request.requester_id == user.pk:
        return True
    return request.country is not None and is_focal_point(user, request.country)


def request_or_404(user, request: CapacityRequest | None) -> CapacityRequest:
    """A request the member may not see answers 404, like one that does not exist."""
    if request is None or not can_see_request(user, request):
        raise Http404
    return request


def sees_country_requests(user) -> bool:
    """Focal points (and the secretariat) see requests filed by others: "My requests" says so."""
    return is_secretariat(user) or is_focal_point(user)
