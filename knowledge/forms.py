"""Parsing what a reader asks of the library (the URL's query string) and the import upload."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.params import bounded_int
from knowledge.selectors import RELEVANCE, SORTS, LibraryFilters

MAX_VALUES = 30
# The Global Compact has 23 objectives; the bound leaves room without reaching the database.
MAX_OBJECTIVE = 99
MIN_YEAR, MAX_YEAR = 1901, 2199


def _strings(query: QueryDict, name: str) -> tuple[str, ...]:
    values = [v.strip()[:64] for v in query.getlist(name) if v.strip()]
    return tuple(dict.fromkeys(values))[:MAX_VALUES]


def page_number_from_query(query: QueryDict) -> int:
    """The page of results asked for; anything but a plausible number is the first page."""
    return bounded_int(query.get("page"), minimum=1, maximum=10**6, default=1) or 1


def filters_from_query(query: QueryDict) -> LibraryFilters:
    """Unknown or malformed values are ignored: a shared link should never fail to open."""
    objective_values = _strings(query, "objective")
    numbers = [bounded_int(v, minimum=1, maximum=MAX_OBJECTIVE) for v in objective_values]
    objectives = tuple(n for n in numbers if n is not None)
    year = bounded_int(query.get("year"), minimum=MIN_YEAR, maximum=MAX_YEAR)
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
