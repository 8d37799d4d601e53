"""Reads for the library: visible notes, filters with counts, detail, profiles and dashboard.

Every list starts from :func:`visible_notes`, which applies the reader's tiers once, so a
listing, a count or a facet can never show what the note page itself would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from knowledge.models import (
    Country,
    GCMObjective,
    PracticeDocument,
    PracticeNotePage,
    ResourceType,
    TargetGroup,
    Theme,
)
from members.access import filter_by_tier

SORTS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}
FIRST_YEAR = 2000


@dataclass(frozen=True)
class LibraryFilters:
    """What a reader asked the library for; every field maps to a URL parameter."""

    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    objectives: tuple[int, ...] = ()
    target_groups: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    year: int | None = None
    query: str = ""
    sort: str = "newest"

    @property
    def active(self) -> bool:
        return bool(
            self.countries
            or self.themes
            or self.objectives
            or self.target_groups
            or self.types
            or self.languages
            or self.year
            or self.query
        )


# facet name → (filter field on the notes, attribute of LibraryFilters)
FACETS = {
    "country": ("countries__slug__in", "countries"),
    "theme": ("themes__slug__in", "themes"),
    "objective": ("gcm_objectives__number__in", "objectives"),
    "target": ("target_groups__slug__in", "target_groups"),
    "type": ("resource_type__slug__in", "types"),
    "language": ("language__in", "languages"),
}


def visible_notes(user) -> QuerySet[PracticeNotePage]:
    """Live notes ``user`` may read, one version per translation set.

    A note shows in the reader's interface language when a readable translation exists, and in
    its original otherwise; the default locale's version wins among other languages.
    """
    readable = filter_by_tier(user, PracticeNotePage.objects.live())
    active = Locale.get_active()
    same_set = readable.filter(translation_key=OuterRef("translation_key"))
    in_active = Exists(same_set.filter(locale=active))
    default = Locale.get_default()
    in_default = Exists(same_set.filter(locale=default))
    return readable.filter(
        Q(locale=active) | (~in_active & Q(locale=default)) | (~in_active & ~in_default)
    )


def _apply(notes: QuerySet, filters: LibraryFilters, *, skip: str | None = None) -> QuerySet:
    for name, (lookup, attribute) in FACETS.items():
        values = getattr(filters, attribute)
        if values and name != skip:
            # A subquery keeps one row per note whatever the many-to-many joins.
            notes = notes.filter(
                pk__in=PracticeNotePage.objects.filter(**{lookup: values}).values("pk")
            )
    if filters.year and skip != "year":
        notes = notes.filter(period_start__lte=filters.year).filter(
            Q(period_end__gte=filters.year) | Q(period_end__isnull=True)
        )
    if filters.query:
        notes = notes.filter(
            Q(title__icontains=filters.query) | Q(summary__icontains=filters.query)
        )
    return notes


def practice_notes_for(user, filters: LibraryFilters) -> QuerySet[PracticeNotePage]:
    """The notes a library listing shows, ready for a page of cards."""
    notes = _apply(visible_notes(user), filters)
    return (
        notes.select_related("resource_type", "owner", "locale")
        .prefetch_related("countries", "themes")
        .order_by(*SORTS.get(filters.sort, SORTS["newest"]))
    )


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        return sum(option.selected for option in self.options)


def _term_facet(name, model, key, filters, notes, selected) -> Facet:
    in_scope = _apply(notes, filters, skip=name).values("pk")
    terms = model.objects.active().annotate(
        n=Count("practice_notes", filter=Q(practice_notes__pk__in=in_scope), distinct=True)
    )
    options = [
        FacetOption(str(getattr(t, key)), t.label, t.n, str(getattr(t, key)) in selected)
        for t in terms
        if t.n or str(getattr(t, key)) in selected
    ]
    return Facet(name, options)


def facet_counts(user, filters: LibraryFilters) -> dict[str, Facet]:
    """Each filter's options with how many notes each would give, the other filters applied."""
    notes = visible_notes(user)
    facets = {
        "country": _term_facet("country", Country, "slug", filters, notes, filters.countries),
        "theme": _term_facet("theme", Theme, "slug", filters, notes, filters.themes),
        "objective": _term_facet(
            "objective",
            GCMObjective,
            "number",
            filters,
            notes,
            {str(n) for n in filters.objectives},
        ),
        "target": _term_facet("target", TargetGroup, "slug", filters, notes, filters.target_groups),
        "type": _term_facet("type", ResourceType, "slug", filters, notes, filters.types),
    }
    names = dict(settings.CONTENT_LANGUAGES)
    languages = (
        _apply(notes, filters, skip="language")
        .order_by()
        .values_list("language")
        .annotate(n=Count("pk"))
    )
    facets["language"] = Facet(
        "language",
        [
            FacetOption(code, str(names.get(code, code)), n, code in filters.languages)
            for code, n in sorted(languages)
        ],
    )
    facets["year"] = _year_facet(notes, filters)
    return facets


