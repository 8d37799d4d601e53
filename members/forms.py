from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.access import Tier
from core.formats import zone_choices
from core.roles import Role
from members.models import Gender, NotificationFrequency, Organisation, Profile

PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class LanguageSelect(forms.Select):
    """Each language is named in itself (settings.LANGUAGES), so each option says which
    language it is written in (WCAG 3.1.2)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


def language_field(**kwargs) -> forms.ChoiceField:
    """The member's preferred language: every e-mail to them is written in it."""
    return forms.ChoiceField(
        label=_("Language of e-mails"),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
        help_text=_("Invitations, reminders and notices are sent to you in this language."),
        **kwargs,
    )


def interface_language() -> str:
    """The interface language in use, as one of ``settings.LANGUAGES``."""
    codes = [code for code, _name in settings.LANGUAGES]
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return current if current in codes else settings.LANGUAGE_CODE


class InvitationSignupForm(SignupForm):
    """allauth's sign-up with the e-mail fixed to the invitation's and the member's name."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    # Not required: left out, the invitation's language is kept.
    language = language_field(required=False)

    field_order = ["email", "first_name", "last_name", "language", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from members.adapters import invitation_from_session

        request = context.request
        invitation = invitation_from_session(request) if request is not None else None
        codes = [code for code, _name in settings.LANGUAGES]
        self.fields["language"].initial = interface_language()
        if invitation is not None:
            self.fields["email"].initial = invitation.email
            self.fields["first_name"].initial = invitation.first_name
            self.fields["last_name"].initial = invitation.last_name
            if invitation.language in codes:
                self.fields["language"].initial = invitation.language
        # A disabled field ignores what the browser sends: the address cannot be swapped.
        self.fields["email"].disabled = True
        self.fields["email"].help_text = _("The address your invitation was sent to.")
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.GOVERNMENT)
    focal_point = forms.BooleanField(
        label=_("National focal point"),
        required=False,
        help_text=_("Only for government officials."),
    )
    # The active countries, set in __init__ (the taxonomy is read at request time).
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Country"), queryset=None, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    # Left out, the invitation goes in the language the secretariat is using.
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
        required=False,
        help_text=_("The invitation is written in this language; the invitee can change it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from taxonomy.models import Country, LabelOrderIterator

        # The iterator first: setting the queryset hands the widget its choices.
        self.fields["country"].iterator = LabelOrderIterator
        self.fields["country"].queryset = Country.objects.active()
        self.fields["language"].initial = interface_language()


class BulkInvitationForm(InvitationForm):
    # Django's documented way to drop an inherited form field; the stubs expect a field.
    email = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    people = forms.CharField(
        label=_("People to invite"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One person a line: e-mail, first name, last name (names are optional). "
            "You can paste rows from a spreadsheet."
        ),
    )
    upload = forms.FileField(
        label=_("Or upload a CSV file"),
        required=False,
        help_text=_("Columns: e-mail, first name, last name. UTF-8, at most 1 MB."),
    )
    field_order = [
        "people",
        "upload",
        "role",
        "focal_point",
        "country",
        "organisation",
        "language",
    ]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return ""
        if upload.size > 1024 * 1024:
            raise ValidationError(_("The file is larger than 1 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(_("The file is not UTF-8 text.")) from exc

    def clean(self):
        cleaned = super().clean()
        text = "\n".join(filter(None, [cleaned.get("people", ""), cleaned.get("upload", "")]))
        if not text.strip():
            raise ValidationError(_("Paste at least one address or upload a file."))
        if len(text.splitlines()) > 500:
            raise ValidationError(_("At most 500 people at once, please."))
        cleaned["text"] = text
        return cleaned


class ProfileForm(forms.ModelForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    language = language_field()
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.CONTENT_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label=_("Who can see my profile"),
        choices=Tier.choices,
        widget=forms.RadioSelect,
        help_text=_("The secretariat always sees every profile."),
    )
    notification_frequency = forms.ChoiceField(
        label=_("E-mail notifications"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Profile
        fields = [
            "title",
            "organisation",
            "country",
            "expertise",
            "languages",
            "bio",
            "photo",
            "time_zone",
            "gender",
            "visibility",
            "show_email",
            "notification_frequency",
        ]
        widgets = {
            "expertise": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    field_order = ["first_name", "last_name", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from taxonomy.models import Country, LabelOrderIterator, Theme

        # The iterators first: setting a queryset hands the widget its choices.
        self.fields["country"].iterator = LabelOrderIterator
        self.fields["expertise"].iterator = LabelOrderIterator
        self.fields["country"].queryset = Country.objects.active()
        self.fields["expertise"].queryset = Theme.objects.active()
        self.fields["first_name"].initial = self.instance.user.first_name
        self.fields["last_name"].initial = self.instance.user.last_name
        self.fields["language"].initial = self.instance.user.language
        self.fields["time_zone"].help_text = _(
            "Event times are shown in this zone. Leave it empty to see each event in its own."
        )
        self.fields["gender"].choices = [("", _("I prefer not to say")), *Gender.choices]
        # Named in the interface language at request time (the model's list is built once).
        self.fields["time_zone"].choices = [("", "—"), *zone_choices()]
        self.fields["gender"].help_text = _(
            "Optional. Never shown on your profile or in the directory: only the secretariat "
            "sees it, counted in groups of five people or more, to report on participation."
        )
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["photo"].help_text = _("JPEG, PNG or WebP, at most 2 MB.")

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo or not hasattr(photo, "image"):
            return photo
        if photo.size > settings.MEMBERS_PHOTO_MAX_BYTES:
            raise ValidationError(_("The photo is larger than 2 MB."))
        # ImageField has already opened the file with Pillow; trust its verdict, not the name.
        if photo.image.format not in PHOTO_TYPES:
            raise ValidationError(_("Upload a JPEG, PNG or WebP image."))
        width, height = photo.image.size
        if width > 4000 or height > 4000:
            raise ValidationError(_("The photo is larger than 4000 × 4000 pixels."))
        return photo


class NotificationForm(forms.Form):
    notification_frequency = forms.ChoiceField(
        label=_("E-mail me about activity in threads I follow"),
        choices=NotificationFrequency.choices,
        widget=forms.RadioSelect,
    )


class DeletionRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you leaving? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my personal data will be removed once the secretariat confirms.")
    )


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, organisation or expertise"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Any role")), *Role.choices]
    )
    theme = forms.ChoiceField(label=_("Area of expertise"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *settings.CONTENT_LANGUAGES],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from taxonomy.models import Country, Theme

        self.fields["country"].choices = [("", _("Any country"))] + [
            (c.code, c.label) for c in Country.objects.active().in_label_order()
        ]
        self.fields["theme"].choices = [("", _("Any area"))] + [
            (t.slug, t.label) for t in Theme.objects.active().in_label_order()
        ]


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    focal_point = forms.BooleanField(label=_("National focal point"), required=False)
