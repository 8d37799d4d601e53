"""Certificates of attendance: who earns one, issuing, the PDF, verifying and revoking."""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.pdf import render_pdf
from events.links import absolute_url
from events.models import (
    Certificate,
    EvaluationPhase,
    EvaluationSubmission,
    Registration,
    RegistrationStatus,
)
from events.models.evaluation import normalise_code


@dataclass(frozen=True)
class CertificateEligibility:
    allowed: bool
    reason: str | Promise = ""
    certificate: Certificate | None = None


def eligibility(registration: Registration, *, now=None) -> CertificateEligibility:
    """A participant the secretariat marked as attended, after the event, who passed the
    post-test where the event sets a pass mark."""
    from events import evaluation

    now = now or timezone.now()
    event = registration.event
    issued = Certificate.objects.filter(registration=registration).first()
    if issued is not None:
        return CertificateEligibility(True, certificate=issued)
    if registration.status != RegistrationStatus.CONFIRMED or registration.attended is not True:
        return CertificateEligibility(
            False, gettext_lazy("Certificates go to participants who attended.")
        )
    if now < event.ends_at:
        return CertificateEligibility(
            False, gettext_lazy("Your certificate is available once the event has ended.")
        )
    if event.evaluation_pass_mark is not None and evaluation.has_test(event):
        passed = EvaluationSubmission.objects.filter(
            registration=registration, phase=EvaluationPhase.POST, passed=True
        ).exists()
        if not passed:
            return CertificateEligibility(
                False,
                gettext_lazy("Your certificate is available once you have passed the post-test."),
            )
    return CertificateEligibility(True)


def certificate_issue(*, registration: Registration) -> Certificate:
    """The registration's certificate, issued on first download; the name as it is now."""
    existing = Certificate.objects.filter(registration=registration).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Certificate.objects.create(
                registration=registration, holder_name=registration.user.display_name
            )
    except IntegrityError:  # issued at the same moment by a second click
        return Certificate.objects.get(registration=registration)


def verify_url(certificate: Certificate) -> str:
    # Without a language prefix: the page answers in the reader's language.
    path = reverse("verify:certificate", kwargs={"code": certificate.code})
    return absolute_url("/" + path.lstrip("/").split("/", 1)[1])


def certificate_pdf(certificate: Certificate) -> bytes:
    registration = certificate.registration
    event = registration.event
    url = verify_url(certificate)
    # Inline SVG: the PDF fetches nothing (core.pdf), and segno escapes what it writes.
    qr = mark_safe(segno.make(url, error="m").svg_inline(scale=3, border=1))  # noqa: S308
    language = registration.user.language
    with translation.override(language):
        return render_pdf(
            "events/evaluation/certificate_pdf.html",
            {
                "certificate": certificate,
                "event": event,
                "starts": timezone.localtime(event.starts_at, event.zone),
                "ends": timezone.localtime(event.ends_at, event.zone),
                "verify_url": url,
                "qr": qr,
            },
            language=language,
        )


def certificate_by_code(typed: str) -> Certificate | None:
    code = normalise_code(typed)
    if not code:
        return None
    return Certificate.objects.filter(code=code).select_related("registration__event").first()


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason.strip()
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


def certificates_of(*, event) -> list[Certificate]:
    return list(
        Certificate.objects.filter(registration__event_id=event.pk).select_related(
            "registration__user"
        )
    )
