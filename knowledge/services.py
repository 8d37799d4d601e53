"""Writes for the library: setting it up, documents' text, review notifications."""

from __future__ import annotations

import io
import logging
import zipfile

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from docx.opc.exceptions import PackageNotFoundError
from openpyxl.utils.exceptions import InvalidFileException
from pypdf.errors import PyPdfError
from wagtail.models import Page

from knowledge.models import (
    CountryIndexPage,
    CountryProfilePage,
    LibraryIndexPage,
    PracticeDocument,
    PracticeNotePage,
)
from taxonomy.models import Country

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Library review"
TASK_NAME = "Secretariat review"
EXTRACTED_TEXT_MAX_CHARS = 500_000


# --- the library's place in the tree -------------------------------------------------------
@transaction.atomic
def library_setup(*, parent: Page | None = None) -> LibraryIndexPage:
    """Create the library, its country profiles, review workflow and editors' rights. Idempotent.

    The library goes below ``parent``, by default the default site's root page (the home page).
    Page permissions need the library page, so they cannot live in a migration; the demo
    seeding and ``manage.py setup_library`` call this.
    """
    from wagtail.models import Locale, Site, Workflow, WorkflowPage

    from core.roles import Role
    from members.roles import grant_page_permissions

    Locale.objects.get_or_create(language_code="ru")
    home = parent or Site.objects.get(is_default_site=True).root_page
    library = LibraryIndexPage.objects.filter(locale=home.locale).first()
    if library is None:
        library = home.add_child(
            instance=LibraryIndexPage(
                title="Library of practices",
                slug="library",
                introduction="<p>What governments in the region did, and what they learned.</p>",
            )
        )
    countries_index = CountryIndexPage.objects.child_of(library).first()
    if countries_index is None:
        countries_index = library.add_child(
            instance=CountryIndexPage(title="Country profiles", slug="countries")
        )
    existing = set(
        CountryProfilePage.objects.child_of(countries_index).values_list("country_id", flat=True)
    )
    for country in Country.objects.filter(eastern_partnership=True).exclude(pk__in=existing):
        countries_index.add_child(
            instance=CountryProfilePage(title=country.name, slug=country.slug, country=country)
        )

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(
            page=Page.objects.get(pk=library.pk), defaults={"workflow": workflow}
        )
    # "add" lets experts create notes and edit their own, never others'; without "publish" they
    # can only submit them to the secretariat's review.
    grant_page_permissions(page=library, role=Role.EXPERT, actions=("add",))
    grant_page_permissions(
        page=library,
        role=Role.SECRETARIAT,
        actions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    )
    return library


# --- documents -----------------------------------------------------------------------------
def _text_of_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _text_of_docx(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts.extend(
        " | ".join(cell.text for cell in row.cells)
        for table in document.tables
        for row in table.rows
    )
    return "\n".join(parts)


def _text_of_xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value not in (None, "")]
            if cells:
                lines.append(" ".join(cells))
    workbook.close()
    return "\n".join(lines)


EXTRACTORS = {"pdf": _text_of_pdf, "docx": _text_of_docx, "xlsx": _text_of_xlsx}
# What the readers raise on a damaged or disguised file (a DOCX or XLSX is a ZIP archive).
EXTRACT_ERRORS = (
    PyPdfError,
    PackageNotFoundError,
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    OSError,
)


def document_text_extract(*, document_id: int) -> PracticeDocument | None:
    """Fill ``extracted_text`` from the file. Safe to repeat; a damaged file leaves it empty."""
    document = PracticeDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    extractor = EXTRACTORS.get((document.file_extension or "").lower())
    text = ""
    if extractor is not None:
        # Reading the file is outside the guard: a missing file or a storage outage fails the
        # task (retried), instead of being recorded as a document without text.
        with document.open_file() as handle:
            data = handle.read()
        try:
            text = extractor(data)
        except EXTRACT_ERRORS:  # a malformed upload must not poison the queue
            logger.warning("Could not extract text of document %s", document_id, exc_info=True)
    PracticeDocument.objects.filter(pk=document_id).update(
        extracted_text=text[:EXTRACTED_TEXT_MAX_CHARS].replace("\x00", ""),
        extracted_at=timezone.now(),
    )
    document.refresh_from_db()
    return document


def document_text_schedule(*, document: PracticeDocument) -> None:
    from knowledge.tasks import extract_document_text

    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text.delay(document_id))


# --- review notifications ------------------------------------------------------------------
REVIEW_EVENTS = {
    "submitted": "knowledge/emails/review_submitted",
    "changes_requested": "knowledge/emails/review_changes_requested",
    "approved": "knowledge/emails/review_approved",
    "to_review": "knowledge/emails/review_to_review",
}


def review_notification_schedule(
    *, note_id: int, event: str, actor_id: int | None = None, comment: str = ""
) -> None:
    from knowledge.tasks import send_review_notification

    transaction.on_commit(lambda: send_review_notification.delay(note_id, event, actor_id, comment))


def _reviewers():
    from django.contrib.auth import get_user_model

    from core.roles import Role

    return get_user_model().objects.filter(groups__name=Role.SECRETARIAT, is_active=True).distinct()


def review_notification_send(
    *, note_id: int, event: str, actor_id: int | None = None, comment: str = ""
) -> int:
    """E-mail the author (or, for ``to_review``, the secretariat) about a review step."""
    from django.contrib.auth import get_user_model

    note = PracticeNotePage.objects.filter(pk=note_id).select_related("owner").first()
    if note is None or event not in REVIEW_EVENTS:
        return 0
    if event == "to_review":
        recipients = [u for u in _reviewers() if u.pk != actor_id]
    else:
        recipients = [note.owner] if note.owner and note.owner.is_active else []
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    edit_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{note.pk}/edit/"
    sent = 0
    for recipient in recipients:
        language = _language_of(recipient)
        with translation.override(language):
            context = {
                "note": note,
                "recipient": recipient,
                "actor": actor,
                "comment": comment,
                "edit_url": edit_url,
                "note_url": note.full_url if note.live else "",
            }
            template = REVIEW_EVENTS[event]
            subject = render_to_string(f"{template}_subject.txt", context).strip()
            body = render_to_string(f"{template}.txt", context)
        message = EmailMultiAlternatives(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, to=[recipient.email]
        )
        message.send()
        sent += 1
    return sent


def _language_of(user) -> str:
    """The member's preferred language for e-mail, if the platform speaks it."""
    return user.language if user.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def review_comment(workflow_state) -> str:
    """The reviewer's comment when they asked for changes."""
    from wagtail.models import TaskState

    task_state = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_REJECTED)
        .order_by("-finished_at")
        .first()
    )
    return (task_state.comment if task_state else "") or ""
