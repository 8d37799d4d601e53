"""Writes: registrations, waitlist promotion, publication side effects, reminders, answers.

Seats are handed out under a row lock on the event's ledger, so concurrent registrations are
served one at a time: capacity can never be exceeded, and the unique constraint on
(event, user) keeps a member to one row whatever the timing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events import access
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
    SentReminder,
)

S = RegistrationStatus
REGISTRATION_FIELDS = ("accessibility_needs", "interpretation_language", "visa_letter", "dietary")


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _send_registration_email(registration: Registration, kind: str) -> None:
    from events import tasks

    language = _language()
    transaction.on_commit(
        lambda: tasks.send_registration_email.delay(registration.pk, kind, language)
    )


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
        if event.approval_required and not access.is_secretariat(user):
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
            language = _language()
            transaction.on_commit(
                lambda: tasks.send_event_change_email.delay(event.pk, changes, language)
            )
    return changes


# --- Reminders ------------------------------------------------------------------------------


def _reminder_days() -> list[int]:
    return sorted(getattr(settings, "EVENTS_REMINDER_DAYS", [7, 1]))


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
                transaction.on_commit(lambda pk=reminder.pk: tasks.send_event_reminder.delay(pk))
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
        response = _response_for(consultation=consultation, user=user, create=True)
        response = Response.objects.select_for_update().get(pk=response.pk)
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


def _has_value(value) -> bool:
    if isinstance(value, list):
        return any(value)
    return bool(str(value or "").strip())


def consultation_reminders_send_due(*, now: datetime | None = None) -> int:
    """Remind those asked who have not submitted, a few days before the deadline; once each."""
    from events import tasks
    from events.selectors import consultation_pending_users

    now = now or timezone.now()
    days = sorted(getattr(settings, "EVENTS_CONSULTATION_REMINDER_DAYS", [3]))
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
                transaction.on_commit(
                    lambda pk=reminder.pk: tasks.send_consultation_reminder.delay(pk)
                )
    return queued
