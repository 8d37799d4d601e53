"""Writes: registrations, waitlist promotion, publication side effects, reminders, answers.

Seats are handed out under a row lock on the event's ledger, so concurrent registrations are
served one at a time: capacity can never be exceeded, and the unique constraint on
(event, user) keeps a member to one row whatever the timing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.access import is_secretariat
from events import access, emails
from events.models import (
    Answer,
    CalendarFeedToken,
    ConsultationPage,
    ConsultationReminder,
    EventLedger,
    EventPage,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Response,
    ResponseMode,
    ResponseStatus,
    SentEmail,
    SentEmailKind,
    SentReminder,
)

S = RegistrationStatus
REGISTRATION_FIELDS = ("accessibility_needs", "interpretation_language", "visa_letter", "dietary")


def _send_registration_email(registration: Registration, kind: str) -> None:
    """Queued on commit; written in the member's language when it is sent."""
    from events import tasks

    transaction.on_commit(lambda: tasks.send_registration_email.delay(registration.pk, kind))


def _locked_ledger(event_id: int) -> EventLedger:
    """Lock the event's ledger row for the rest of the transaction."""
    ledger = EventLedger.objects.select_for_update().filter(event_id=event_id).first()
    if ledger is None:  # an event saved without being published through Wagtail
        EventLedger.objects.get_or_create(event_id=event_id)
        ledger = EventLedger.objects.select_for_update().get(event_id=event_id)
    return ledger


def _seat_free(event: EventPage, country_id: int | None) -> bool:
    confirmed = Registration.objects.filter(event_id=event.pk, status=S.CONFIRMED)
    if event.capacity is not None and confirmed.count() >= event.capacity:
        return False
    if event.seats_per_country is not None and country_id is not None:
        return confirmed.filter(country_id=country_id).count() < event.seats_per_country
    return True


def _promote_waitlisted(event: EventPage, now: datetime) -> list[Registration]:
    """Give free seats to the waitlist, first come first served. Call with the ledger locked."""
    promoted = []
    for registration in Registration.objects.filter(event_id=event.pk).waitlisted():
        if event.capacity is not None and not _seat_free(event, None):
            break
        if not _seat_free(event, registration.country_id):
            continue  # this country's seats are taken; the next in line may be from elsewhere
        registration.status = S.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _send_registration_email(registration, "promoted")
        promoted.append(registration)
    return promoted


def registration_create(
    *, event: EventPage, user, answers: dict | None = None, now: datetime | None = None
) -> Registration:
    """Register ``user``: confirmed while seats last, then waitlisted (or pending approval).

    Registering again while already registered changes only the answers.
    """
    now = now or timezone.now()
    eligibility = access.registration_eligibility(user, event, now=now)
    if not eligibility.allowed:
        raise PermissionDenied(eligibility.reason)
    answers = {k: v for k, v in (answers or {}).items() if k in REGISTRATION_FIELDS}
    country = access.member_country(user)
    with transaction.atomic():
        ledger = _locked_ledger(event.pk)
        registration = Registration.objects.filter(event_id=event.pk, user=user).first()
        if registration is not None and registration.status != S.CANCELLED:
            for key, value in answers.items():
                setattr(registration, key, value)
            registration.save()
            return registration
        if event.approval_required and not is_secretariat(user):
            status = S.PENDING
        elif _seat_free(event, country.pk if country else None):
            status = S.CONFIRMED
        else:
            status = S.WAITLISTED
        position = ledger.next_position
        EventLedger.objects.filter(pk=ledger.pk).update(next_position=position + 1)
        if registration is None:
            registration = Registration(event_id=event.pk, user=user)
        registration.status = status
        registration.position = position
        registration.country = country
        registration.cancelled_at = None
        registration.confirmed_at = now if status == S.CONFIRMED else None
        registration.attended = None
        for key, value in answers.items():
            setattr(registration, key, value)
        registration.save()
        _send_registration_email(registration, status)
    return registration


def registration_cancel(*, registration: Registration, now: datetime | None = None) -> list:
    """Cancel a registration; a freed seat goes to the first waitlisted. Returns the promoted."""
    now = now or timezone.now()
    with transaction.atomic():
        _locked_ledger(registration.event_id)
        registration.refresh_from_db()
        if registration.status == S.CANCELLED:
            return []
        freed = registration.status == S.CONFIRMED
        registration.status = S.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        _send_registration_email(registration, "cancelled")
        event = EventPage.objects.get(pk=registration.event_id)
        return _promote_waitlisted(event, now) if freed else []


