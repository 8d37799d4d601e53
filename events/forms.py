from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from events.models import QuestionKind, Registration, RegistrationStatus


class RegistrationForm(forms.ModelForm):
    interpretation_language = forms.ChoiceField(
        label=_("Interpretation language"),
        required=False,
        choices=[("", _("No interpretation needed")), *settings.CONTENT_LANGUAGES],
    )

    class Meta:
        model = Registration
        fields = ["accessibility_needs", "interpretation_language", "visa_letter", "dietary"]
        widgets = {"accessibility_needs": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "accessibility_needs": _("Accessibility needs"),
            "visa_letter": _("I need a visa invitation letter"),
            "dietary": _("Dietary requirements"),
        }


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    statuses = forms.MultipleChoiceField(
        label=_("Send to"),
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (RegistrationStatus.CONFIRMED, _("Confirmed participants")),
            (RegistrationStatus.WAITLISTED, _("Waitlisted members")),
            (RegistrationStatus.PENDING, _("Members awaiting approval")),
        ],
        initial=[RegistrationStatus.CONFIRMED],
    )


def question_field_name(question) -> str:
    return f"q{question.pk}"


class ConsultationResponseForm(forms.Form):
    """One field per question; none required here, because drafts may be incomplete."""

    def __init__(self, *args, questions, response=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        existing = {}
        if response is not None:
            existing = {a.question_id: a for a in response.answers.all()}
        for question in self.questions:
            name = question_field_name(question)
            answer = existing.get(question.pk)
            label = question.text
            if question.kind == QuestionKind.TEXT:
                field = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
                initial = answer.text if answer else ""
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    widget=forms.RadioSelect, choices=[(c, c) for c in question.choice_list]
                )
                initial = answer.selected[0] if answer and answer.selected else None
            else:
                field = forms.MultipleChoiceField(
                    widget=forms.CheckboxSelectMultiple,
                    choices=[(c, c) for c in question.choice_list],
                )
                initial = answer.selected if answer else []
            field.required = False
            field.label = label
            # The draft saves without it; the note says when an answer is needed.
            required_note = _("Required to submit.") if question.required else ""
            field.help_text = " ".join(str(t) for t in (required_note, question.help_text) if t)
            field.initial = initial
            field.question = question
            self.fields[name] = field

    def answers(self) -> dict:
        return {
            question.pk: self.cleaned_data.get(question_field_name(question))
            for question in self.questions
        }
