"""Forms for filing needs and requests and for the secretariat's triage."""

from __future__ import annotations

from datetime import timedelta
from typing import cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import EventFormat, EventPage
from knowledge.models import CapacityRequest
from knowledge.models.requests import PEER_EXCHANGE_KINDS, RequestKind, RequestState
from taxonomy.models import Country, Theme, label_order


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.label


class TrainingNeedForm(forms.ModelForm):
    theme = ThemeChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        empty_label=_("Choose a theme"),
        error_messages={"required": _("Choose the theme of the training.")},
    )
    target_institutions = forms.CharField(
        label=_("Target institutions"),
        max_length=1000,
        help_text=_("Which ministries, services or agencies the staff come from."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say which institutions the training is for.")},
    )
    staff_count = forms.IntegerField(
        label=_("Number of staff"),
        min_value=1,
        max_value=10000,
        error_messages={
            "required": _("Say how many staff would take part."),
            "invalid": _("Enter the number of staff as a whole number, like 20."),
            "min_value": _("The number of staff must be at least 1."),
            "max_value": _("The number of staff must be 10,000 or fewer."),
        },
    )
    preferred_format = forms.ChoiceField(
        label=_("Preferred format"),
        choices=EventFormat.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    preferred_period = forms.CharField(
        label=_("Preferred period"),
        max_length=200,
        required=False,
        help_text=_("For example: March–May 2027, or before the summer."),
    )
    description = forms.CharField(
        label=_("What the training should cover"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Describe what the training should cover.")},
    )

    class Meta:
        model = CapacityRequest
        fields = [
            "theme",
            "target_institutions",
            "staff_count",
            "preferred_format",
            "preferred_period",
            "description",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Choose a theme"))] + [
            (theme.pk, theme.label) for theme in label_order(Theme.objects.all())
        ]


class PeerExchangeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What you ask for"),
        choices=[(kind.value, kind.label) for kind in PEER_EXCHANGE_KINDS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a study visit or expert advice.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        help_text=_("What you would like to see or learn, and who would take part."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write what you would like to see or learn.")},
    )


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({timezone.localtime(obj.starts_at):%Y-%m-%d})"


class StateChangeForm(forms.Form):
    """The secretariat's next step for one request: the states it may go to from where it is."""

    to_state = forms.ChoiceField(
        label=_("New state"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happens to the request.")},
    )
    event = EventChoiceField(
        label=_("Event"),
        queryset=EventPage.objects.none(),
        required=False,
        empty_label=_("Choose the event"),
        help_text=_("When planning: the event the request becomes."),
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when declining; the requester reads it."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the request's history and sent to the requester."),
    )

    def __init__(self, *args, request: CapacityRequest, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["to_state"]).choices = [
            (state, RequestState(state).label) for state in request.next_states
        ]
        # Only what the next step may need: the event when planning, the reason when declining.
        if RequestState.PLANNED not in request.next_states:
            del self.fields["event"]
        if RequestState.DECLINED not in request.next_states:
            del self.fields["reason"]
        if "event" not in self.fields:
            return
        since = timezone.now() - timedelta(days=365)
        cast(EventChoiceField, self.fields["event"]).queryset = (
            EventPage.objects.live().filter(starts_at__gte=since).order_by("starts_at")
        )

    def clean(self):
        cleaned = super().clean()
        to_state = cleaned.get("to_state")
        if to_state == RequestState.DECLINED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the request is declined."))
        if to_state == RequestState.PLANNED and not cleaned.get("event"):
            self.add_error("event", _("Choose the event the request becomes."))
        return cleaned


def _choice(value: str | None, choices) -> str:
    return value if value and value in {key for key, _label in choices} else ""


def queue_filters(query) -> dict[str, str]:
    """The queue's filters from the URL; a value that is not one of the choices is no filter."""
    countries = {str(code) for code in Country.objects.values_list("code", flat=True)}
    country = query.get("country", "")
    return {
        "state": _choice(query.get("state"), RequestState.choices),
        "kind": _choice(query.get("kind"), RequestKind.choices),
        "country": country if country in countries else "",
    }
