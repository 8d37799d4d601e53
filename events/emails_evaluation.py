"""The evaluation invitation, in the participant's language (``User.language``)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from events.links import absolute_url
from events.models import Registration


def invitation_email(registration: Registration) -> EmailMessage:
    user, event = registration.user, registration.event
    with translation.override(user.language):
        subject = _("Your evaluation of %(title)s") % {"title": event.title}
        body = render_to_string(
            "events/evaluation/invitation.txt",
            {
                "user": user,
                "event": event,
                "url": absolute_url(reverse("events:evaluation_form", args=[event.pk])),
            },
        )
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    return EmailMessage(subject=f"{prefix}{subject}", body=body, to=[user.email])
