"""The e-mails this app sends, each written in its recipient's language (``User.language``).

Links point at the configured site (``settings.SITE_URL``), in that same language.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from events import access
from events.calendar import event_ics
from events.links import page_url
from events.models import ConsultationPage, EventPage, Registration, RegistrationStatus


def _message(user, subject: str, template: str, context: dict) -> EmailMessage:
    body = render_to_string(template, {"user": user, **context})
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    return EmailMessage(subject=f"{prefix}{subject}", body=body, to=[user.email])


def _event_context(event: EventPage) -> dict:
    zone = event.zone
    return {
        "event": event,
        "url": page_url(event),
        "starts": timezone.localtime(event.starts_at, zone),
        "ends": timezone.localtime(event.ends_at, zone),
    }


def _attach_ics(message: EmailMessage, registration: Registration) -> None:
    event = registration.event
    include_link = registration.status == RegistrationStatus.CONFIRMED
    body = event_ics(event, registration=registration, include_link=include_link)
    message.attach("event.ics", body, "text/calendar")


def registration_email(registration: Registration, kind: str) -> EmailMessage:
    with translation.override(registration.user.language):
        event = registration.event
        subjects = {
            "confirmed": _("Your place is confirmed: %(title)s"),
            "promoted": _("A place has opened for you: %(title)s"),
            "waitlisted": _("You are on the waiting list: %(title)s"),
            "pending": _("Your registration awaits approval: %(title)s"),
            "cancelled": _("Your registration is cancelled: %(title)s"),
            "declined": _("Your registration was not approved: %(title)s"),
        }
        subject = subjects[kind] % {"title": event.title}
        message = _message(
            registration.user,
            subject,
            "events/emails/registration.txt",
            {**_event_context(event), "kind": kind, "registration": registration},
        )
        if kind in ("confirmed", "promoted"):
            _attach_ics(message, registration)
    return message


def change_email(event: EventPage, registration: Registration, changes: list[str]) -> EmailMessage:
    with translation.override(registration.user.language):
        if "cancelled" in changes:
            subject = _("Event cancelled: %(title)s") % {"title": event.title}
        else:
            subject = _("Event changed: %(title)s") % {"title": event.title}
        message = _message(
            registration.user,
            subject,
            "events/emails/change.txt",
            {
                **_event_context(event),
                "changes": changes,
                "registration": registration,
                "show_link": registration.status == RegistrationStatus.CONFIRMED,
            },
        )
        _attach_ics(message, registration)
    return message


def reminder_email(registration: Registration, days_before: int) -> EmailMessage:
    with translation.override(registration.user.language):
        event = registration.event
        subject = _("Reminder: %(title)s") % {"title": event.title}
        message = _message(
            registration.user,
            subject,
            "events/emails/reminder.txt",
            {**_event_context(event), "days_before": days_before, "registration": registration},
        )
        _attach_ics(message, registration)
    return message


def registrants_message(
    event: EventPage, registration: Registration, subject: str, body: str
) -> EmailMessage:
    """The secretariat's own words go out as written; the frame is in the recipient's language."""
    with translation.override(registration.user.language):
        return _message(
            registration.user,
            f"{event.title}: {subject}",
            "events/emails/message.txt",
            {**_event_context(event), "body": body},
        )


def consultation_reminder(consultation: ConsultationPage, user) -> EmailMessage:
    # The deadline in the member's own zone (the template's date filter reads the active one).
    zone = zoneinfo.ZoneInfo(access.member_timezone_name(user) or settings.TIME_ZONE)
    with translation.override(user.language), timezone.override(zone):
        subject = _("Your answer is awaited: %(title)s") % {"title": consultation.title}
        return _message(
            user,
            subject,
            "events/emails/consultation_reminder.txt",
            {
                "consultation": consultation,
                "url": page_url(consultation),
                "closes": timezone.localtime(consultation.closes_at, zone),
            },
        )
