"""Practice notes in search, with the text extracted from their attached documents."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from knowledge.models import PracticeDocument, PracticeNotePage
from search.extract import linked, page_language, page_url, stream_text
from search.sources import SOURCES_HOOK, Entry, Source
from taxonomy.models import TargetGroup

DOCUMENT_TEXT_LIMIT = 50_000


def _notes() -> QuerySet[PracticeNotePage]:
    return PracticeNotePage.objects.live().select_related("locale")


def _documents_texts(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = PracticeDocument.objects.filter(pk__in=ids).values_list("pk", "title", "extracted_text")
    return {pk: f"{title} {text[:DOCUMENT_TEXT_LIMIT]}" for pk, title, text in rows}


def _note_entries(pages: list[PracticeNotePage]) -> list[Entry | None]:
    """Entries for a chunk of notes: their taxonomies and documents read in five queries."""
    ids = [page.pk for page in pages]
    countries = linked(PracticeNotePage, "countries", ids, "code")
    themes = linked(PracticeNotePage, "themes", ids, "slug")
    gcm = linked(PracticeNotePage, "gcm_objectives", ids, "number")
    groups = linked(PracticeNotePage, "target_groups", ids, "pk")
    group_labels = {
        pk: group.label
        for pk, group in TargetGroup.objects.in_bulk(
            {pk for found in groups.values() for pk in found}
        ).items()
    }
    documents = {page.pk: sorted(page.document_ids()) for page in pages}
    texts = _documents_texts({pk for found in documents.values() for pk in found})
    entries: list[Entry | None] = []
    for page in pages:
        body = " ".join(
            part
            for part in (
                stream_text(page.body),
                page.implementing_organisations,
                page.results,
                " ".join(group_labels[pk] for pk in groups.get(page.pk, ())),
                " ".join(texts[pk] for pk in documents[page.pk] if pk in texts),
            )
            if part
        )
        entries.append(
            Entry(
                title=page.title,
                url=page_url(page),
                access=page.access_keys(),
                # A note says its language; the locale is the fallback for older notes.
                language=(page.language or page_language(page)).split("-")[0].lower(),
                summary=page.summary,
                body=body,
                countries=countries.get(page.pk, []),
                themes=themes.get(page.pk, []),
                gcm=[str(number) for number in gcm.get(page.pk, [])],
                date=page.first_published_at or page.last_published_at,
            )
        )
    return entries


def _notes_with_document(document: PracticeDocument) -> QuerySet[PracticeNotePage]:
    """Notes whose body shows ``document``: Wagtail's reference index knows them."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return PracticeNotePage.objects.filter(
        pk__in=[int(r) for r in references.values_list("object_id", flat=True)]
    )


NOTES = Source(
    kind="practice_note",
    label=_("Practice note"),
    model=PracticeNotePage,
    queryset=_notes,
    to_entries=_note_entries,
    is_page=True,
    related={PracticeDocument: _notes_with_document},
    related_fields={PracticeDocument: frozenset({"extracted_text", "title"})},
)


@hooks.register(SOURCES_HOOK)
def search_sources() -> list[Source]:
    return [NOTES]
