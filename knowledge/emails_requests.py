"""The e-mails about needs and requests, each written in its recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from events.links import absolute_url
from knowledge.models import CapacityRequest, CapacityRequestChange


def _language_of(user) -> str:
    return user.language if user.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _request_url(request: CapacityRequest) -> str:
    return absolute_url(reverse("knowledge:request_detail", kwargs={"request_id": request.pk}))


def filed_email(request: CapacityRequest, recipient) -> EmailMessage:
    """To the note's author and the country's focal points: someone asked for something."""
    with translation.override(_language_of(recipient)):
        subject = _("New request: %(kind)s") % {"kind": request.get_kind_display()}
        body = render_to_string(
            "knowledge/requests/emails/filed.txt",
            {"recipient": recipient, "request": request, "url": _request_url(request)},
        )
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[recipient.email],
    )


def state_email(change: CapacityRequestChange) -> EmailMessage:
    """To the requester: the secretariat moved their request on."""
    request = change.request
    recipient = request.requester
    with translation.override(_language_of(recipient)):
        subject = _("Your request is now: %(state)s") % {"state": change.get_to_state_display()}
        event_url = ""
        if request.event is not None and change.to_state == "planned":
            from events.links import page_url

            event_url = page_url(request.event)
        body = render_to_string(
            "knowledge/requests/emails/state.txt",
            {
                "recipient": recipient,
                "request": request,
                "change": change,
                "url": _request_url(request),
                "event_url": event_url,
            },
        )
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[recipient.email],
    )
