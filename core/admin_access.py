"""The access layer's rules as queryset filters, for Wagtail's admin.

An editor in the admin sees and chooses only the pages, documents and images they may see as a
member. Wagtail asks its page permission policy (:class:`TieredPagePermissionPolicy`) for the
pages a user may explore: the explorer, page search, the site history report and the page
history ask it; the page chooser and the document and image choosers call hooks
(``core.wagtail_hooks``). All of them end here, in :func:`filter_pages` and
:func:`filter_files`, which apply ``core.access``'s tiers and privacy rules in the database.
"""

from __future__ import annotations

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.access import (
    filter_pages_by_privacy,
    is_secretariat,
    user_keys,
    visible_tiers,
)
from core.documents import collection_keys

# Every page model with a confidentiality tier keeps it in a field of this name (a
# ``core.access.Tier``), as the pages' ``access_keys()`` read it.
TIER_FIELD = "tier"


@cache
def _tiered_page_models() -> tuple[type[Page], ...]:
    return tuple(
        model
        for model in get_page_models()
        if any(field.name == TIER_FIELD for field in model._meta.local_fields)
    )


def filter_pages(user, pages: models.QuerySet) -> models.QuerySet:
    """The pages of ``pages`` that ``user`` may see as a member: their tier is one the user
    reads, no privacy rule shuts them out, and an unpublished page only to its owner."""
    if is_secretariat(user):
        return pages
    tiers = visible_tiers(user)
    if not tiers:
        return pages.none()
    pages = filter_pages_by_privacy(user, pages)
    for model in _tiered_page_models():
        hidden = model.objects.exclude(**{f"{TIER_FIELD}__in": tiers}).values("pk")
        pages = pages.exclude(pk__in=hidden)
    return pages.filter(models.Q(live=True) | models.Q(owner=user))


def filter_files(user, files: models.QuerySet) -> models.QuerySet:
    """The documents (or images) of ``files`` that ``user`` may see: used by a page they may
    see, or uploaded by themselves; never one in a private collection they do not pass.

    Filters by plain ids, so the admin's search backend (which cannot read joins or casts)
    can apply them too.
    """
    if is_secretariat(user):
        return files
    keys = user_keys(user)
    if not keys:
        return files.none()
    visible_pages = filter_pages(user, Page.objects.all()).annotate(
        key=Cast("pk", output_field=models.CharField())
    )
    used_by_visible = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(files.model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=visible_pages.values("key"),
    ).values_list("to_object_id", flat=True)
    own = files.model.objects.filter(uploaded_by_user=user).values_list("pk", flat=True)
    ids = {int(pk) for pk in used_by_visible} | set(own)
    return files.filter(pk__in=ids).exclude(collection_id__in=_collections_shut_to(keys))


def _collections_shut_to(keys: frozenset[str]) -> list[int]:
    """Collections whose privacy rules (or their ancestors') ``keys`` do not pass."""
    from wagtail.models import Collection, CollectionViewRestriction

    shut = []
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    )
    for collection in restricted:
        if not all(keys & allowed for allowed in collection_keys(collection)):
            shut.extend(
                Collection.objects.filter(path__startswith=collection.path).values_list(
                    "pk", flat=True
                )
            )
    return shut


class TieredPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, narrowed to the pages the user may see as a member."""

    def explorable_instances(self, user):
        return filter_pages(user, super().explorable_instances(user))
