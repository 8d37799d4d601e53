"""Attendance beside a ``Registration``.

``Registration.attended`` stays the one answer to "did they come" (True, False for a no-show,
None while not recorded): charts and reports read it. A ``CheckIn`` says how and when the
secretariat recorded a presence.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class CheckIn(models.Model):
    registration = models.OneToOneField(
        "events.Registration", on_delete=models.CASCADE, related_name="check_in"
    )
    mode = models.CharField(
        _("attended as"), max_length=20, choices=AttendanceMode.choices, default="in_person"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"check-in of {self.registration_id} ({self.mode})"
