"""The one guard for files: who may download a document or an image.

A file is served to a member only when they may see at least one object that uses it (a
practice note, an event's annex or minutes, a consultation's material, a discussion attachment,
a profile photo). Each app that attaches files says which of its objects use a given file by
registering an *owner* with a Wagtail hook, in its own ``wagtail_hooks.py``::

    @hooks.register(DOCUMENT_OWNERS_HOOK)
    def notes_using_document(document):
        return PracticeNotePage.objects.filter(...)   # anything with ``access_keys()``

``IMAGE_OWNERS_HOOK`` does the same for images. A file that nothing uses is the secretariat's
(and its uploader's, who is about to attach it). Every download path asks this module: the
``before_serve_document`` hook, the image and media views, and the admin's choosers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from wagtail import hooks

from core.access import Guarded, can_view, is_secretariat, user_keys

DOCUMENT_OWNERS_HOOK = "register_document_owner"
IMAGE_OWNERS_HOOK = "register_image_owner"

Owner = Callable[[Any], Iterable[Guarded]]


def _users_of(hook_name: str, file: Any) -> list[Guarded]:
    owners: list[Owner] = hooks.get_hooks(hook_name)
    return [obj for owner in owners for obj in owner(file)]


def _may_download(user, file: Any, hook_name: str) -> bool:
    if not user_keys(user):
        return False
    if is_secretariat(user):
        return True
    users = _users_of(hook_name, file)
    if not users:
        return file.uploaded_by_user_id is not None and file.uploaded_by_user_id == user.pk
    return any(can_view(user, obj) for obj in users)


def can_download_document(user, document) -> bool:
    """True when ``user`` may see an object that uses ``document``."""
    return _may_download(user, document, DOCUMENT_OWNERS_HOOK)


def can_view_image(user, image) -> bool:
    """True when ``user`` may see an object that uses ``image``."""
    return _may_download(user, image, IMAGE_OWNERS_HOOK)
