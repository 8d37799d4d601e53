"""Signals that turn changes into outbox rows (in the changing transaction).

Connected in ``SearchConfig.ready()`` from the registered sources: each app's source names the
models whose changes touch its documents, and this module connects a receiver for each.
"""

from __future__ import annotations

from typing import Any

from django.db.models import ManyToManyField, Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.labels import TAXONOMIES, forget_labels
from search.outbox import changed
from search.sources import Affected, Source, sources

# Saves that touch only these fields never change a document.
IGNORED_UPDATES = frozenset({"last_login"})


def _own_change(source: Source):
    def receiver(sender: type[Model], instance: Model, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= IGNORED_UPDATES:
            return
        if kwargs.get("raw"):
            return
        changed(source.kind, [instance.pk])

    return receiver


def _related_change(source: Source, model: type[Model]):
    affected = source.related[model]
    fields = source.related_fields.get(model)

    def receiver(sender: type[Model], instance: Model, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            names = set(update_fields)
            if names <= IGNORED_UPDATES or (fields is not None and not names & fields):
                return
        if kwargs.get("raw"):
            return
        changed(source.kind, affected(instance).values_list("pk", flat=True))

    return receiver


def _m2m_change(source: Source, holder: type[Model], name: str, affected: Affected):
    """Links added, removed or cleared on the field ``name`` of ``holder``, from either side."""

    def receiver(
        sender: type[Model],
        instance: Model,
        action: str,
        reverse: bool,
        pk_set: set | None,
        **kwargs: Any,
    ) -> None:
        if not reverse:
            if action in {"post_add", "post_remove", "post_clear"}:
                changed(source.kind, affected(instance).values_list("pk", flat=True))
            return
        # Changed from the other side: ``pk_set`` names the holders; a clear names none, so
        # the holders are read before it (the task reads the state after the commit anyway).
        if action in {"post_add", "post_remove"}:
            holders = holder._default_manager.filter(pk__in=pk_set or ())
        elif action == "pre_clear":
            holders = holder._default_manager.filter(**{name: instance})
        else:
            return
        for obj in holders:
            changed(source.kind, affected(obj).values_list("pk", flat=True))

    return receiver


def _reindex_under(path: str) -> None:
    """Everything at or below the page at ``path`` is judged again by the privacy rules."""
    for source in sources().values():
        affected = source.objects_under(path)
        if affected is not None:
            changed(source.kind, affected.values_list("pk", flat=True))


def _restriction_change(sender: type[Model], instance: PageViewRestriction, **kwargs: Any) -> None:
    """A page's privacy rule was set, changed or removed."""
    if kwargs.get("raw"):
        return
    # Read by id: when the page itself is being deleted the rule goes with it, and the page's
    # own documents are removed by their kinds' receivers.
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path:
        _reindex_under(path)


def _restriction_groups_change(
    sender: type[Model], instance: PageViewRestriction, action: str, reverse: bool, **kwargs: Any
) -> None:
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        _restriction_change(sender, instance)


def _page_moved(sender: type[Model], instance: Page, **kwargs: Any) -> None:
    """A moved subtree sits under other rules now; the signal's page carries its new path."""
    _reindex_under(instance.path)


_connected: list = []  # strong references: the receivers are closures


def connect() -> None:
    for taxonomy in TAXONOMIES:
        label = taxonomy._meta.label
        post_save.connect(forget_labels, sender=taxonomy, dispatch_uid=f"labels-{label}")
        post_delete.connect(forget_labels, sender=taxonomy, dispatch_uid=f"labels-d-{label}")
    post_save.connect(
        _restriction_change, sender=PageViewRestriction, dispatch_uid="search-privacy"
    )
    post_delete.connect(
        _restriction_change, sender=PageViewRestriction, dispatch_uid="search-privacy-del"
    )
    m2m_changed.connect(
        _restriction_groups_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search-privacy-groups",
    )
    post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
    for source in sources().values():
        _connect_source(source)


def _connect_source(source: Source) -> None:
    model = source.model
    own = _own_change(source)
    _connected.append(own)
    post_save.connect(own, sender=model, weak=False, dispatch_uid=f"search-save-{source.kind}")
    post_delete.connect(own, sender=model, weak=False, dispatch_uid=f"search-del-{source.kind}")
    if source.is_page:
        page_published.connect(
            own, sender=model, weak=False, dispatch_uid=f"search-pub-{source.kind}"
        )
        page_unpublished.connect(
            own, sender=model, weak=False, dispatch_uid=f"search-unpub-{source.kind}"
        )
    for related_model in source.related:
        receiver = _related_change(source, related_model)
        _connected.append(receiver)
        uid = f"search-{source.kind}-{related_model._meta.label}"
        if related_model is Page:
            # Publishing or unpublishing any page may change who sees what hangs off it.
            page_published.connect(receiver, weak=False, dispatch_uid=f"{uid}-pub")
            page_unpublished.connect(receiver, weak=False, dispatch_uid=f"{uid}-unpub")
            continue
        post_save.connect(receiver, sender=related_model, weak=False, dispatch_uid=f"{uid}-save")
        # Deletions cascade to the documents' own objects, whose post_delete records them.
    for (holder, name), affected in source.m2m.items():
        field = holder._meta.get_field(name)
        if not isinstance(field, ManyToManyField):
            raise TypeError(f"search source {source.kind}: {holder.__name__}.{name} is not m2m")
        through = field.remote_field.through
        m2m = _m2m_change(source, holder, name, affected)
        _connected.append(m2m)
        m2m_changed.connect(
            m2m,
            sender=through,
            weak=False,
            dispatch_uid=f"search-{source.kind}-{holder._meta.label}.{name}",
        )
