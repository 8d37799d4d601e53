"""Practice notes (knowledge app), with the text extracted from their attached documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.sources import (
    Entry,
    Source,
    linked,
    model_or_none,
    page_language,
    page_url,
    register,
    stream_text,
    tier_keys,
)

DOCUMENT_TEXT_LIMIT = 50_000


def _notes():
    return model_or_none("knowledge.PracticeNotePage").objects.live().select_related("locale")


def _documents_texts(ids: set[int]) -> dict[int, str]:
    Document = model_or_none("knowledge.PracticeDocument")
    if not ids or Document is None:
        return {}
    rows = Document.objects.filter(pk__in=ids).values_list("pk", "title", "extracted_text")
    return {pk: f"{title} {text[:DOCUMENT_TEXT_LIMIT]}" for pk, title, text in rows}


def _note_entries(pages: list) -> list[Entry]:
    """Entries for a chunk of notes: their taxonomies and documents read in five queries."""
    Note = model_or_none("knowledge.PracticeNotePage")
    ids = [page.pk for page in pages]
    countries = linked(Note, "countries", ids, "code")
    themes = linked(Note, "themes", ids, "slug")
    gcm = linked(Note, "gcm_objectives", ids, "number")
    groups = linked(Note, "target_groups", ids, "pk")
    group_labels = {
        pk: group.label
        for pk, group in model_or_none("taxonomy.TargetGroup")
        .objects.in_bulk({pk for found in groups.values() for pk in found})
        .items()
    }
    documents = {page.pk: sorted(page.document_ids()) for page in pages}
    texts = _documents_texts({pk for found in documents.values() for pk in found})
    entries = []
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
                access=tier_keys(page),
                language=page_language(page),
                summary=page.summary,
                body=body,
                countries=countries.get(page.pk, []),
                themes=themes.get(page.pk, []),
                gcm=[str(number) for number in gcm.get(page.pk, [])],
                date=page.first_published_at or page.last_published_at,
            )
        )
    return entries


def _notes_with_document(document):
    """Notes whose body shows ``document``: Wagtail's reference index knows them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    Note = model_or_none("knowledge.PracticeNotePage")
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(model_or_none("wagtailcore.Page"))
    )
    return Note.objects.filter(
        pk__in=[int(r) for r in references.values_list("object_id", flat=True)]
    )


if model_or_none("knowledge.PracticeNotePage"):
    register(
        Source(
            kind="practice_note",
            label=_("Practice note"),
            model="knowledge.PracticeNotePage",
            queryset=_notes,
            to_entries=_note_entries,
            is_page=True,
            related={"knowledge.PracticeDocument": _notes_with_document}
            if model_or_none("knowledge.PracticeDocument")
            else {},
            related_fields={"knowledge.PracticeDocument": frozenset({"extracted_text", "title"})},
        )
    )
