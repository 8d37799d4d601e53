"""Practice notes (knowledge app), with the text extracted from their attached documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.sources import (
    Entry,
    Source,
    codes,
    model_or_none,
    page_language,
    page_url,
    plain_text,
    register,
    tier_keys,
)

DOCUMENT_TEXT_LIMIT = 50_000


def _notes():
    return (
        model_or_none("knowledge.PracticeNotePage")
        .objects.live()
        .select_related("locale")
        .prefetch_related("countries", "themes", "gcm_objectives", "target_groups")
    )


def _stream_text(page) -> str:
    body = page.body
    try:
        parts = body.stream_block.get_searchable_content(body)
    except (AttributeError, TypeError):
        parts = [str(body)]
    return plain_text(" ".join(str(p) for p in parts))


def _documents_text(page) -> str:
    Document = model_or_none("knowledge.PracticeDocument")
    ids = page.document_ids() if hasattr(page, "document_ids") else set()
    if not ids or Document is None:
        return ""
    texts = Document.objects.filter(pk__in=ids).values_list("title", "extracted_text")
    return " ".join(f"{title} {text[:DOCUMENT_TEXT_LIMIT]}" for title, text in texts)


def _note_entry(page) -> Entry:
    body = " ".join(
        part
        for part in (
            _stream_text(page),
            page.implementing_organisations,
            page.results,
            " ".join(t.label for t in page.target_groups.all()),
            _documents_text(page),
        )
        if part
    )
    return Entry(
        title=page.title,
        url=page_url(page),
        access=tier_keys(page),
        language=page_language(page),
        summary=page.summary,
        body=body,
        countries=codes(page.countries, "code"),
        themes=codes(page.themes, "slug"),
        gcm=codes(page.gcm_objectives, "number"),
        date=page.first_published_at or page.last_published_at,
    )


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
            to_entry=_note_entry,
            is_page=True,
            related={"knowledge.PracticeDocument": _notes_with_document}
            if model_or_none("knowledge.PracticeDocument")
            else {},
            related_fields={"knowledge.PracticeDocument": frozenset({"extracted_text", "title"})},
        )
    )
