"""Reads for the library: visible notes, filters with counts, detail, profiles and dashboard.

Every list starts from :func:`visible_notes`, which applies the reader's tiers once, so a
listing, a count or a facet can never show what the note page itself would refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from core.access import filter_by_tier
from core.collation import collated, sort_key
from core.links import in_translations_of, localized_url
from core.versions import preferred_versions, readable_versions, version_note
from events.selectors import events_for_country
from knowledge.models import PracticeDocument, PracticeNotePage
from members.models import Profile
from members.selectors import members_visible_to
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme, label_order

SORTS = {"newest": ("-first_published_at", "-pk"), "title": ("title", "pk")}
# Order of the search service's hits: only meaningful when the reader typed words.
RELEVANCE = "relevance"
FIRST_YEAR = 2000
# The search service is asked for this many best matches; the library's facets, counts and
# pages are computed in the database over them, so a query matching more notes than this
# shows (and counts) only its most relevant ones.
SEARCH_LIMIT = 1000


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
    sort: str = RELEVANCE

    @property
    def order(self) -> str:
        """The order applied: relevance needs words, so without them the newest come first."""
        if self.sort == RELEVANCE and not self.query:
            return "newest"
        return self.sort

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


def visible_notes(user, *, language: str | None = None) -> QuerySet[PracticeNotePage]:
    """Live notes ``user`` may read, one version per translation set.

    The version written in the reader's interface language (or ``language``) when a readable
    one exists, else the authoritative version, else the original (``core.versions``).
    """
    readable = filter_by_tier(user, PracticeNotePage.objects.live())
    return preferred_versions(readable, language)


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
    return notes


@dataclass
class TextMatches:
    """What the search service found for the reader's words.

    ``ranks`` maps a translation set (``translation_key``) to the position of its best hit,
    so the reader sees the version in their language even when another translation matched;
    ``None`` when the reader typed no searchable words. ``available`` is False when the search
    service could not answer: the library then narrows by plain text in title and summary.
    """

    query: str = ""
    ranks: dict | None = None
    available: bool = True
    total: int = 0
    # Who asked, in which language: the marked passages are asked for the shown page only.
    user: object = field(default=None, repr=False, compare=False)
    language: str | None = None

    def snippets(self, pks) -> dict:
        """The passage where the words were found, marked, for each note of ``pks`` they
        found (one more search, limited to those notes: marking a thousand costs dearly)."""
        if not self.query or not self.ranks or not pks:
            return {}
        from search.query import SearchUnavailable
        from search.selectors import library_search

        try:
            results = library_search(
                user=self.user,
                query=self.query,
                language=self.language,
                ids=list(pks),
                per_page=len(pks),
            )
        except SearchUnavailable:
            return {}
        return {int(hit.object_id): hit.snippet for hit in results.hits if hit.snippet}

    @property
    def limited(self) -> bool:
        return self.total > SEARCH_LIMIT


def text_matches(user, filters: LibraryFilters, *, language: str | None = None) -> TextMatches:
    """Ask the search service (same access filtering as the search page) for the words."""
    if not filters.query:
        return TextMatches()
    from search.query import SearchUnavailable
    from search.selectors import library_search

    language = language or get_language()
    try:
        results = library_search(
            user=user,
            query=filters.query,
            language=language,
            per_page=SEARCH_LIMIT,
            detail=False,
        )
    except SearchUnavailable:
        return TextMatches(query=filters.query, available=False)
    if results.query.is_empty:
        return TextMatches()
    ids = [int(hit.object_id) for hit in results.hits if str(hit.object_id).isdigit()]
    keys = dict(PracticeNotePage.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    ranks: dict = {}
    for pk in ids:
        if pk in keys:
            ranks.setdefault(keys[pk], len(ranks))
    return TextMatches(
        query=filters.query, ranks=ranks, total=results.total, user=user, language=language
    )


def _matching(notes: QuerySet, matches: TextMatches | None) -> QuerySet:
    if matches is None or not matches.query:
        return notes
    if not matches.available:
        # Degraded: every word in the title or summary, as typed.
        for word in re.findall(r"\w+", matches.query)[:10]:
            notes = notes.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return notes
    if matches.ranks is None:
        return notes
    return notes.filter(translation_key__in=list(matches.ranks))


def _with_cards(notes: QuerySet) -> QuerySet:
    return notes.select_related("resource_type", "owner", "locale").prefetch_related(
        "countries", "themes"
    )


def practice_notes_for(
    user, filters: LibraryFilters, matches: TextMatches | None = None
) -> QuerySet[PracticeNotePage]:
    """The notes a library listing shows, ready for a page of cards.

    With ``matches`` (from :func:`text_matches`) only the notes the reader's words found;
    ordered by relevance separately (:func:`paginate_notes`), since that order lives outside
    the database.
    """
    notes = _apply(_matching(visible_notes(user), matches), filters)
    order = filters.order
    if order not in SORTS:
        order = "newest"
    return _with_cards(notes).order_by(*SORTS[order])


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
        for t in label_order(terms)
        if t.n or str(getattr(t, key)) in selected
    ]
    return Facet(name, options)


def facet_counts(
    user, filters: LibraryFilters, matches: TextMatches | None = None
) -> dict[str, Facet]:
    """Each filter's options with how many notes each would give, the other filters applied
    (and only among the notes the reader's words found)."""
    notes = _matching(visible_notes(user), matches)
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


def paginate(notes: QuerySet | list[int], page_number) -> PaginatorPage:
    paginator = Paginator(notes, settings.KNOWLEDGE_LIBRARY_PAGE_SIZE)
    return paginator.get_page(page_number)


def paginate_notes(
    notes: QuerySet, page_number, *, filters: LibraryFilters, matches: TextMatches | None
) -> PaginatorPage:
    """A page of cards, by relevance when the reader searched and asked for it.

    Relevance order comes from the search service, so the page is cut from the ordered ids
    (one query) and only that page's notes are loaded (one query plus prefetches). Notes the
    words found carry ``search_snippet``, the matching passage with the words marked.
    """
    ranks = matches.ranks if matches is not None else None
    if filters.order != RELEVANCE or ranks is None:
        page = paginate(notes, page_number)
    else:
        rows = notes.order_by().values_list("pk", "translation_key")
        ordered = [pk for pk, key in sorted(rows, key=lambda row: (ranks[row[1]], row[0]))]
        page = paginate(ordered, page_number)
        loaded = notes.in_bulk(page.object_list)
        page.object_list = [loaded[pk] for pk in page.object_list if pk in loaded]
    if matches is not None and matches.ranks:
        snippets = matches.snippets([note.pk for note in page.object_list])
        for note in page.object_list:
            note.search_snippet = snippets.get(note.pk)
    return page


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
        .prefetch_related("countries", "themes")
        .order_by("-shared", "-first_published_at")
    )
    return list(candidates[:limit])


