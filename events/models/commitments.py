"""A regional meeting's outcome: its conclusions and, per country, its commitments.

Conclusions and commitments are written by the secretariat on the event page (inline panels),
so they follow the page's revisions. The state of a commitment does not: it is the last of its
``CommitmentUpdate`` rows, written by the country's focal points, so that publishing an older
revision of the page never turns a commitment back to where it was.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class CommitmentState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATES = (CommitmentState.PLANNED, CommitmentState.IN_PROGRESS)


class Conclusion(Orderable):
    """One conclusion of the meeting, in the order the meeting adopted them."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="conclusions")
    text: models.TextField[str, str] = models.TextField(_("conclusion"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return self.text[:80]


class CommitmentQuerySet(models.QuerySet):
    def with_state(self):
        """Each commitment's current state (``state``): its last update's, else planned."""
        last = CommitmentUpdate.objects.filter(commitment=OuterRef("pk")).order_by(
            "-created_at", "-pk"
        )
        return self.annotate(
            state=Coalesce(
                Subquery(last.values("to_state")[:1]),
                Value(CommitmentState.PLANNED.value),
                output_field=models.CharField(),
            )
        )

    def overdue(self, today: date):
        """Open commitments whose date has passed (on a queryset ``with_state``)."""
        return self.filter(due_on__lt=today, state__in=OPEN_STATES)


class Commitment(Orderable, ClusterableModel):
    """What a country undertook at the meeting: what, who, by when, on which themes."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="commitments")
    country: models.ForeignKey[Any, Any] = models.ForeignKey(
        "taxonomy.Country",
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("country"),
    )
    action: models.TextField[str, str] = models.TextField(_("what"))
    institution: models.CharField[str, str] = models.CharField(
        _("who (institution responsible)"), max_length=255
    )
    due_on: models.DateField[date, date] = models.DateField(_("by when"))
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="commitments", verbose_name=_("themes")
    )

    objects = CommitmentQuerySet.as_manager()
    # Set by ``CommitmentQuerySet.with_state`` (the state lives in the updates, not here).
    state: str

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("due_on")]),
        FieldPanel("action"),
        FieldPanel("institution"),
        FieldPanel("themes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.action[:80]

    @property
    def state_label(self) -> str:
        return str(CommitmentState(self.state).label)


class CommitmentUpdate(models.Model):
    """One change of a commitment's state (or a note on it), kept as its history."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)
    from_state = models.CharField(
        _("previous status"), max_length=20, choices=CommitmentState.choices
    )
    to_state = models.CharField(_("new status"), max_length=20, choices=CommitmentState.choices)
    note = models.TextField(_("note"), blank=True)
    evidence_urls = models.JSONField(_("evidence links"), default=list, blank=True)
    evidence_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page on the platform"),
    )

    class Meta:
        verbose_name = _("commitment update")
        verbose_name_plural = _("commitment updates")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_state__in=CommitmentState.values), name="events_commitment_state"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.from_state} → {self.to_state}"
