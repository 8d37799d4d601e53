"""What gets indexed: a registry of *sources*, one per kind of content.

A source says which objects should be in the index (``queryset``), how one becomes an
:class:`Entry` (``to_entry``; ``None`` keeps it out), or how a chunk of them do at once
(``to_entries``, reading what they share in a few queries), and which other models' changes
touch its documents (``related``).

Each app owns its sources (``<app>/searchable.py``; not ``search.py``, which would shadow the
``search`` app wherever an app folder is on the path, as Celery's Django fix-up puts the working
directory there) and registers them with the Wagtail hook :data:`SOURCES_HOOK`; a hook function
returns the app's sources. Search sits below the apps it indexes, so it never names their models
or fields: it only asks the hook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from wagtail import hooks

SOURCES_HOOK = "register_search_source"

# Objects whose change alters a kind's documents, given the changed instance.
Affected = Callable[[Any], QuerySet]


@dataclass
class Entry:
    """What the index keeps about one object, whichever engine stores it."""

    title: str
    url: str
    access: Iterable[str]
    language: str = "en"
    summary: str = ""
    body: str = ""
    countries: Iterable[str] = ()
    themes: Iterable[str] = ()
    gcm: Iterable[str] = ()
    date: dt.date | dt.datetime | None = None
    # Entries sharing a group are one result: a thread's posts are found as the thread, shown
    # by its best matching post. Empty: the entry is a group of its own.
    group: str = ""


@dataclass(frozen=True)
class Source:
    kind: str
    label: str | Promise
    model: type[Model]
    queryset: Callable[[], QuerySet]
    to_entry: Callable[[Any], Entry | None] | None = None
    # Entries for many objects at once, in order (for a rebuild, thousands a second): a kind
    # whose entries read related rows gives this instead of ``to_entry``.
    to_entries: Callable[[list[Any]], list[Entry | None]] | None = None
    # Other models whose changes alter this kind's documents: model -> affected objects.
    # ``wagtail.models.Page`` stands for publishing and unpublishing any page.
    related: dict[type[Model], Affected] = field(default_factory=dict)
    # For a related model, the fields whose change matters: a save naming none of them in
    # ``update_fields`` (a counter, a login time) is ignored.
    related_fields: dict[type[Model], frozenset[str]] = field(default_factory=dict)
    # Many-to-many fields, as (model holding the field, field name), whose changes alter this
    # kind's documents: adding or removing a link saves neither side, so no post_save would
    # tell. The callable gets the model instance holding the field.
    m2m: dict[tuple[type[Model], str], Affected] = field(default_factory=dict)
    is_page: bool = False
    # For kinds whose audience follows a page's privacy rules: the objects at or below a page
    # path (pages themselves by default when ``is_page``).
    under_page: Callable[[str], QuerySet] | None = None

    def __post_init__(self) -> None:
        if (self.to_entry is None) == (self.to_entries is None):
            raise TypeError(f"source {self.kind}: give either to_entry or to_entries")

    def entries(self, objects: dict[str, Model]) -> dict[str, Entry | None]:
        """The entry of each of ``objects`` (as :meth:`load` returns them), by the same key."""
        if self.to_entries is not None:
            return dict(zip(objects, self.to_entries(list(objects.values())), strict=True))
        assert self.to_entry is not None
        to_entry = self.to_entry
        return {key: to_entry(obj) for key, obj in objects.items()}

    def objects_under(self, path: str) -> QuerySet | None:
        if self.under_page is not None:
            return self.under_page(path)
        if self.is_page:
            return self.model._default_manager.filter(path__startswith=path)
        return None

    def load(self, ids: Iterable) -> dict[str, Model]:
        """The indexable objects among ``ids``, keyed by their id as a string."""
        return {str(obj.pk): obj for obj in self.queryset().filter(pk__in=list(ids))}


@cache
def sources() -> dict[str, Source]:
    """Every source the apps register through :data:`SOURCES_HOOK`, in the apps' order."""
    found: dict[str, Source] = {}
    for register in hooks.get_hooks(SOURCES_HOOK):
        for source in register():
            if source.kind in found:
                raise ValueError(f"two search sources for the kind {source.kind!r}")
            found[source.kind] = source
    return found


def source_for(kind: str) -> Source | None:
    return sources().get(kind)