def registration_decide(
    *, registration: Registration, approve: bool, now: datetime | None = None
) -> Registration:
    """The secretariat approves (a seat if free, else the waitlist) or declines a request."""
    now = now or timezone.now()
    with transaction.atomic():
        _locked_ledger(registration.event_id)
        registration.refresh_from_db()
        if registration.status != S.PENDING:
            return registration
        if not approve:
            registration.status = S.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at", "updated_at"])
            _send_registration_email(registration, "declined")
            return registration
        event = EventPage.objects.get(pk=registration.event_id)
        waiting_before = Registration.objects.filter(
            event_id=event.pk, status=S.WAITLISTED, position__lt=registration.position
        ).exists()
        if not waiting_before and _seat_free(event, registration.country_id):
            registration.status = S.CONFIRMED
            registration.confirmed_at = now
        else:
            registration.status = S.WAITLISTED
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        _send_registration_email(registration, registration.status)
    return registration


def attendance_mark(*, event: EventPage, attended_ids: Iterable[int]) -> int:
    """Record who came: confirmed registrants in ``attended_ids`` attended, the others did not."""
    attended_ids = set(attended_ids)
    confirmed = Registration.objects.filter(event_id=event.pk, status=S.CONFIRMED)
    with transaction.atomic():
        confirmed.filter(pk__in=attended_ids).update(attended=True)
        confirmed.exclude(pk__in=attended_ids).update(attended=False)
    return len(attended_ids)


def registrants_message(
    *, event: EventPage, subject: str, body: str, statuses: Iterable[str], sender
) -> None:
    from events import tasks

    statuses = [s for s in statuses if s in S.values and s != S.CANCELLED]
    if not statuses or not subject.strip() or not body.strip():
        raise ValidationError("A subject, a message and at least one group are needed.")
    transaction.on_commit(
        lambda: tasks.send_registrants_message.delay(
            event.pk, subject, body, list(statuses), sender.pk
        )
    )


# --- Calendar feed --------------------------------------------------------------------------


def feed_token_get_or_create(*, user) -> CalendarFeedToken:
    token, _created = CalendarFeedToken.objects.get_or_create(user=user)
    return token


def feed_token_rotate(*, user) -> CalendarFeedToken:
    token = feed_token_get_or_create(user=user)
    token.rotate()
    token.save()
    return token


# --- Publication: sequence and change notices -----------------------------------------------

TIME_KEYS = ("starts_at", "ends_at", "timezone")
PLACE_KEYS = ("venue", "address", "format")
LINK_KEYS = ("online_link",)


def _snapshot(event: EventPage) -> dict:
    return {
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat(),
        "timezone": event.timezone,
        "venue": event.venue,
        "address": event.address,
        "format": event.format,
        "online_link": event.online_link,
        "cancelled": event.cancelled,
    }


def event_published(*, event: EventPage, now: datetime | None = None) -> list[str]:
    """After a publish: bump SEQUENCE and tell participants when time, place or link changed,
    or the event was cancelled; hand seats added by a larger capacity to the waitlist.

    Returns the kinds of change found (``time``, ``place``, ``link``, ``cancelled``).
    """
    from events import tasks

    now = now or timezone.now()
    with transaction.atomic():
        ledger = _locked_ledger(event.pk)
        old, new = ledger.published_snapshot, _snapshot(event)
        changes = []
        if old:
            if any(old.get(k) != new[k] for k in TIME_KEYS):
                changes.append("time")
            if any(old.get(k) != new[k] for k in PLACE_KEYS):
                changes.append("place")
            if any(old.get(k) != new[k] for k in LINK_KEYS):
                changes.append("link")
            if new["cancelled"] and not old.get("cancelled"):
                changes.append("cancelled")
        ledger.published_snapshot = new
        if changes:
            ledger.sequence += 1
        ledger.save(update_fields=["published_snapshot", "sequence"])
        if not event.cancelled:
            _promote_waitlisted(event, now)
        if changes:
            sequence = ledger.sequence
            transaction.on_commit(
                lambda: tasks.send_event_change_email.delay(event.pk, changes, sequence)
            )
    return changes


# --- Reminders ------------------------------------------------------------------------------


def _reminder_days() -> list[int]:
    return sorted(settings.EVENTS_REMINDER_DAYS)


