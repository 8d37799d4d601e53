"""PDFs are written offline and carry Georgian, Armenian and Cyrillic text as text."""

from __future__ import annotations

import io

import pytest
from django.template import engines
from pypdf import PdfReader

from core import pdf

TEXT = "Сертификат участия · სერტიფიკატი · Վկայական · İştirak sertifikatı"


def _text(body: bytes) -> str:
    # Words as a reader sees them: line breaks are the layout's, not the text's.
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split()
    )


def test_pdf_carries_every_script_as_extractable_text(tmp_path, settings):
    (tmp_path / "letter.html").write_text(
        '{% extends "core/pdf_base.html" %}{% block content %}<h1>{{ text }}</h1>{% endblock %}'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    engines._engines = {}  # the template setting changed: rebuild the engines
    try:
        body = pdf.render_pdf("letter.html", {"text": TEXT}, language="ru")
    finally:
        engines._engines = {}
    assert body.startswith(b"%PDF")
    text = _text(body)
    assert TEXT in text
    # The header is the interface's text in the document's language.
    assert "Платформа Миграционного партнёрства" in text


def test_pdf_fetches_nothing_from_the_network(tmp_path, settings):
    (tmp_path / "remote.html").write_text('<img src="https://example.org/logo.png"><p>x</p>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    engines._engines = {}
    try:
        # WeasyPrint reports a refused resource and leaves it out; the document is still made.
        body = pdf.render_pdf("remote.html", {}, language="en")
    finally:
        engines._engines = {}
    assert body.startswith(b"%PDF")
    with pytest.raises(pdf.OfflineOnly):
        pdf._fetch("https://example.org/logo.png")
