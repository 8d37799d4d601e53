"""The members app's dashboard panel: finishing one's profile, and invitations in flight."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from core.access import is_secretariat
from members.models import Invitation
from members.selectors import dashboard_panel, deletion_requests_unconfirmed, invitation_list


@hooks.register("register_dashboard_panel", order=30)
def profile_panel(user: Any) -> dict | None:
    return dashboard_panel(user=user)


@hooks.register("register_secretariat_panel", order=40)
def invitations_queue(user: Any) -> dict | None:
    if not is_secretariat(user):
        return None
    pending = invitation_list(status=Invitation.Status.PENDING)
    return {
        "template": "members/secretariat_queue.html",
        "count": pending.count(),
        "invitations": list(pending.order_by("expires_at")[:5]),
        "deletion_requests": deletion_requests_unconfirmed().count(),
    }
