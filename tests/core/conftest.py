"""The library's pages and files, built small for the file-guard and admin tests."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile

from knowledge.models import PracticeDocument
from knowledge.pdf import simple_pdf


@pytest.fixture
def library(db):
    from knowledge.services import library_setup

    return library_setup()


def make_document(title: str = "Annex", *, uploaded_by=None, collection=None) -> PracticeDocument:
    document = PracticeDocument(
        title=title,
        file=ContentFile(simple_pdf(title, ["Confidential figures"]), name="annex.pdf"),
        uploaded_by_user=uploaded_by,
    )
    if collection is not None:
        document.collection = collection
    document.save()
    return document


def png_bytes() -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str = "Chart"):
    from wagtail.images import get_image_model

    image = get_image_model()(title=title, file=ContentFile(png_bytes(), name="chart.png"))
    image.save()
    return image
