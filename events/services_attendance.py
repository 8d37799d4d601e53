"""Writes for attendance and visa letters.

A check-in code is a signed token (``django.core.signing``, a salt of its own) naming the
registration: the secretariat's scan or a typed code finds the registration without a lookup
table, and a forged or altered code fails the signature. Passport details and signed letters
are wiped 30 days after the event by a periodic task that can run any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone

from core.pdf import render_pdf
from events.models import (
    AttendanceMode,
    CheckIn,
    EventPage,
    Registration,
    RegistrationStatus,
    VisaLetter,
    VisaLetterState,
)

S = RegistrationStatus
CHECK_IN_SALT = "events.attendance.check-in"
VISA_RETENTION_DAYS = 30


# --- Check-in codes -------------------------------------------------------------------------


def _signer() -> signing.Signer:
    return signing.Signer(salt=CHECK_IN_SALT, algorithm="sha256")


def check_in_token(*, registration: Registration) -> str:
    """The participant's personal code: ``<registration id>:<signature>``."""
    return _signer().sign(str(registration.pk))


def registration_from_token(*, token: str) -> Registration | None:
    """The registration a code names, or None for a code that is not one of ours."""
    try:
        value = _signer().unsign(token.strip())
    except signing.BadSignature:
        return None
    if not value.isdigit():
        return None
    return (
        Registration.objects.filter(pk=int(value))
        .select_related("user", "country", "event", "check_in")
        .first()
    )


@dataclass(frozen=True)
class ScanOutcome:
    """What a scan or typed code did: ``error`` is one of ``invalid``, ``other_event``,
    ``not_confirmed``, or empty when the person is checked in (``already``: before now)."""

    registration: Registration | None
    error: str = ""
    already: bool = False
    other_event: EventPage | None = None


def check_in_by_code(*, event: EventPage, code: str, by) -> ScanOutcome:
    registration = registration_from_token(token=code)
    if registration is None:
        return ScanOutcome(None, "invalid")
    if registration.event_id != event.pk:
        return ScanOutcome(registration, "other_event", other_event=registration.event)
    if registration.status != S.CONFIRMED:
        return ScanOutcome(registration, "not_confirmed")
    already = bool(registration.attended)
    if not already:
        check_in_record(registration=registration, by=by, mode=AttendanceMode.IN_PERSON)
    return ScanOutcome(registration, already=already)


# --- Recording attendance -------------------------------------------------------------------


def check_in_record(*, registration: Registration, by, mode: str = AttendanceMode.IN_PERSON):
    """``registration`` attended (in person or online). Only a confirmed place can attend."""
    if registration.status != S.CONFIRMED:
        raise ValueError("only a confirmed participant can be checked in")
    if mode not in AttendanceMode.values:
        raise ValueError(f"no attendance mode {mode!r}")
    with transaction.atomic():
        Registration.objects.filter(pk=registration.pk).update(
            attended=True, updated_at=timezone.now()
        )
        CheckIn.objects.update_or_create(
            registration=registration, defaults={"mode": mode, "recorded_by": by}
        )
    registration.attended = True


def check_in_undo(*, registration: Registration) -> None:
    """Back to "not recorded": a mistaken check-in or no-show is taken back."""
    with transaction.atomic():
        CheckIn.objects.filter(registration=registration).delete()
        Registration.objects.filter(pk=registration.pk).update(
            attended=None, updated_at=timezone.now()
        )
    registration.attended = None


def absent_mark(*, registration: Registration) -> None:
    """One participant did not attend."""
    if registration.status != S.CONFIRMED:
        raise ValueError("only a confirmed participant can be marked absent")
    with transaction.atomic():
        CheckIn.objects.filter(registration=registration).delete()
        Registration.objects.filter(pk=registration.pk).update(
            attended=False, updated_at=timezone.now()
        )
    registration.attended = False


def no_shows_mark(*, event: EventPage, now: datetime | None = None) -> int:
    """After the event, everyone confirmed whose attendance was not recorded did not attend.

    Returns how many were marked; before the event has started nothing is marked.
    """
    now = now or timezone.now()
    if event.starts_at > now:
        return 0
    return Registration.objects.filter(
        event_id=event.pk, status=S.CONFIRMED, attended__isnull=True
    ).update(attended=False, updated_at=now)


# --- Visa letters ---------------------------------------------------------------------------


def visa_letter_for(*, registration: Registration) -> VisaLetter:
    letter, _created = VisaLetter.objects.get_or_create(registration=registration)
    return letter


def visa_details_save(
    *, registration: Registration, passport_name: str, nationality, passport_number: str
) -> VisaLetter:
    """The participant's passport details; changing them after signing calls for a new
    signature (the old letter is withdrawn)."""
    with transaction.atomic():
        letter = VisaLetter.objects.select_for_update().get(
            pk=visa_letter_for(registration=registration).pk
        )
        changed = (
            letter.passport_name != passport_name
            or letter.nationality_id != (nationality.pk if nationality else None)
            or letter.passport_number != passport_number
        )
        letter.passport_name = passport_name
        letter.nationality = nationality
        letter.passport_number = passport_number
        letter.details_at = timezone.now()
        letter.purged_at = None
        if changed or letter.state == VisaLetterState.REQUESTED:
            letter.state = VisaLetterState.DETAILS_GIVEN
            letter.pdf = None
            letter.signed_at = None
            letter.signed_by = None
        letter.save()
    return letter


def visa_letter_render(*, letter: VisaLetter) -> bytes:
    registration = letter.registration
    return render_pdf(
        "events/attendance/visa_letter_pdf.html",
        {"letter": letter, "registration": registration, "event": registration.event},
        language=letter.language,
    )


def visa_letter_sign(
    *, letter: VisaLetter, by, signatory_name: str, signatory_title: str, language: str
) -> VisaLetter:
    """The secretariat signs the letter off: it is rendered once, stored and offered to the
    participant. Without the passport details there is nothing to sign."""
    if not letter.has_details:
        raise ValueError("the participant has not given their passport details")
    letter.signatory_name = signatory_name
    letter.signatory_title = signatory_title
    letter.language = language
    letter.signed_at = timezone.now()
    letter.signed_by = by
    letter.state = VisaLetterState.SIGNED
    letter.pdf = visa_letter_render(letter=letter)
    letter.save()
    return letter


def visa_data_purge(*, now: datetime | None = None) -> int:
    """Wipe the passport details and stored letters of events that ended 30 days ago or more.

    Idempotent: a purged letter has nothing left to wipe and is not counted again.
    Returns how many letters were wiped by this run.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=VISA_RETENTION_DAYS)
    due = VisaLetter.objects.filter(
        registration__event__ends_at__lte=cutoff, purged_at__isnull=True
    )
    return due.update(
        passport_name="",
        nationality=None,
        passport_number="",
        pdf=None,
        purged_at=now,
        updated_at=now,
    )
