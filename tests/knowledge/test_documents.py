"""Documents: type and size checks, text extraction after commit, downloads gated by tier."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client

from core.access import Tier
from core.roles import Role
from knowledge.models import PracticeDocument
from knowledge.pdf import simple_pdf
from knowledge.templatetags.knowledge_tags import document_link
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


def make_document(name="report.pdf", data=None, title="Evaluation report", capture=None):
    data = simple_pdf("Evaluation", ["Returnees counselled: 3,400"]) if data is None else data
    document = PracticeDocument(title=title, file=ContentFile(data, name=name))
    document.full_clean()
    if capture is not None:
        with capture(execute=True):
            document.save()
    else:
        document.save()
    return document


def docx_bytes(text):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(text):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Indicator", text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Files are built inside the test: xdist workers must agree on the test ids.
FILES = {
    "pdf": (lambda: simple_pdf("Evaluation", ["Returnees counselled: 3,400"]), "3,400"),
    "docx": (lambda: docx_bytes("Referral mechanism handbook"), "Referral mechanism"),
    "xlsx": (lambda: xlsx_bytes("Remittance cost 4.2%"), "Remittance cost 4.2%"),
}


@pytest.mark.parametrize("kind", list(FILES))
def test_text_is_extracted_after_commit(kind, django_capture_on_commit_callbacks):
    build, expected = FILES[kind]
    name, data = f"report.{kind}", build()
    document = make_document(name, data, capture=django_capture_on_commit_callbacks)
    document.refresh_from_db()
    assert expected in document.extracted_text
    assert document.extracted_at is not None


def test_damaged_file_leaves_text_empty(django_capture_on_commit_callbacks):
    document = PracticeDocument(title="Broken", file=ContentFile(b"%PDF-1.4 broken", name="b.pdf"))
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    document.refresh_from_db()
    assert document.extracted_text == ""
    assert document.extracted_at is not None


def test_a_file_must_be_what_its_extension_says():
    with pytest.raises(ValidationError, match="not a valid PDF"):
        make_document("fake.pdf", b"MZ\x90\x00 executable")


def test_size_limit(settings):
    settings.KNOWLEDGE_DOCUMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="largest accepted"):
        make_document()


def test_link_shows_type_and_size():
    document = make_document(data=simple_pdf("x", ["y"]) + b" " * 1_200_000)
    html = document_link(document)
    assert "download (PDF, 1.1\xa0MB)" in html or "download (PDF, 1.2\xa0MB)" in html


def _note_with_document(library, tier, document, publish=True, owner=None):
    return make_note(
        library,
        tier=tier,
        publish=publish,
        owner=owner,
        body=[("document", {"document": document, "title": ""})],
    )


@pytest.mark.parametrize(
    ("tier", "role", "allowed"),
    [
        (Tier.MEMBERS, Role.OBSERVER, True),
        (Tier.GOVERNMENTS, Role.OBSERVER, False),
        (Tier.GOVERNMENTS, Role.EXPERT, False),
        (Tier.GOVERNMENTS, Role.GOVERNMENT, True),
        (Tier.SECRETARIAT, Role.GOVERNMENT, False),
        (Tier.SECRETARIAT, Role.SECRETARIAT, True),
    ],
)
def test_downloads_obey_the_notes_tier(library, tier, role, allowed):
    document = make_document()
    _note_with_document(library, tier, document)
    client = Client()
    client.force_login(make_member(role))
    response = client.get(document.url)
    assert response.status_code == (200 if allowed else 404)


def test_anonymous_visitors_cannot_download(library):
    document = make_document()
    _note_with_document(library, Tier.MEMBERS, document)
    response = Client().get(document.url)
    assert response.status_code == 302


def test_a_drafts_document_only_for_its_author(library):
    author = make_member(Role.EXPERT)
    document = make_document()
    _note_with_document(library, Tier.MEMBERS, document, publish=False, owner=author)
    other = Client()
    other.force_login(make_member(Role.OBSERVER))
    assert other.get(document.url).status_code == 404
    own = Client()
    own.force_login(author)
    assert own.get(document.url).status_code == 200


def test_note_lists_its_documents(library, member_client):
    document = make_document(title="Evaluation report")
    note = _note_with_document(library, Tier.MEMBERS, document)
    content = member_client.get(note.url).content.decode()
    assert "Evaluation report" in content
    assert "download (PDF," in content
