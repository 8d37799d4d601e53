"""Demo attendance: the past in-person regional meeting has its participants checked in by the
secretariat (one no-show), and a participant of the coming in-person training has a signed visa
invitation letter. Idempotent."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from core.roles import Role
from events import services_attendance
from events.models import AttendanceMode, CheckIn, EventPage, Registration, VisaLetterState
from taxonomy.models import Country

PAST_IN_PERSON = "regional-meeting-diaspora-2026"
COMING_IN_PERSON = "training-migration-data"


def _secretary():
    return get_user_model().objects.filter(groups__name=Role.SECRETARIAT).order_by("pk").first()


def seed(ctx) -> None:
    by = _secretary()
    checked_in = 0
    past = EventPage.objects.filter(slug=PAST_IN_PERSON).first()
    if past is not None:
        for registration in Registration.objects.filter(event=past, status="confirmed"):
            if (
                registration.attended
                and not CheckIn.objects.filter(registration=registration).exists()
            ):
                CheckIn.objects.create(
                    registration=registration, mode=AttendanceMode.IN_PERSON, recorded_by=by
                )
            checked_in += bool(registration.attended)
    letters = 0
    coming = EventPage.objects.filter(slug=COMING_IN_PERSON).first()
    if coming is not None:
        registration = (
            Registration.objects.filter(event=coming, status="confirmed")
            .select_related("user", "country")
            .order_by("position")
            .first()
        )
        if registration is not None:
            if not registration.visa_letter:
                Registration.objects.filter(pk=registration.pk).update(visa_letter=True)
                registration.visa_letter = True
            letter = services_attendance.visa_letter_for(registration=registration)
            if letter.state != VisaLetterState.SIGNED:
                user = registration.user
                services_attendance.visa_details_save(
                    registration=registration,
                    passport_name=f"{user.first_name} {user.last_name}".strip().upper()
                    or "PARTICIPANT",
                    nationality=registration.country or Country.objects.get(code="GE"),
                    passport_number="AB1234567",
                )
                letter.refresh_from_db()
                services_attendance.visa_letter_sign(
                    letter=letter,
                    by=by,
                    signatory_name=by.display_name if by else "Secretariat",
                    signatory_title="Programme coordinator",
                    language="en",
                )
            letters = 1
    ctx.say(f"events: {checked_in} checked in at the past regional meeting, {letters} visa letter")
