"""What each role may do in the Wagtail admin, kept in one place.

Roles are Django groups named by ``members.models.Role``. Their permissions are (re)applied by a
data migration and after every ``migrate`` (``post_migrate``), so models that other apps add
later (practice notes, events, threads) are covered without another migration here.

Page permissions are tied to a page in the tree. The secretariat holds them on the tree's root.
Experts write practice notes only below the library: the app that creates the library index
calls :func:`grant_page_permissions` for it (e.g. ``grant_page_permissions(page=library,
role=Role.EXPERT, actions=("add", "change"))``), so that an expert can create notes and submit
them for review while only the secretariat publishes.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db import models

from core.roles import Role

# Apps whose every model permission the secretariat holds (add, change, delete, view).
SECRETARIAT_APPS = (
    "members",
    "home",
    "knowledge",
    "taxonomy",
    "events",
    "discussions",
    "search",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailforms",
    "wagtailsearch",
    "simple_translation",
    "django_celery_beat",
    "taggit",
)
PAGE_ACTIONS_SECRETARIAT = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
COLLECTION_PERMISSIONS = {
    Role.SECRETARIAT: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ),
    # Experts attach pictures and documents to their notes; Wagtail lets them edit their own.
    Role.EXPERT: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ),
}
ADMIN_ROLES = (Role.SECRETARIAT, Role.EXPERT)


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def roles_sync(apps=global_apps) -> None:
    """Create the role groups and give them their permissions. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {role: Group.objects.get_or_create(name=role)[0] for role in Role.values}

    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    for role in ADMIN_ROLES:
        if access_admin is not None:
            groups[role].permissions.add(access_admin)

    model_permissions = Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
    groups[Role.SECRETARIAT].permissions.add(*model_permissions)

    _sync_collections(apps, groups)
    _sync_root_pages(apps, groups[Role.SECRETARIAT])


def _sync_collections(apps, groups) -> None:
    try:
        Collection = apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    except LookupError:
        return
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role, wanted in COLLECTION_PERMISSIONS.items():
        for app_label, codename in wanted:
            permission = _permission(apps, app_label, codename)
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[role], collection=root, permission=permission
                )


def _sync_root_pages(apps, group) -> None:
    try:
        Page = apps.get_model("wagtailcore", "Page")
    except LookupError:
        return
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        _grant_pages(apps, group=group, page=root, actions=PAGE_ACTIONS_SECRETARIAT)


def _grant_pages(apps, *, group, page, actions: Iterable[str]) -> None:
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        permission = _permission(apps, "wagtailcore", f"{action}_page")
        if permission is not None:
            GroupPagePermission.objects.get_or_create(
                group_id=group.pk, page_id=page.pk, permission=permission
            )


def grant_page_permissions(
    *, page: models.Model, role: str, actions: Iterable[str] = ("add", "change")
) -> None:
    """Let ``role`` perform ``actions`` on ``page`` and everything below it.

    ``add`` lets a member create pages there and edit their own; ``change`` lets them edit
    others' pages too; without ``publish`` their changes go to moderation.
    """
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=role)
    _grant_pages(global_apps, group=group, page=page, actions=actions)


def on_post_migrate(sender, apps=global_apps, **kwargs) -> None:
    # post_migrate fires once per app with models; every app's permissions exist only after the
    # last one. It fires after a test database flush too, which removes the role groups.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    roles_sync(apps)
