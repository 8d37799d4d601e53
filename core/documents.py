"""The one guard for files: who may download a document or an image.

A file is served to a member only when they may see at least one object that uses it (a
practice note, an event's annex or minutes, a consultation's material, a discussion attachment,
a profile photo). Each app that attaches files says which of its objects use a given file by
registering an *owner* with a Wagtail hook, in its own ``wagtail_hooks.py``::

    @hooks.register(DOCUMENT_OWNERS_HOOK)
    def notes_using_document(document):
        return pages_using(document, [PracticeNotePage])   # anything with ``access_keys()``

``IMAGE_OWNERS_HOOK`` does the same for images. :func:`pages_using` reads Wagtail's reference
index, which records every document or image a page uses: chooser blocks and foreign keys, and
links in rich text (``<a linktype="document">``, ``<embed embedtype="image">``), kept current on
each save of the page. A file that nothing uses is the secretariat's (and its uploader's, who is
about to attach it).

A document in a private collection (Wagtail's "Privacy" on a collection) is narrowed further,
with the same keys as a private page: "signed-in users" narrows nothing, "these groups" keeps
those groups and the secretariat, a shared password leaves it to the secretariat.

Every download path asks this module: the ``before_serve_document`` hook, the media view
(``core.media``), and the admin's listings and choosers (``core.admin_access``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail import hooks
from wagtail.models import BaseViewRestriction, Page, ReferenceIndex

from core.access import SECRETARIAT, Guarded, can_view, group_key, is_secretariat, user_keys

DOCUMENT_OWNERS_HOOK = "register_document_owner"
IMAGE_OWNERS_HOOK = "register_image_owner"

Owner = Callable[[Any], Iterable[Guarded]]


def page_uses(file: models.Model, page_models: Sequence[type[Page]]) -> dict[Page, set[str]]:
    """The pages of ``page_models`` whose content uses ``file`` (a document or an image), each
    with the fields that use it (``"minutes"``, ``"synthesis"``, ``"body.<block>..."``), as
    recorded by Wagtail's reference index: two queries, plus one per model that uses it."""
    page_type = ContentType.objects.get_for_model(Page)
    wanted = {ContentType.objects.get_for_model(model).pk: model for model in page_models}
    rows = (
        ReferenceIndex.get_references_to(file)
        .filter(base_content_type=page_type, content_type__in=list(wanted))
        .values_list("content_type", "object_id", "model_path")
        .distinct()
    )
    paths: dict[int, dict[int, set[str]]] = {}
    for content_type_id, object_id, model_path in rows:
        paths.setdefault(content_type_id, {}).setdefault(int(object_id), set()).add(model_path)
    return {
        page: paths[content_type_id][page.pk]
        for content_type_id, by_page in paths.items()
        for page in wanted[content_type_id].objects.filter(pk__in=by_page)
    }


def pages_using(file: models.Model, page_models: Sequence[type[Page]]) -> list[Page]:
    """The pages of ``page_models`` whose content uses ``file`` (see :func:`page_uses`)."""
    return list(page_uses(file, page_models))


def users_of(hook_name: str, file: Any) -> list[Guarded]:
    """The objects the owners registered under ``hook_name`` say use ``file``."""
    owners: list[Owner] = hooks.get_hooks(hook_name)
    return [obj for owner in owners for obj in owner(file)]


def collection_keys(collection) -> list[frozenset[str]]:
    """The audiences each privacy rule on ``collection`` (or its ancestors) lets through; a
    member must pass every one."""
    rules = []
    for restriction in collection.get_view_restrictions().prefetch_related("groups"):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        allowed = {SECRETARIAT}
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            allowed |= {group_key(group.name) for group in restriction.groups.all()}
        rules.append(frozenset(allowed))
    return rules


def passes_collection(user, file: Any) -> bool:
    keys = user_keys(user)
    return all(keys & allowed for allowed in collection_keys(file.collection))


def _may_download(user, file: Any, hook_name: str) -> bool:
    if not user_keys(user):
        return False
    if is_secretariat(user):
        return True
    if not passes_collection(user, file):
        return False
    users = users_of(hook_name, file)
    if not users:
        return file.uploaded_by_user_id is not None and file.uploaded_by_user_id == user.pk
    return any(can_view(user, obj) for obj in users)


def can_download_document(user, document) -> bool:
    """True when ``user`` may see an object that uses ``document``."""
    return _may_download(user, document, DOCUMENT_OWNERS_HOOK)


def can_view_image(user, image) -> bool:
    """True when ``user`` may see an object that uses ``image``."""
    return _may_download(user, image, IMAGE_OWNERS_HOOK)
