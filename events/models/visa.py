"""Visa invitation letters: the passport details a participant gives only when they asked for
a letter, and the signed letter; both are wiped 30 days after the event
(``services_attendance.visa_data_purge``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class VisaLetterState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DETAILS_GIVEN = "details_given", _("Details given")
    SIGNED = "signed", _("Signed")


class VisaLetter(models.Model):
    """One letter per registration that asked for one."""

    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="visa"
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=VisaLetterState.choices,
        default=VisaLetterState.REQUESTED,
        db_index=True,
    )
    passport_name = models.CharField(_("full name as in the passport"), max_length=200, blank=True)
    nationality = models.ForeignKey(
        "taxonomy.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("nationality"),
    )
    passport_number = models.CharField(_("passport number"), max_length=40, blank=True)
    signatory_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    language = models.CharField(_("language of the letter"), max_length=10, default="en")
    # The letter as signed; kept in the database, never under a public media URL.
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    details_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("visa invitation letter")
        verbose_name_plural = _("visa invitation letters")

    def __str__(self) -> str:
        return f"visa letter of {self.registration_id} ({self.state})"

    @property
    def has_details(self) -> bool:
        return bool(self.passport_name and self.passport_number and self.nationality_id)
