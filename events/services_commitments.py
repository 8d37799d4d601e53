"""Writes for commitments: a focal point's (or the secretariat's) update of a commitment's
state, kept as a history row, and the overdue reminders to the country's focal points."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.db import transaction
from django.utils import timezone

from events import access_commitments, emails_commitments
from events.models import Commitment, CommitmentState, CommitmentUpdate, SentEmailKind
from events.services import email_once


def commitment_state(commitment: Commitment) -> str:
    """The current state: the last update's, or planned when nobody has updated it yet."""
    last = commitment.updates.order_by("-created_at", "-pk").values_list("to_state", flat=True)
    return last.first() or CommitmentState.PLANNED


def commitment_update(
    *,
    commitment: Commitment,
    user,
    to_state: str,
    note: str = "",
    evidence_urls: list[str] | None = None,
    evidence_page=None,
) -> CommitmentUpdate:
    """Record ``user``'s update of ``commitment``: from its current state to ``to_state``.

    The commitment's row is locked while the current state is read, so two updates at once
    each record the state the other left.
    """
    access_commitments.require_updater(user, commitment)
    if to_state not in CommitmentState.values:
        raise ValueError(f"unknown commitment state {to_state!r}")
    with transaction.atomic():
        Commitment.objects.select_for_update().filter(pk=commitment.pk).first()
        return CommitmentUpdate.objects.create(
            commitment=commitment,
            author=user,
            from_state=commitment_state(commitment),
            to_state=to_state,
            note=note,
            evidence_urls=list(evidence_urls or []),
            evidence_page=evidence_page,
        )


def overdue_recipients(commitment: Commitment) -> list:
    """The country's active focal points who may see the meeting."""
    from members.models import Profile

    profiles = Profile.objects.filter(
        focal_point=True, country_id=commitment.country_id, user__is_active=True
    ).select_related("user")
    return [
        profile.user
        for profile in profiles
        if access_commitments.can_view_commitment(profile.user, commitment)
    ]


def overdue_reminders_send(*, today: date | None = None) -> int:
    """Remind each focal point once about each open commitment past its date.

    The occasion is the date the commitment was due: a commitment given a new date and missing
    it again earns a new reminder; running this again sends nothing more.
    """
    today = today or timezone.localdate()
    overdue = (
        Commitment.objects.with_state()
        .overdue(today)
        .filter(page__live=True)
        .select_related("page", "country")
    )
    sent = 0
    for commitment in overdue:
        for user in overdue_recipients(commitment):
            sent += email_once(
                kind=SentEmailKind.COMMITMENT_OVERDUE,
                object_id=commitment.pk,
                recipient=user,
                occasion=f"due:{commitment.due_on.isoformat()}",
                build=partial(emails_commitments.overdue_email, commitment, user),
            )
    return sent
