from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from events import access_commitments
from events.models import CommitmentState

MAX_LINKS = 10
# Pages offered as evidence: practice notes (named by string: knowledge sits above events).
EVIDENCE_PAGE_TYPE = ("knowledge", "practicenotepage")
MAX_EVIDENCE_PAGES = 200


def evidence_page_choices(user) -> list[tuple[str, str]]:
    """Practice notes ``user`` may open, newest first."""
    content_type = ContentType.objects.filter(
        app_label=EVIDENCE_PAGE_TYPE[0], model=EVIDENCE_PAGE_TYPE[1]
    ).first()
    if content_type is None:
        return []
    pages = (
        Page.objects.live()
        .filter(content_type=content_type)
        .order_by("-first_published_at", "pk")
        .specific()[:MAX_EVIDENCE_PAGES]
    )
    return [
        (str(page.pk), page.title)
        for page in pages
        if access_commitments.can_open_evidence(user, page)
    ]


class CommitmentUpdateForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Status"), choices=CommitmentState.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done, what remains, or why the commitment was dropped."),
    )
    evidence_urls = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address a line, starting with https:// (a law, a report, a news item)."),
    )
    evidence_page = forms.ChoiceField(
        label=_("Practice note on the platform"), required=False, choices=[]
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_page"].choices = [
            ("", _("None")),
            *evidence_page_choices(user),
        ]

    def clean_evidence_urls(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["evidence_urls"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_LINKS:
            raise ValidationError(
                _("Give at most %(n)s links."), code="too_many", params={"n": MAX_LINKS}
            )
        validate = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                validate(link)
            except ValidationError as exc:
                raise ValidationError(
                    _("“%(link)s” is not a web address: it should start with https://."),
                    code="invalid",
                    params={"link": link[:100]},
                ) from exc
        return links

    def clean_evidence_page(self):
        value = self.cleaned_data["evidence_page"]
        return Page.objects.filter(pk=int(value)).first() if value else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state") == CommitmentState.DROPPED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the commitment was dropped."))
        return cleaned
