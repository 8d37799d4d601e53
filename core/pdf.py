"""Documents as PDF: a Django template rendered by WeasyPrint, offline.

Letters and certificates are written in the member's language, so the fonts must cover Latin,
Cyrillic, Georgian and Armenian scripts: DejaVu (Debian's ``fonts-dejavu-core``, installed by
``platform/services``) covers all four. WeasyPrint lays the page out with Pango, found through
fontconfig; nothing is fetched from the network: the only URLs a template may use are the
project's static files, read from disk.
"""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import override
from weasyprint import HTML, default_url_fetcher

STATIC_PREFIX = "static:"


class OfflineOnly(ValueError):
    """A template asked for a file that is not one of the project's static files."""


def _fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # ``static:css/pdf.css`` → the file on disk; anything else is refused, never fetched.
    if url.startswith(STATIC_PREFIX):
        path = finders.find(url.removeprefix(STATIC_PREFIX))
        if isinstance(path, str):
            return default_url_fetcher(f"file://{path}", *args, **kwargs)
    raise OfflineOnly(f"{url!r} is not a static file; PDFs fetch nothing from the network")


def render_pdf(template: str, context: dict[str, Any], *, language: str) -> bytes:
    """The template rendered in ``language`` (its text, dates and numbers) as PDF bytes."""
    with override(language):
        html = render_to_string(template, {**context, "pdf_language": language})
    return HTML(string=html, url_fetcher=_fetch, base_url=".").write_pdf()


def pdf_response(
    request: HttpRequest, body: bytes, filename: str, *, inline: bool = False
) -> HttpResponse:
    """The PDF as a download (or shown in the browser), never cached by a shared cache."""
    response = HttpResponse(body, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
