"""Needs and requests: what a government asks the secretariat for (a training) and what a member
asks about a practice note (a study visit, expert advice), triaged by the secretariat until it
becomes an event or is declined."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import EventFormat


class RequestKind(models.TextChoices):
    TRAINING_NEED = "training_need", _("Training need")
    STUDY_VISIT = "study_visit", _("Study visit")
    EXPERT_ADVICE = "expert_advice", _("Expert advice")


PEER_EXCHANGE_KINDS = (RequestKind.STUDY_VISIT, RequestKind.EXPERT_ADVICE)


class RequestState(models.TextChoices):
    NEW = "new", pgettext_lazy("request state", "New")
    ACCEPTED = "accepted", pgettext_lazy("request state", "Accepted")
    PLANNED = "planned", pgettext_lazy("request state", "Planned")
    DONE = "done", pgettext_lazy("request state", "Done")
    DECLINED = "declined", pgettext_lazy("request state", "Declined")


# Where each state may go next; "done" and "declined" are final.
NEXT_STATES: dict[str, tuple[str, ...]] = {
    RequestState.NEW: (RequestState.ACCEPTED, RequestState.DECLINED),
    RequestState.ACCEPTED: (RequestState.PLANNED, RequestState.DECLINED),
    RequestState.PLANNED: (RequestState.DONE, RequestState.DECLINED),
    RequestState.DONE: (),
    RequestState.DECLINED: (),
}


class CapacityRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(state__in=[RequestState.DONE, RequestState.DECLINED])


class CapacityRequest(models.Model):
    """One request: a training need of a country, or a peer exchange on a practice note."""

    kind = models.CharField(_("kind"), max_length=20, choices=RequestKind.choices)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        on_delete=models.CASCADE,
        related_name="capacity_requests",
    )
    # The requester's country when they filed: it stays if their profile changes later.
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="capacity_requests",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.NEW
    )

    # A training need.
    theme = models.ForeignKey(
        "taxonomy.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_institutions = models.TextField(_("target institutions"), max_length=1000, blank=True)
    staff_count = models.PositiveIntegerField(_("number of staff"), null=True, blank=True)
    preferred_format = models.CharField(
        _("preferred format"), max_length=20, choices=EventFormat.choices, blank=True
    )
    preferred_period = models.CharField(_("preferred period"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)

    # A peer exchange on a practice note.
    note = models.ForeignKey(
        "knowledge.PracticeNotePage",
        verbose_name=_("practice note"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="capacity_requests",
    )
    message = models.TextField(_("message"), max_length=4000, blank=True)

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="capacity_requests",
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("filed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = CapacityRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "kind"], name="knowledge_request_state")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="declined") | ~models.Q(decline_reason=""),
                name="knowledge_request_declined_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_peer_exchange(self) -> bool:
        return self.kind in PEER_EXCHANGE_KINDS

    @property
    def next_states(self) -> tuple[str, ...]:
        return NEXT_STATES[self.state]


class CapacityRequestChange(models.Model):
    """One step in a request's history: filed, or moved from one state to another, and why."""

    request = models.ForeignKey(CapacityRequest, on_delete=models.CASCADE, related_name="changes")
    from_state = models.CharField(max_length=20, choices=RequestState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=RequestState.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("request change")
        verbose_name_plural = _("request changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_state} → {self.to_state}"