def reminders_send_due(*, now: datetime | None = None) -> int:
    """Queue the reminders now due; each (registration, offset, start time) goes out once.

    Of several offsets already due only the nearest is sent: a member who registers the day
    before gets the one-day reminder, not a late seven-day one as well.
    """
    from events import tasks

    now = now or timezone.now()
    days = _reminder_days()
    if not days:
        return 0
    horizon = now + timedelta(days=max(days))
    events = EventPage.objects.live().filter(
        cancelled=False, starts_at__gt=now, starts_at__lte=horizon
    )
    queued = 0
    for event in events:
        due = [d for d in days if event.starts_at - timedelta(days=d) <= now]
        if not due:
            continue
        offset = min(due)
        for registration in Registration.objects.filter(event_id=event.pk, status=S.CONFIRMED):
            try:
                with transaction.atomic():
                    reminder, created = SentReminder.objects.get_or_create(
                        registration=registration,
                        days_before=offset,
                        event_starts_at=event.starts_at,
                    )
            except IntegrityError:  # a concurrent run created it first
                continue
            if created:
                queued += 1
                transaction.on_commit(partial(tasks.send_event_reminder.delay, reminder.pk))
    return queued


# --- Consultations --------------------------------------------------------------------------


def _response_for(*, consultation: ConsultationPage, user, create: bool) -> Response | None:
    if consultation.mode == ResponseMode.COUNTRY:
        country = access.member_country(user)
        lookup = {"consultation": consultation, "country": country}
    else:
        lookup = {"consultation": consultation, "user": user, "country": None}
    response = Response.objects.filter(**lookup).first()
    if response is None and create:
        try:
            with transaction.atomic():
                response = Response.objects.create(**{**lookup, "user": user})
        except IntegrityError:  # two focal points of one country started at the same moment
            response = Response.objects.get(**lookup)
    return response


def consultation_response_for(*, consultation: ConsultationPage, user) -> Response | None:
    return _response_for(consultation=consultation, user=user, create=False)


def consultation_response_save(
    *, consultation: ConsultationPage, user, answers: dict[int, object], submit: bool
) -> Response:
    """Save answers as a draft or submit them; either stays editable until the deadline.

    ``answers`` maps question ids to text (free text) or a list of choices.
    """
    eligibility = access.can_respond(user, consultation)
    if not eligibility.allowed:
        raise PermissionDenied(eligibility.reason)
    questions = {q.pk: q for q in consultation.questions.all()}
    if submit:
        missing = [
            q.text for q in questions.values() if q.required and not _has_value(answers.get(q.pk))
        ]
        if missing:
            raise ValidationError({"missing": missing})
    with transaction.atomic():
        created = _response_for(consultation=consultation, user=user, create=True)
        assert created is not None  # create=True makes one
        response = Response.objects.select_for_update().get(pk=created.pk)
        for pk, question in questions.items():
            value = answers.get(pk)
            if question.kind == QuestionKind.TEXT:
                defaults = {"text": str(value or "").strip(), "selected": []}
            else:
                chosen = value if isinstance(value, list) else ([value] if value else [])
                allowed = question.choice_list
                chosen = [c for c in chosen if c in allowed]
                if question.kind == QuestionKind.CHOICE:
                    chosen = chosen[:1]
                defaults = {"text": "", "selected": chosen}
            Answer.objects.update_or_create(response=response, question=question, defaults=defaults)
        response.user = user
        if submit:
            response.status = ResponseStatus.SUBMITTED
            response.submitted_at = timezone.now()
        response.save()
    return response


@dataclass(frozen=True)
class ResponseOutcome:
    response: Response
    submitted: bool
    missing: list[str]


def consultation_response_record(
    *, consultation: ConsultationPage, user, answers: dict[int, object], submit: bool
) -> ResponseOutcome:
    """What the answer form does: submit when asked and complete; when required answers are
    missing, keep what was typed as a draft and say which questions need an answer."""
    try:
        response = consultation_response_save(
            consultation=consultation, user=user, answers=answers, submit=submit
        )
    except ValidationError as exc:
        response = consultation_response_save(
            consultation=consultation, user=user, answers=answers, submit=False
        )
        return ResponseOutcome(response, False, exc.message_dict.get("missing", []))
    return ResponseOutcome(response, submit, [])


def _has_value(value) -> bool:
    if isinstance(value, list):
        return any(value)
    return bool(str(value or "").strip())


