"""Writes for needs and requests: filing, and the secretariat's state changes. Each change is
kept as a history row; the e-mails it causes are queued when the transaction commits."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils.translation import gettext as _

from events.access import member_country
from events.models import EventPage
from events.services import email_once
from knowledge import access_requests as access
from knowledge.models import CapacityRequest, CapacityRequestChange, PracticeNotePage
from knowledge.models.requests import NEXT_STATES, PEER_EXCHANGE_KINDS, RequestKind, RequestState
from members.models import Profile
from taxonomy.models import Theme

# One row per (change, recipient) in events.SentEmail: a task run twice sends nothing again.
EMAIL_KIND = "capacity_request"


def _queue_emails(change: CapacityRequestChange) -> None:
    from knowledge import tasks

    transaction.on_commit(lambda: tasks.send_request_email.delay(change.pk))


def _record(
    request: CapacityRequest, *, from_state: str, by, note: str = ""
) -> CapacityRequestChange:
    change = CapacityRequestChange.objects.create(
        request=request, from_state=from_state, to_state=request.state, note=note, by=by
    )
    _queue_emails(change)
    return change


@transaction.atomic
def training_need_file(
    *,
    requester,
    theme: Theme | None,
    target_institutions: str,
    staff_count: int | None,
    preferred_format: str,
    preferred_period: str,
    description: str,
) -> CapacityRequest:
    """A government official's training need, for their own country."""
    if not access.can_file_training_need(requester):
        raise PermissionDenied
    request = CapacityRequest.objects.create(
        kind=RequestKind.TRAINING_NEED,
        requester=requester,
        country=member_country(requester),
        theme=theme,
        target_institutions=target_institutions,
        staff_count=staff_count,
        preferred_format=preferred_format,
        preferred_period=preferred_period,
        description=description,
    )
    _record(request, from_state="", by=requester)
    return request


@transaction.atomic
def peer_exchange_file(
    *, requester, note: PracticeNotePage, kind: str, message: str
) -> CapacityRequest:
    """A study visit or expert advice asked about a practice note the member may read."""
    if kind not in PEER_EXCHANGE_KINDS:
        raise ValidationError(_("Choose a study visit or expert advice."))
    if not access.can_file_peer_exchange(requester, note):
        raise PermissionDenied
    request = CapacityRequest.objects.create(
        kind=kind,
        requester=requester,
        country=member_country(requester),
        note=note,
        message=message,
    )
    _record(request, from_state="", by=requester)
    return request


@transaction.atomic
def request_state_change(
    *,
    request: CapacityRequest,
    to_state: str,
    by,
    note: str = "",
    reason: str = "",
    event: EventPage | None = None,
) -> CapacityRequest:
    """Move a request on (secretariat only). Declining needs a reason; planning, an event."""
    if not access.can_triage(by):
        raise PermissionDenied
    locked = CapacityRequest.objects.select_for_update().get(pk=request.pk)
    if to_state not in NEXT_STATES[locked.state]:
        raise ValidationError(
            _("A request that is %(state)s cannot become %(next)s.")
            % {"state": locked.get_state_display(), "next": RequestState(to_state).label}
        )
    if to_state == RequestState.DECLINED:
        if not reason.strip():
            raise ValidationError({"reason": _("Say why the request is declined.")})
        locked.decline_reason = reason.strip()
    if to_state == RequestState.PLANNED:
        if event is None:
            raise ValidationError({"event": _("Choose the event the request becomes.")})
        locked.event = event
    from_state = locked.state
    locked.state = to_state
    locked.save()
    _record(locked, from_state=from_state, by=by, note=note.strip())
    return locked


def _focal_points(request: CapacityRequest) -> list:
    if request.country_id is None:
        return []
    profiles = Profile.objects.filter(
        country_id=request.country_id, focal_point=True, user__is_active=True
    ).select_related("user")
    return [profile.user for profile in profiles]


def request_email_send(*, change_id: int) -> int:
    """The e-mails one history row causes, each sent once. Returns how many this call sent.

    Filing tells the note's author and the country's focal points; a state change tells the
    requester. Nobody is told about their own step.
    """
    from knowledge import emails_requests as emails

    change = (
        CapacityRequestChange.objects.select_related(
            "request__requester", "request__note__owner", "request__country", "request__event"
        )
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return 0
    request = change.request
    filed = change.from_state == ""
    if filed:
        recipients = _focal_points(request)
        if request.note is not None and request.note.owner is not None:
            recipients.insert(0, request.note.owner)
    else:
        recipients = [request.requester]

    def build(recipient) -> EmailMessage:
        return emails.filed_email(request, recipient) if filed else emails.state_email(change)

    sent = 0
    seen: set[int] = set()
    for recipient in recipients:
        if recipient.pk in seen or recipient.pk == change.by_id or not recipient.is_active:
            continue
        seen.add(recipient.pk)
        sent += email_once(
            kind=EMAIL_KIND,
            object_id=request.pk,
            recipient=recipient,
            occasion=f"change:{change.pk}",
            build=partial(build, recipient),
        )
    return sent
