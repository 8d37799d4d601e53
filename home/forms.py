from django import forms
from django.utils.translation import gettext_lazy as _


class StyleGuideForm(forms.Form):
    """Every kind of control the design system styles, shown with errors in the style guide."""

    full_name = forms.CharField(
        label=_("Full name"), help_text=_("As it appears in your official correspondence.")
    )
    email = forms.EmailField(label=_("E-mail address"))
    country = forms.ChoiceField(
        label=_("Country"),
        choices=[("", _("Choose a country")), ("am", _("Armenia")), ("md", _("Moldova"))],
    )
    summary = forms.CharField(
        label=_("Summary of the practice"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three sentences: what was done, by whom, with what result."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        widget=forms.CheckboxSelectMultiple,
        choices=[("labour", _("Labour migration")), ("return", _("Return and reintegration"))],
    )
    format = forms.ChoiceField(
        label=_("How will you take part?"),
        widget=forms.RadioSelect,
        choices=[("in_person", _("In person")), ("online", _("Online"))],
    )
    document = forms.FileField(
        label=_("Supporting document"), help_text=_("PDF or Word, up to 20 MB."), required=False
    )
    consent = forms.BooleanField(label=_("I agree to share this practice with all members"))

    def clean(self):
        cleaned = super().clean()
        if cleaned is not None and not self.errors:
            raise forms.ValidationError(_("The example form is never sent."))
        return cleaned
