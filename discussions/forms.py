from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.versions import interface_language

from .models import Flag


class AccessibleForm(forms.Form):
    """Links each field's errors and help to its input, so screen readers announce them."""

    def add_error(self, field, error):
        super().add_error(field, error)
        names = [field] if field else []
        if isinstance(error, dict):
            names = list(error)
        for name in names:
            if name in self.fields:
                bound = self[name]
                ids = [f"{bound.auto_id}_errors"]
                if self.fields[name].help_text:
                    ids.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class PostForm(AccessibleForm):
    # Not required at the form level: the service gives the one clear message for empty posts.
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-mentions": "true"}),
        help_text=_(
            "Markdown: **bold**, *italic*, > quote, - list, [link](https://…). "
            "Type @ and a name to mention a member."
        ),
    )
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    language = forms.ChoiceField(
        label=_("Language of your message"),
        required=False,
        choices=[("", _("The thread's language")), *settings.CONTENT_LANGUAGES],
    )


def _content_language_or_default() -> str:
    language = interface_language()
    codes = {code for code, _name in settings.CONTENT_LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language of the thread"),
        # Not required: without it the thread is in the author's interface language.
        required=False,
        choices=settings.CONTENT_LANGUAGES,
        help_text=_("The language you write the title and first message in."),
    )
    field_order = ["title", "language", "body", "reply_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The author's interface language, unless they choose another.
        self.fields["language"].initial = _content_language_or_default()


class FlagForm(AccessibleForm):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details for the secretariat"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you choose “Something else”."),
    )


class SuspendForm(AccessibleForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    days = forms.IntegerField(
        label=_("Days (leave empty for no end date)"),
        required=False,
        min_value=1,
        max_value=3650,
    )
