"""Who may read and update a meeting's commitments, built on ``events.access``.

A commitment is seen by whoever may see its meeting (the event's tier, through the one access
layer); what a member may not see answers 404. Its state is updated by the focal points of its
country and by the secretariat; any other member who can read it gets 403 when they try.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.access import is_secretariat
from events.access import can_open_page, can_view_event, is_focal_point

if TYPE_CHECKING:
    from events.models import Commitment


def can_view_commitment(user, commitment: Commitment) -> bool:
    return can_view_event(user, commitment.page)


def commitment_or_404(user, commitment: Commitment | None) -> Commitment:
    if commitment is None or not can_view_commitment(user, commitment):
        raise Http404
    return commitment


def can_update_commitment(user, commitment: Commitment) -> bool:
    """The country's focal points, and the secretariat, among those who may see the meeting."""
    if not can_view_commitment(user, commitment):
        return False
    return is_secretariat(user) or is_focal_point(user, commitment.country)


def require_updater(user, commitment: Commitment) -> None:
    if not can_update_commitment(user, commitment):
        raise PermissionDenied


def can_open_evidence(user, page) -> bool:
    """An evidence page is named only to readers who may open it."""
    return page is not None and can_open_page(user, page)