def note_translations(*, user, note: PracticeNotePage) -> list[PracticeNotePage]:
    """The note's other versions ``user`` may read, each with ``link`` (its address)."""
    return readable_versions(user=user, page=note)


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
        # What the reader is shown and why: a translation, or a fallback from their language.
        "version_note": version_note(page=note, versions=translations),
    }


# --- countries -----------------------------------------------------------------------------
def country_profiles(*, index) -> list:
    """One profile per country below the index in any language: the one in the index's own
    language when it has one (the default tree's serve every language that has none),
    Eastern Partnership countries first, each group in the order of the countries' names in
    the interface language."""
    from knowledge.models import CountryProfilePage

    profiles = sorted(
        in_translations_of(CountryProfilePage.objects.live(), index)
        .filter(depth=index.depth + 1)
        .select_related("country"),
        key=lambda profile: (
            profile.country.sort_group,
            sort_key(profile.country.label),
            profile.pk,
        ),
    )
    chosen: dict[int, CountryProfilePage] = {}
    for profile in profiles:
        if profile.country_id not in chosen or profile.locale_id == index.locale_id:
            chosen[profile.country_id] = profile
    return [profile for profile in profiles if chosen[profile.country_id] is profile]


def focal_points(*, user, country: Country) -> list[Profile]:
    """The country's national focal points whose profiles ``user`` may see."""
    profiles = Profile.objects.filter(
        focal_point=True, country=country, user__in=members_visible_to(user)
    ).select_related("user", "organisation")
    return list(profiles.order_by(collated("user__last_name"), collated("user__first_name"), "pk"))


