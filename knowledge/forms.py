"""Parsing what a reader asks of the library (the URL's query string) and the import upload."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from knowledge.selectors import RELEVANCE, SORTS, LibraryFilters

MAX_VALUES = 30


def _strings(query: QueryDict, name: str) -> tuple[str, ...]:
    values = [v.strip()[:64] for v in query.getlist(name) if v.strip()]
    return tuple(dict.fromkeys(values))[:MAX_VALUES]


def filters_from_query(query: QueryDict) -> LibraryFilters:
    """Unknown or malformed values are ignored: a shared link should never fail to open."""
    objectives = tuple(int(v) for v in _strings(query, "objective") if v.isdigit() and int(v) < 100)
    year_text = query.get("year", "").strip()
    year = int(year_text) if year_text.isdigit() and 1900 < int(year_text) < 2200 else None
    languages = tuple(
        code for code in _strings(query, "language") if code in dict(settings.CONTENT_LANGUAGES)
    )
    sort = query.get("sort", RELEVANCE)
    return LibraryFilters(
        countries=_strings(query, "country"),
        themes=_strings(query, "theme"),
        objectives=objectives,
        target_groups=_strings(query, "target"),
        types=_strings(query, "type"),
        languages=languages,
        year=year,
        query=query.get("q", "").strip()[:200],
        sort=sort if sort in SORTS or sort == RELEVANCE else RELEVANCE,
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("One practice a row; the first row names the columns."),
    )
    skip_bad_rows = forms.BooleanField(
        label=_("Import the good rows even if some rows are bad"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload
