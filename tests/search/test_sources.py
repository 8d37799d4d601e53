"""What a source reads from the database is what Wagtail itself would index, only faster."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from knowledge.models import PracticeDocument, PracticeNotePage
from search.extract import plain_text, stream_text
from search.sources import source_for
from tests.search.builders import make_note

pytestmark = pytest.mark.django_db

EVERY_BLOCK = [
    ("text", '<h2>Context</h2><p>The <b>scheme</b> &amp; its <a href="/x">partners</a>.</p>'),
    (
        "key_figures",
        {"heading": "In numbers", "figures": [{"value": "1,200", "label": "workers placed"}]},
    ),
    ("testimony", {"quote": "It changed my life.", "attribution": "A worker", "role": "Welder"}),
    ("lessons", {"heading": "Lessons", "lessons": ["Start small.", "Pay on time."]}),
    (
        "table",
        {"data": [["Year", "Placed"], ["2023", "1,200"]], "first_row_is_table_header": True},
    ),
    ("contact", {"name": "Ion Rusu", "role": "Head", "organisation": "ANOFM", "email": ""}),
]


def test_body_text_is_the_text_wagtail_finds(library_note_with_every_block):
    note = PracticeNotePage.objects.get(pk=library_note_with_every_block.pk)
    wagtail = note.body.stream_block.get_searchable_content(note.body)
    assert stream_text(note.body) == plain_text(" ".join(str(part) for part in wagtail))
    assert "workers placed" in stream_text(note.body)
    assert "Pay on time." in stream_text(note.body)


def test_a_chunk_of_notes_reads_its_relations_in_a_few_queries(
    library_note_with_every_block, django_assert_max_num_queries
):
    """Taxonomies and documents for twenty notes: the same few queries as for one note."""
    document = PracticeDocument.objects.first()
    for number in range(20):
        make_note(
            f"Note {number}",
            countries=("GE", "AM"),
            target_groups=("labour-migrants",),
            body=[("document", {"document": document, "title": ""})],
        )
    source = source_for("practice_note")
    ids = [str(pk) for pk in source.queryset().values_list("pk", flat=True)]
    with django_assert_max_num_queries(12):
        entries = source.entries(source.load(ids))
    assert len(entries) == 21
    assert sorted(entries[ids[-1]].countries) == ["AM", "GE"]
    assert "Labour migrants" in entries[ids[-1]].body
    assert "Returnees counselled" in entries[ids[-1]].body


@pytest.fixture
def library_note_with_every_block():
    document = PracticeDocument.objects.create(
        title="Evaluation report", file=ContentFile(b"%PDF-1.4", name="evaluation.pdf")
    )
    PracticeDocument.objects.filter(pk=document.pk).update(extracted_text="Returnees counselled")
    return make_note(
        "Circular migration agreement",
        body=[*EVERY_BLOCK, ("document", {"document": document, "title": ""})],
        target_groups=("labour-migrants",),
    )
