"""Addresses written into e-mails and calendar files: the configured site, never the request.

A calendar file or an e-mail leaves the request behind; the host a request came in on (or
Wagtail's ``Site`` record) may be an internal name. ``settings.SITE_URL`` is the address members
know, required in production.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from core.links import localized_url


def absolute_url(path: str) -> str:
    """``path`` (starting with ``/``) on the configured site."""
    return settings.SITE_URL.rstrip("/") + path


def page_url(page) -> str:
    """The page's address on the configured site, in the active language."""
    parts = urlsplit(localized_url(page))
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return absolute_url(path)