def consultation_reminders_send_due(*, now: datetime | None = None) -> int:
    """Remind those asked who have not submitted, a few days before the deadline; once each."""
    from events import tasks
    from events.selectors import consultation_pending_users

    now = now or timezone.now()
    days = sorted(settings.EVENTS_CONSULTATION_REMINDER_DAYS)
    if not days:
        return 0
    queued = 0
    open_consultations = ConsultationPage.objects.live().filter(
        opens_at__lte=now, closes_at__gt=now, closes_at__lte=now + timedelta(days=max(days))
    )
    for consultation in open_consultations:
        due = [d for d in days if consultation.closes_at - timedelta(days=d) <= now]
        offset = min(due)
        for user in consultation_pending_users(consultation=consultation):
            try:
                with transaction.atomic():
                    reminder, created = ConsultationReminder.objects.get_or_create(
                        consultation=consultation, user=user, days_before=offset
                    )
            except IntegrityError:
                continue
            if created:
                queued += 1
                transaction.on_commit(partial(tasks.send_consultation_reminder.delay, reminder.pk))
    return queued


# --- Sending: each message once to each recipient -------------------------------------------


def email_once(
    *, kind: str, object_id: int, recipient, occasion: str, build: Callable[[], EmailMessage]
) -> bool:
    """Send ``build()`` to ``recipient`` unless this (kind, object, recipient, occasion) went out.

    The record and the sending share one transaction: a task delivered again finds the record
    and sends nothing; a second delivery running at the same moment meets the unique
    constraint; a send that fails leaves no record, so the retry sends. Returns True if sent.
    """
    try:
        with transaction.atomic():
            SentEmail.objects.create(
                kind=kind, object_id=object_id, recipient=recipient, occasion=occasion
            )
            build().send()
    except IntegrityError:
        return False
    return True


def event_change_notices_send(*, event_id: int, changes: list[str], sequence: int) -> int:
    """Tell everyone holding or awaiting a place that the event changed (SEQUENCE ``sequence``).

    Returns the number of messages sent by this call.
    """
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    registrations = (
        Registration.objects.filter(event_id=event_id)
        .exclude(status=S.CANCELLED)
        .select_related("user", "event")
    )
    sent = 0
    for registration in registrations:
        sent += email_once(
            kind=SentEmailKind.CHANGE,
            object_id=event.pk,
            recipient=registration.user,
            occasion=f"sequence:{sequence}",
            build=partial(emails.change_email, event, registration, changes),
        )
    return sent


def event_reminder_send(*, reminder_id: int) -> bool:
    """Send one due reminder (a ``SentReminder``), once."""
    reminder = (
        SentReminder.objects.filter(pk=reminder_id)
        .select_related("registration__event", "registration__user")
        .first()
    )
    if reminder is None or reminder.registration.status != S.CONFIRMED:
        return False
    registration = reminder.registration
    with transaction.atomic():
        sent = email_once(
            kind=SentEmailKind.REMINDER,
            object_id=registration.event_id,
            recipient=registration.user,
            occasion=f"{reminder.days_before}d:{reminder.event_starts_at.isoformat()}",
            build=lambda: emails.reminder_email(registration, reminder.days_before),
        )
        if sent:
            SentReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
    return sent


def consultation_reminder_send(*, reminder_id: int) -> bool:
    """Send one due consultation reminder (a ``ConsultationReminder``), once."""
    reminder = (
        ConsultationReminder.objects.filter(pk=reminder_id)
        .select_related("consultation", "user")
        .first()
    )
    if reminder is None:
        return False
    with transaction.atomic():
        sent = email_once(
            kind=SentEmailKind.CONSULTATION_REMINDER,
            object_id=reminder.consultation_id,
            recipient=reminder.user,
            occasion=f"{reminder.days_before}d",
            build=lambda: emails.consultation_reminder(reminder.consultation, reminder.user),
        )
        if sent:
            ConsultationReminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now())
    return sent


def registration_email_send(*, registration_id: int, kind: str) -> bool:
    registration = (
        Registration.objects.filter(pk=registration_id).select_related("event", "user").first()
    )
    if registration is None:
        return False
    emails.registration_email(registration, kind).send()
    return True


def registrants_message_send(*, event_id: int, subject: str, body: str, statuses: list[str]) -> int:
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    registrations = Registration.objects.filter(
        event_id=event_id, status__in=statuses
    ).select_related("user")
    for registration in registrations:
        emails.registrants_message(event, registration, subject, body).send()
    return len(registrations)
