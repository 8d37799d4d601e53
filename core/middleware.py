"""Requests that no view can answer sensibly, refused before they reach one."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNulBytesMiddleware:
    """A NUL byte in a query string or form value answers 400.

    No text a member types contains one, and PostgreSQL refuses it in any text comparison
    (``DataError``), which would otherwise surface as a 500 from whichever filter reads it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _has_nul(request.GET) or _has_nul(request.POST):
            return HttpResponseBadRequest(
                _("The request contains a character that is not allowed (NUL)."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)