def _year_facet(notes: QuerySet, filters: LibraryFilters) -> Facet:
    years = range(timezone.now().year, FIRST_YEAR - 1, -1)
    in_scope = _apply(notes, filters, skip="year")
    counts = in_scope.aggregate(
        **{
            f"y{year}": Count(
                "pk",
                filter=Q(period_start__lte=year)
                & (Q(period_end__gte=year) | Q(period_end__isnull=True)),
            )
            for year in years
        }
    )
    return Facet(
        "year",
        [
            FacetOption(str(year), str(year), counts[f"y{year}"], filters.year == year)
            for year in years
            if counts[f"y{year}"] or filters.year == year
        ],
    )


def paginate(notes: QuerySet, page_number) -> PaginatorPage:
    paginator = Paginator(notes, getattr(settings, "KNOWLEDGE_LIBRARY_PAGE_SIZE", 20))
    return paginator.get_page(page_number)


# --- a note --------------------------------------------------------------------------------
def related_notes(*, user, note: PracticeNotePage, limit: int = 4) -> list[PracticeNotePage]:
    """Readable notes sharing the most themes and GCM objectives with ``note``."""
    theme_ids = list(note.themes.values_list("pk", flat=True))
    objective_ids = list(note.gcm_objectives.values_list("pk", flat=True))
    if not theme_ids and not objective_ids:
        return []
    shared_themes = Count("themes", filter=Q(themes__in=theme_ids), distinct=True)
    shared_objectives = Count(
        "gcm_objectives", filter=Q(gcm_objectives__in=objective_ids), distinct=True
    )
    candidates = (
        visible_notes(user)
        .exclude(translation_key=note.translation_key)
        .annotate(shared=shared_themes + shared_objectives)
        .filter(shared__gt=0)
        .select_related("resource_type")
        .order_by("-shared", "-first_published_at")
    )
    return list(candidates[:limit])


def note_translations(*, user, note: PracticeNotePage) -> list[PracticeNotePage]:
    return list(
        filter_by_tier(user, note.get_translations(inclusive=False).live())
        .select_related("locale")
        .specific()
    )


def note_documents(*, note: PracticeNotePage) -> list[PracticeDocument]:
    ids = note.document_ids()
    if not ids:
        return []
    return list(PracticeDocument.objects.filter(pk__in=ids).order_by("title"))


def note_detail_context(*, user, note: PracticeNotePage) -> dict:
    translations = note_translations(user=user, note=note)
    authoritative = None
    if not note.authoritative:
        authoritative = next((t for t in translations if t.authoritative), None)
    return {
        "countries": list(note.countries.all()),
        "themes": list(note.themes.all()),
        "objectives": list(note.gcm_objectives.all()),
        "target_groups": list(note.target_groups.all()),
        "documents": note_documents(note=note),
        "related": related_notes(user=user, note=note),
        "translations": translations,
        "authoritative_version": authoritative,
    }


# --- countries -----------------------------------------------------------------------------
def country_profiles(*, index) -> QuerySet:
    from knowledge.models import CountryProfilePage

    return (
        CountryProfilePage.objects.child_of(index)
        .live()
        .select_related("country")
        .order_by("-country__eastern_partnership", "country__name")
    )


def focal_points(*, user, country) -> list:
    """The country's national focal points whom ``user`` may see (members app, if it has them)."""
    try:
        from members.selectors import focal_points as members_focal_points
    except ImportError:
        members_focal_points = None
    if members_focal_points is not None:
        try:
            return list(members_focal_points(country=country, user=user))
        except TypeError:
            return list(members_focal_points(country))
    Profile = apps.get_model("members", "Profile")
    profiles = Profile.objects.filter(
        focal_point=True, country=country, user__is_active=True
    ).select_related("user", "organisation")
    return list(filter_by_tier(user, profiles, field="visibility"))


def country_events(*, user, country) -> list:
    """Upcoming events concerning the country, once the events app offers them."""
    try:
        from events.selectors import events_for_country
    except ImportError:
        return []
    return list(events_for_country(user=user, country=country))


def country_profile_context(*, user, profile) -> dict:
    notes = practice_notes_for(user, LibraryFilters(countries=(profile.country.slug,)))
    return {
        "practices": list(notes[:12]),
        "practice_count": notes.count(),
        "focal_points": focal_points(user=user, country=profile.country),
        "events": country_events(user=user, country=profile.country),
    }


# --- dashboard -----------------------------------------------------------------------------
def new_practices_panel(*, user) -> dict | None:
    """New and updated practices, those in the member's language first."""
    language = (get_language() or "en").split("-")[0]
    notes = list(
        visible_notes(user)
        .select_related("resource_type")
        .prefetch_related("countries")
        .annotate(
            in_language=Case(
                When(language=language, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("in_language", "-last_published_at")[:6]
    )
    if not notes:
        return None
    return {
        "template": "knowledge/dashboard_panel.html",
        "notes": notes,
        "library_url": library_url(),
    }


def library_url() -> str | None:
    from knowledge.models import LibraryIndexPage

    library = LibraryIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    return library.url if library else None
