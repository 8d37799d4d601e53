"""Signals that turn changes in other apps into outbox rows (in the changing transaction).

Connected in ``SearchConfig.ready()`` from the source registry, so the apps whose content is
indexed never import search.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from search.outbox import changed
from search.sources import Source, model_or_none, sources

# Saves that touch only these fields never change a document.
IGNORED_UPDATES = frozenset({"last_login"})


def _own_change(source: Source):
    def receiver(sender, instance, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= IGNORED_UPDATES:
            return
        if kwargs.get("raw"):
            return
        changed(source.kind, [instance.pk])

    return receiver


def _related_change(source: Source, label: str):
    affected = source.related[label]
    fields = source.related_fields.get(label)

    def receiver(sender, instance, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            names = set(update_fields)
            if names <= IGNORED_UPDATES or (fields is not None and not names & fields):
                return
        if kwargs.get("raw"):
            return
        changed(source.kind, affected(instance).values_list("pk", flat=True))

    return receiver


def _m2m_change(source: Source, field, affected):
    """Links added, removed or cleared on ``field``, from either side."""
    holder = field.model

    def receiver(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action in {"post_add", "post_remove", "post_clear"}:
                changed(source.kind, affected(instance).values_list("pk", flat=True))
            return
        # Changed from the other side: ``pk_set`` names the holders; a clear names none, so
        # the holders are read before it (the task reads the state after the commit anyway).
        if action in {"post_add", "post_remove"}:
            holders = holder.objects.filter(pk__in=pk_set or ())
        elif action == "pre_clear":
            holders = holder.objects.filter(**{field.name: instance})
        else:
            return
        for obj in holders:
            changed(source.kind, affected(obj).values_list("pk", flat=True))

    return receiver


def _privacy_change(sender, instance, **kwargs):
    """A page's privacy rule changed (or the page moved): everything below it is re-judged."""
    if kwargs.get("raw"):
        return
    page = getattr(instance, "page", instance)
    path = getattr(page, "path", None)
    if not path:
        return
    for source in sources().values():
        affected = source.objects_under(path)
        if affected is not None:
            changed(source.kind, affected.values_list("pk", flat=True))


def _privacy_groups_change(sender, instance, action, reverse, **kwargs):
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        _privacy_change(sender, instance)


_connected: list = []  # strong references: the receivers are closures


def connect() -> None:
    from search.labels import LOOKUPS, forget_labels

    for label, _field, _written in LOOKUPS.values():
        taxonomy = model_or_none(label)
        if taxonomy is not None:
            post_save.connect(forget_labels, sender=taxonomy, dispatch_uid=f"labels-{label}")
            post_delete.connect(forget_labels, sender=taxonomy, dispatch_uid=f"labels-d-{label}")
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    post_save.connect(_privacy_change, sender=PageViewRestriction, dispatch_uid="search-privacy")
    post_delete.connect(
        _privacy_change, sender=PageViewRestriction, dispatch_uid="search-privacy-del"
    )
    m2m_changed.connect(
        _privacy_groups_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search-privacy-groups",
    )
    # A moved subtree sits under other rules now; the signal's page carries its new path.
    post_page_move.connect(_privacy_change, dispatch_uid="search-page-moved")
    for source in sources().values():
        model = source.model_class()
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
        for label in source.related:
            related_model = model_or_none(label)
            if related_model is None:
                continue
            receiver = _related_change(source, label)
            uid = f"search-{source.kind}-{label}"
            if label == "wagtailcore.Page":
                # Publishing or unpublishing any page may change who sees what hangs off it.
                page_published.connect(receiver, weak=False, dispatch_uid=f"{uid}-pub")
                page_unpublished.connect(receiver, weak=False, dispatch_uid=f"{uid}-unpub")
                continue
            post_save.connect(
                receiver, sender=related_model, weak=False, dispatch_uid=f"{uid}-save"
            )
            # Deletions cascade to the documents' own objects, whose post_delete records them.
        for path, affected in source.m2m.items():
            label, _, name = path.rpartition(".")
            holder = model_or_none(label)
            if holder is None:
                continue
            field = holder._meta.get_field(name)
            m2m = _m2m_change(source, field, affected)
            _connected.append(m2m)
            m2m_changed.connect(
                m2m,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"search-{source.kind}-{path}",
            )
        _connected.append(own)
