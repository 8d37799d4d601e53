"""The library's part of the donor report: practices published in a period.

A practice is counted once, in the period its first version went live, however many languages
it is later published in; versions in other languages published in the period are counted
apart, as translations.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _
from wagtail import hooks

from core.collation import sort_key
from core.reports import DONOR_REPORT_SECTION_HOOK, Figure, Period, ReportSection, Table
from knowledge.models import PracticeNotePage


def _rows(counts: Counter[str]) -> list[list]:
    return [[label, counts[label]] for label in sorted(counts, key=sort_key)]


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def knowledge_section(period: Period) -> ReportSection:
    pages = (
        PracticeNotePage.objects.live()
        .filter(first_published_at__lt=period.ends_before)
        .prefetch_related("countries", "themes")
        .order_by("first_published_at", "pk")
    )
    first_of: dict[str, PracticeNotePage] = {}
    translations = 0
    for page in pages:
        key = str(page.translation_key)
        if key not in first_of:
            first_of[key] = page
        elif page.first_published_at >= period.starts_at:
            translations += 1
    new = [page for page in first_of.values() if page.first_published_at >= period.starts_at]
    by_country: Counter[str] = Counter()
    by_theme: Counter[str] = Counter()
    for page in new:
        by_country.update({country.label for country in page.countries.all()})
        by_theme.update({theme.label for theme in page.themes.all()})
    practices = _("Practices")
    several = _("A practice about several countries or themes counts in each.")
    return ReportSection(
        key="knowledge",
        title=_("Practices published"),
        order=20,
        figures=[
            Figure(_("Practices published"), len(new)),
            Figure(_("Translations published"), translations),
            Figure(_("Countries covered"), len(by_country)),
        ],
        tables=[
            Table(
                key="practices-by-country",
                caption=_("Practices published by country"),
                columns=[_("Country"), practices],
                rows=_rows(by_country),
                chart="bars",
                note=several,
            ),
            Table(
                key="practices-by-theme",
                caption=_("Practices published by theme"),
                columns=[_("Theme"), practices],
                rows=_rows(by_theme),
                chart="bars",
                note=several,
            ),
        ],
    )
