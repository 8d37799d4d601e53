"""E-mail for membership. Thin: fetch by id, render, send, record."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from members.models import Invitation


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def invitation_send_email(self, invitation_id: int, token: str) -> None:
    from members import services
    from members.models import token_hash

    invitation = Invitation.objects.filter(pk=invitation_id).select_related("invited_by").first()
    # A resend replaces the token: a queued e-mail for an older token is stale, skip it.
    if invitation is None or not invitation.is_usable or invitation.token_hash != token_hash(token):
        return
    with translation.override(invitation.language):
        path = reverse("members:invitation_accept", kwargs={"token": token})
        context = {
            "invitation": invitation,
            "url": settings.SITE_URL.rstrip("/") + path,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("members/emails/invitation_subject.txt", context).strip()
        body = render_to_string("members/emails/invitation_body.txt", context)
    try:
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
    except OSError as exc:
        raise self.retry(exc=exc) from exc
    services.invitation_mark_sent(invitation_id=invitation.pk)