def country_profile_context(*, user, profile) -> dict:
    notes = practice_notes_for(user, LibraryFilters(countries=(profile.country.slug,)))
    return {
        "practices": list(notes[:12]),
        "practice_count": notes.count(),
        "focal_points": focal_points(user=user, country=profile.country),
        "events": events_for_country(user=user, country=profile.country),
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
    write_url = note_add_url(user=user)
    if not notes and write_url is None:
        return None
    return {
        "template": "knowledge/dashboard_panel.html",
        "notes": notes,
        "library_url": library_url(),
        # Experts' way in: straight to the admin's form, and their notes by state.
        "write_url": write_url,
    }


def library_url() -> str | None:
    from knowledge.models import LibraryIndexPage

    library = LibraryIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    return localized_url(library) if library else None


# --- the writer's entry points -------------------------------------------------------------
def note_add_url(*, user) -> str | None:
    """The Wagtail admin's form for a new practice note in the library ``user`` may write in."""
    from django.urls import reverse

    from knowledge.access import library_for_writing

    library = library_for_writing(user)
    if library is None:
        return None
    return reverse("wagtailadmin_pages:add", args=("knowledge", "practicenotepage", library.pk))


@dataclass(frozen=True)
class NoteState:
    note: PracticeNotePage
    state: str  # one of NOTE_STATES
    changes_requested: bool
    unpublished_changes: bool


# The order "My notes" lists them in.
NOTE_STATES = ("draft", "in_review", "published")


def _workflow_statuses(page_ids: list[int]) -> dict[int, str]:
    """The status of each page's active review (in progress, or sent back with changes
    requested), in one query. Pages' workflow states name the base Page content type."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, WorkflowState

    if not page_ids:
        return {}
    rows = (
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
        )
        .values_list("object_id", "status")
    )
    return {int(object_id): status for object_id, status in rows}


def my_notes(*, user) -> dict[str, list[NoteState]]:
    """The notes ``user`` wrote (Wagtail's page owner), by state: draft (never published, or
    sent back with changes requested), in review (a review workflow in progress), published."""
    from wagtail.models import WorkflowState

    notes = list(
        PracticeNotePage.objects.filter(owner_id=user.pk).order_by(
            "-latest_revision_created_at", "-pk"
        )
    )
    statuses = _workflow_statuses([note.pk for note in notes])
    grouped: dict[str, list[NoteState]] = {state: [] for state in NOTE_STATES}
    for note in notes:
        in_review = statuses.get(note.pk) == WorkflowState.STATUS_IN_PROGRESS
        sent_back = statuses.get(note.pk) == WorkflowState.STATUS_NEEDS_CHANGES
        state = "in_review" if in_review else "published" if note.live else "draft"
        grouped[state].append(
            NoteState(
                note=note,
                state=state,
                changes_requested=sent_back,
                unpublished_changes=note.live and note.has_unpublished_changes,
            )
        )
    return grouped


def review_deadlines(*, user) -> list[dict]:
    """For the dashboard's deadlines: notes whose review is asked of ``user`` (Wagtail's review
    tasks they may act on), and their own notes sent back with changes requested."""
    from django.urls import reverse
    from django.utils.translation import gettext as _
    from wagtail.models import TaskState, WorkflowState

    items = []
    reviews = (
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
        )
        .select_related("revision")
        .order_by("started_at")[:5]
    )
    page_ids = [int(state.revision.object_id) for state in reviews if state.revision_id]
    titles = dict(PracticeNotePage.objects.filter(pk__in=page_ids).values_list("pk", "title"))
    for state in reviews:
        page_id = int(state.revision.object_id) if state.revision_id else None
        if page_id in titles:
            items.append(
                {
                    "when": state.started_at,
                    "since": True,
                    "kind": _("Review requested"),
                    "title": titles[page_id],
                    "url": reverse("wagtailadmin_pages:edit", args=[page_id]),
                }
            )
    own = list(
        PracticeNotePage.objects.filter(owner_id=user.pk).order_by("-latest_revision_created_at")[
            :20
        ]
    )
    statuses = _workflow_statuses([note.pk for note in own])
    items.extend(
        {
            "when": note.latest_revision_created_at,
            "since": True,
            "kind": _("Changes requested on your note"),
            "title": note.title,
            "url": reverse("wagtailadmin_pages:edit", args=[note.pk]),
        }
        for note in own
        if statuses.get(note.pk) == WorkflowState.STATUS_NEEDS_CHANGES
    )
    return items


def awaiting_review(*, limit: int = 5) -> tuple[int, list[PracticeNotePage]]:
    """Practice notes in a review workflow: how many, and the longest waiting first."""
    from wagtail.models import WorkflowState

    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
    )
    ids = [int(pk) for pk in states.values_list("object_id", flat=True)]
    notes = PracticeNotePage.objects.filter(pk__in=ids).select_related("owner")
    return notes.count(), list(notes.order_by("latest_revision_created_at")[:limit])
