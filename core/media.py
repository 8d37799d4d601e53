"""Uploaded files (under ``MEDIA_ROOT``), served only to members who may see what uses them.

Nothing under ``MEDIA_URL`` is served straight from disk, in development either: this view
answers every ``MEDIA_URL`` path, finds the object the file belongs to and asks the access
layer:

- a Wagtail image, its original or a rendition → the image → ``core.documents.can_view_image``;
- a document → ``core.documents.can_download_document`` (members normally download through
  ``/documents/<id>/<name>``, which asks the same guard);
- any other file → the apps' owners registered with ``MEDIA_OWNERS_HOOK``: each takes the file's
  storage name and returns the objects that keep it (e.g. the profile whose photo it is);
  the member must be able to see one (``core.access.can_view``);
- a file nobody claims, or a path that leaves ``MEDIA_ROOT``: 404, like a missing file.

Production: the web process serves these through this view too (``FileResponse`` streams the
file; gunicorn's workers are enough for a members' platform). A reverse proxy must not serve
``MEDIA_ROOT`` by itself; to offload large files, let it serve an ``internal`` location and
answer here with ``X-Accel-Redirect`` (nginx) or ``X-Sendfile`` instead of the file.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.access import Guarded, can_view
from core.documents import can_download_document, can_view_image, users_of

MEDIA_OWNERS_HOOK = "register_media_owner"

MediaOwner = Callable[[str], Iterable[Guarded]]


def storage_name(path: str) -> str | None:
    """``path`` as a name inside ``MEDIA_ROOT``, or ``None`` when it would leave it or is not
    written the one way the storage writes names (no ``..``, ``.``, ``//``, backslash)."""
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    normal = posixpath.normpath(path)
    if normal != path or normal.startswith(("..", "/")) or normal == ".":
        return None
    return normal


def may_see_file(user, name: str) -> bool:
    """True when ``user`` may see an object that uses the media file ``name``."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is None:
        rendition = (
            Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
        )
        image = rendition.image if rendition is not None else None
    if image is not None:
        return can_view_image(user, image)
    document = get_document_model().objects.filter(file=name).first()
    if document is not None:
        return can_download_document(user, document)
    return any(can_view(user, obj) for obj in users_of(MEDIA_OWNERS_HOOK, name))


def serve_media(request: HttpRequest, path: str) -> FileResponse:
    name = storage_name(path)
    if name is None or not may_see_file(request.user, name):
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    full = (root / name).resolve()
    if not full.is_relative_to(root) or not full.is_file():
        raise Http404
    content_type, _encoding = mimetypes.guess_type(full.name)
    response = FileResponse(
        full.open("rb"), content_type=content_type or "application/octet-stream"
    )
    # Uploaded files never run as pages here: no sniffing, no scripts.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response["Cache-Control"] = "private"
    return response
