"""The e-mails this app sends, built from templates in the active language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.links import localized_url
from events.calendar import event_ics
from events.models import RegistrationStatus


def _url(page) -> str:
    """The page's address in the language the e-mail is written in."""
    path = page.url or ""
    full = page.full_url or f"{settings.SITE_URL}{path}"
    root = full[: -len(path)] if path and full.endswith(path) else settings.SITE_URL
    return root + localized_url(page)


def _message(user, subject: str, template: str, context: dict) -> EmailMessage:
    body = render_to_string(template, {"user": user, **context})
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    return EmailMessage(subject=f"{prefix}{subject}", body=body, to=[user.email])


def _event_context(event) -> dict:
    zone = event.zone
    return {
        "event": event,
        "url": _url(event),
        "starts": timezone.localtime(event.starts_at, zone),
        "ends": timezone.localtime(event.ends_at, zone),
    }


def _attach_ics(message: EmailMessage, registration) -> None:
    event = registration.event
    include_link = registration.status == RegistrationStatus.CONFIRMED
    message.attach("event.ics", event_ics(event, include_link=include_link), "text/calendar")


def registration_email(registration, kind: str) -> EmailMessage:
    event = registration.event
    subjects = {
        "confirmed": _("Your place is confirmed: %(title)s"),
        "promoted": _("A place has opened for you: %(title)s"),
        "waitlisted": _("You are on the waiting list: %(title)s"),
        "pending": _("Your registration awaits approval: %(title)s"),
        "cancelled": _("Your registration is cancelled: %(title)s"),
        "declined": _("Your registration was not approved: %(title)s"),
    }
    subject = subjects.get(kind, subjects["confirmed"]) % {"title": event.title}
    message = _message(
        registration.user,
        subject,
        "events/emails/registration.txt",
        {**_event_context(event), "kind": kind, "registration": registration},
    )
    if kind in ("confirmed", "promoted"):
        _attach_ics(message, registration)
    return message


def change_email(event, registration, changes: list[str]) -> EmailMessage:
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


def reminder_email(registration, days_before: int) -> EmailMessage:
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


def registrants_message(event, registration, subject: str, body: str) -> EmailMessage:
    return _message(
        registration.user,
        f"{event.title}: {subject}",
        "events/emails/message.txt",
        {**_event_context(event), "body": body},
    )


def consultation_reminder(consultation, user) -> EmailMessage:
    subject = _("Your answer is awaited: %(title)s") % {"title": consultation.title}
    return _message(
        user,
        subject,
        "events/emails/consultation_reminder.txt",
        {
            "consultation": consultation,
            "url": _url(consultation),
            "closes": timezone.localtime(consultation.closes_at),
        },
    )
