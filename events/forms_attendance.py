from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events.models import VisaLetter
from members.forms import LanguageSelect


class CheckInCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Participant's code"),
        max_length=200,
        help_text=_("Scan the code on the participant's phone or badge, or type it."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class VisaDetailsForm(forms.ModelForm):
    """Only what the letter needs: the name as printed in the passport, the nationality and
    the passport number."""

    nationality: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Nationality"), queryset=None
    )

    class Meta:
        model = VisaLetter
        fields = ["passport_name", "nationality", "passport_number"]
        labels = {
            "passport_name": _("Full name as in your passport"),
            "passport_number": _("Passport number"),
        }
        help_texts = {
            "passport_name": _("In the letters your passport uses, as the consulate will read it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from taxonomy.models import Country, LabelOrderIterator

        self.fields["passport_name"].required = True
        self.fields["passport_number"].required = True
        self.fields["passport_name"].widget.attrs["autocomplete"] = "name"
        self.fields["passport_number"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false"}
        )
        self.fields["nationality"].iterator = LabelOrderIterator
        self.fields["nationality"].queryset = Country.objects.active()

    def clean_passport_number(self) -> str:
        value = "".join(self.cleaned_data["passport_number"].split()).upper()
        if not value.isalnum() or not 5 <= len(value) <= 20:
            raise forms.ValidationError(
                _("Enter the passport number as printed: 5 to 20 letters and digits.")
            )
        return value

    def clean_passport_name(self) -> str:
        return " ".join(self.cleaned_data["passport_name"].split())


class VisaSignForm(forms.Form):
    signatory_name = forms.CharField(label=_("Signed by"), max_length=200)
    signatory_title = forms.CharField(
        label=_("Signatory's title"), max_length=200, initial=_("Head of the Secretariat")
    )
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
        initial="en",
    )
