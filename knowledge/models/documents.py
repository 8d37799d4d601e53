"""Documents attached to practice notes: type and size checked, their text kept for search."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

# The first bytes each accepted type starts with: an extension alone proves nothing.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "xls": (b"\xd0\xcf\x11\xe0",),
    "ppt": (b"\xd0\xcf\x11\xe0",),
}


def max_document_bytes() -> int:
    return settings.KNOWLEDGE_DOCUMENT_MAX_BYTES


class PracticeDocument(AbstractDocument):
    """Wagtail's document, plus the text extracted from it after upload (for search)."""

    extracted_text: models.TextField = models.TextField(
        _("extracted text"), blank=True, editable=False
    )
    extracted_at: models.DateTimeField = models.DateTimeField(null=True, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self) -> None:
        super().clean()
        upload = self.file
        if not upload:
            return
        size = getattr(upload, "size", None)
        if size is not None and size > max_document_bytes():
            raise ValidationError(
                {
                    "file": _("The file is %(size)s; the largest accepted is %(limit)s.")
                    % {
                        "size": filesizeformat(size),
                        "limit": filesizeformat(max_document_bytes()),
                    }
                }
            )
        extension = (upload.name or "").rsplit(".", 1)[-1].lower()
        signatures = SIGNATURES.get(extension)
        if signatures is None:
            return
        try:
            upload.seek(0)
            head = upload.read(8)
            upload.seek(0)
        except (OSError, ValueError):
            return
        if not head.startswith(signatures):
            raise ValidationError(
                {"file": _("This file is not a valid %(type)s file.") % {"type": extension.upper()}}
            )

    @property
    def kind(self) -> str:
        return (self.file_extension or "").upper()

    @property
    def size_display(self) -> str:
        try:
            size = self.file_size or self.file.size
        except (OSError, ValueError):
            return ""
        return filesizeformat(size) if size else ""
