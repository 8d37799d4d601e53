from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import EvaluationQuestion, EvaluationQuestionKind

TEXT_MAX_LENGTH = 5000
RATING_CHOICES = [
    (1, _("1 – very poor")),
    (2, _("2 – poor")),
    (3, _("3 – fair")),
    (4, _("4 – good")),
    (5, _("5 – very good")),
]


class EvaluationForm(forms.Form):
    """One field per question: ``q<id>``. Ratings and test questions must be answered."""

    def __init__(self, *args, questions: list[EvaluationQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == EvaluationQuestionKind.RATING:
                field: forms.Field = forms.TypedChoiceField(
                    choices=RATING_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose a rating from 1 to 5.")},
                )
            elif question.kind == EvaluationQuestionKind.TEXT:
                field = forms.CharField(
                    required=False,
                    max_length=TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    help_text=_("Optional. Do not write your name if you wish to stay anonymous."),
                )
            else:
                field = forms.TypedChoiceField(
                    choices=[(i, text) for i, text in enumerate(question.option_list, start=1)],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose one answer.")},
                )
            field.label = question.text
            self.fields[name] = field


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the certificate; not shown on the verification page."),
        error_messages={"required": _("Say why the certificate is revoked.")},
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("As printed on the certificate, for example ABCD-EFGH-JKMN-PQRS."),
        error_messages={"required": _("Enter the code printed on the certificate.")},
    )
