"""Writing the index: from the database's current state, versioned, to whichever engine is on.

Every write is *versioned*: a document's version is the highest outbox row id of its object,
read before the object, so the state written is at least as new as that version. Elasticsearch
(``version_type=external``) and the database engine both refuse a version that is not newer,
so a slow or repeated task cannot overwrite newer data. Deletions write a *tombstone* (no
access keys, so no query ever matches it) instead of deleting: the version survives, and a
stale task cannot bring a deleted object back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from elasticsearch import BadRequestError, NotFoundError, helpers

from core.access import privacy_rules_held
from search.client import elasticsearch_client
from search.documents import FACET_SEPARATOR, LANGUAGES, SearchDocument
from search.languages import document_terms, fold, folds
from search.models import IndexOutbox, StoredDocument
from search.sources import Entry, source_for, sources

logger = logging.getLogger(__name__)

BODY_LIMIT = 100_000
CHUNK = 500
# Bulk items refused while the cluster moves a shard (a node left): written again, up to
# WRITE_ROUNDS times in all, after 1, 2, 4... seconds.
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
WRITE_ROUNDS = 5
WRITE_RETRY_DELAY = 1.0
# Bulk requests a rebuild keeps in flight.
WRITERS = 2
# The name of the index a fresh cluster starts with; rebuilds name theirs by date.
FIRST_INDEX = "first"


def doc_id(kind: str, object_id) -> str:
    return f"{kind}:{object_id}"


def _year(value) -> int | None:
    return value.year if value else None


def entry_source(kind: str, object_id: str, entry: Entry) -> dict:
    """The document body for ``entry``; its language picks the text sub-fields."""
    language = entry.language if entry.language in LANGUAGES else "en"
    date: str | None = None
    if isinstance(entry.date, dt.datetime):
        date = entry.date.isoformat()
    elif isinstance(entry.date, dt.date):
        date = dt.datetime.combine(entry.date, dt.time(), tzinfo=dt.UTC).isoformat()
    summary = entry.summary or ""
    facets: dict[str, list] = {
        "kind": [kind],
        "countries": sorted({c.lower() for c in entry.countries}),
        "themes": sorted(set(entry.themes)),
        "gcm": sorted({str(g) for g in entry.gcm}),
        "language": [language],
        "year": [_year(entry.date)] if entry.date else [],
    }
    source: dict[str, Any] = {
        "kind": kind,
        "object_id": object_id,
        "group": entry.group or doc_id(kind, object_id),
        "title": {language: entry.title},
        "summary": {language: summary} if summary else {},
        # The title and summary again after the body: one field with every word (documents.py).
        "body": {language: [entry.body[:BODY_LIMIT], entry.title, summary]},
        "suggest": entry.title,
        "spell": f"{entry.title} {summary}",
        "countries": facets["countries"],
        "themes": facets["themes"],
        "gcm": facets["gcm"],
        "language": language,
        "year": _year(entry.date),
        "facets": [f"{name}{FACET_SEPARATOR}{v}" for name, found in facets.items() for v in found],
        "date": date,
        "url": entry.url,
        "display_title": entry.title,
        "display_summary": summary[:400],
        "access": sorted(set(entry.access)),
    }
    # Folded copies of the texts folding changes, in the same shape (documents.py).
    texts: dict[str, list[str]] = {
        "title": [entry.title],
        "summary": [summary],
        "body": [entry.body[:BODY_LIMIT], entry.title, summary],
    }
    folded: dict[str, str | list[str]] = {
        name: [fold(t) for t in values] if name == "body" else fold(values[0])
        for name, values in texts.items()
        if any(folds(t) for t in values)
    }
    if folded:
        source["folded"] = folded
    return source


def tombstone(kind: str, object_id: str) -> dict:
    return {"kind": kind, "object_id": object_id, "access": [], "deleted": "true"}


@dataclass
class Write:
    kind: str
    object_id: str
    version: int
    body: dict

    @property
    def id(self) -> str:
        return doc_id(self.kind, self.object_id)

    @property
    def is_tombstone(self) -> bool:
        return bool(self.body.get("deleted"))


@dataclass
class WriteResult:
    written: int = 0
    stale: int = 0  # refused because the index already held this version or a newer one
    errors: list = field(default_factory=list)


# --- versions ----------------------------------------------------------------------------------


def current_versions(kind: str, object_ids: Iterable[str]) -> dict[str, int]:
    """Highest outbox row id per object (0 when none): read BEFORE the objects themselves."""
    ids = [str(i) for i in object_ids]
    found: dict[str, int] = {}
    for start in range(0, len(ids), 2000):
        rows = (
            IndexOutbox.objects.filter(kind=kind, object_id__in=ids[start : start + 2000])
            .values("object_id")
            .annotate(version=Max("id"))
        )
        found.update({row["object_id"]: row["version"] for row in rows})
    return {i: found.get(i, 0) for i in ids}


def build_writes(kind: str, object_ids: Iterable[str]) -> list[Write]:
    """Writes that bring ``object_ids`` of ``kind`` to the database's current state."""
    ids = [str(i) for i in object_ids]
    versions = current_versions(kind, ids)
    source = source_for(kind)
    writes = []
    with privacy_rules_held():
        entries = source.entries(source.load(ids)) if source else {}
        for object_id in ids:
            entry = entries.get(object_id)
            body = entry_source(kind, object_id, entry) if entry else tombstone(kind, object_id)
            writes.append(Write(kind, object_id, versions[object_id], body))
    return writes


# --- engines -----------------------------------------------------------------------------------


def replica_settings() -> dict:
    """``SEARCH_INDEX_REPLICAS``: a range such as "0-1" lets Elasticsearch set the count from
    the data nodes present (no replica on a single node, which then stays green; one as soon as
    a second node holds data), a number fixes it."""
    replicas = str(settings.SEARCH_INDEX_REPLICAS).strip()
    if "-" in replicas:
        return {"auto_expand_replicas": replicas}
    return {"number_of_replicas": int(replicas), "auto_expand_replicas": False}


def index_body() -> dict:
    """Settings and mappings for a new index, fingerprinted in ``_meta.schema`` so that
    ``search_index status`` can tell when the code's mapping has moved on (rebuild needed)."""
    index = SearchDocument._index.clone("unused")
    index.settings(**SearchDocument.Index.settings, **replica_settings())
    body = index.to_dict()
    body.setdefault("mappings", {})["_meta"] = {"schema": schema_fingerprint(body)}
    return body


def schema_fingerprint(body: dict | None = None) -> str:
    if body is None:
        return index_body()["mappings"]["_meta"]["schema"]
    canonical = {
        "analysis": body.get("settings", {}).get("analysis", {}),
        "properties": body.get("mappings", {}).get("properties", {}),
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()[:16]


def alias_name() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}-search".lower()


class ElasticsearchIndex:
    """The index behind an alias; physical indices are ``<alias>-<timestamp>``."""

    def __init__(self) -> None:
        self.client = elasticsearch_client()

    @property
    def alias(self) -> str:
        return alias_name()

    def new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def create_index(self, name: str, *, loading: bool = False) -> None:
        body = index_body()
        if loading:
            body["settings"]["refresh_interval"] = "-1"
        self.client.indices.create(index=name, **body)

    def schema(self) -> str | None:
        """The schema fingerprint the live index was created with (None: none, or older)."""
        try:
            mappings = self.client.indices.get_mapping(index=self.alias)
        except NotFoundError:
            return None
        for found in mappings.values():
            return found["mappings"].get("_meta", {}).get("schema")
        return None

    def physical_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return []

    def ensure(self) -> None:
        """Create the first index with its alias if there is none.

        Web processes and workers may all get here at once on a fresh cluster. The first index
        has one fixed name and is created with its alias in one request, so only one creation
        succeeds; the others see "already exists" and find the alias in place. (Rebuilds make
        dated indices and swap the alias atomically.)"""
        if self.physical_indices():
            return
        name = f"{self.alias}-{FIRST_INDEX}"
        body = index_body()
        body["aliases"] = {self.alias: {}}
        try:
            self.client.indices.create(index=name, **body)
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise
            # Created by another process; an index left without its alias gets it back.
            self.client.indices.put_alias(index=name, name=self.alias)

    def write(self, writes: Iterable[Write], *, index: str | None = None) -> WriteResult:
        target = index or self.alias
        if index is None:
            self.ensure()
        result = WriteResult()
        pending = {w.id: w for w in writes}
        for attempt in range(WRITE_ROUNDS):
            if attempt:
                time.sleep(WRITE_RETRY_DELAY * 2 ** (attempt - 1))
            failed = self._write_once(list(pending.values()), target, result)
            # A node leaving the cluster fails the items whose primary it held until a replica
            # takes over (503, or 500 "node closed"): write those again, a moment later. The
            # versions make a repeated write harmless (409, counted as stale).
            pending = {
                item["index"]["_id"]: pending[item["index"]["_id"]]
                for item in failed
                if item["index"].get("status", 500) in RETRIED_STATUSES
            }
            result.errors += [
                item for item in failed if item["index"].get("status", 500) not in RETRIED_STATUSES
            ]
            if not pending:
                break
        else:
            result.errors += [
                {"index": {"_id": key, "status": "retries exhausted"}} for key in pending
            ]
        if result.errors:
            raise IndexWriteError(result.errors[:3])
        return result

    def _write_once(self, writes: list[Write], target: str, result: WriteResult) -> list[dict]:
        actions = (
            {
                "_op_type": "index",
                "_index": target,
                "_id": w.id,
                "version": w.version,
                "version_type": "external",
                "_source": w.body,
            }
            for w in writes
        )
        failed = []
        for ok, item in helpers.streaming_bulk(
            self.client,
            actions,
            chunk_size=CHUNK,
            raise_on_error=False,
            raise_on_exception=True,
            max_retries=3,
        ):
            if ok:
                result.written += 1
            elif item["index"].get("status") == 409:
                result.stale += 1
            else:
                failed.append(item)
        return failed

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def indexed_versions(self, kind: str, *, index: str | None = None) -> dict[str, int]:
        """Versions of the live (not tombstoned) documents of ``kind``."""
        hits = helpers.scan(
            self.client,
            index=index or self.alias,
            query={
                "query": {
                    "bool": {
                        "filter": [{"term": {"kind": kind}}],
                        "must_not": [{"exists": {"field": "deleted"}}],
                    }
                }
            },
            _source=False,
            version=True,
            size=2000,
        )
        return {hit["_id"].split(":", 1)[1]: hit["_version"] for hit in hits}

    def count(self, kind: str | None = None) -> int:
        query: dict = {"bool": {"must_not": [{"exists": {"field": "deleted"}}]}}
        if kind:
            query["bool"]["filter"] = [{"term": {"kind": kind}}]
        return self.client.count(index=self.alias, query=query)["count"]

    def drop(self) -> None:
        for name in self.physical_indices():
            self.client.options(ignore_status=404).indices.delete(index=name)


class DatabaseIndex:
    """The database engine's store: one row per document, same versions, same tombstones."""

    alias = "database"

    def ensure(self) -> None:
        return None

    def write(self, writes: Iterable[Write], *, index: str | None = None) -> WriteResult:
        result = WriteResult()
        for w in writes:
            with transaction.atomic():
                existing = (
                    StoredDocument.objects.select_for_update()
                    .filter(key=w.id)
                    .values_list("version", flat=True)
                    .first()
                )
                if existing is not None and existing >= w.version and existing != 0:
                    result.stale += 1
                    continue
                StoredDocument.objects.update_or_create(key=w.id, defaults=_stored_fields(w))
                result.written += 1
        return result

    def refresh(self) -> None:
        return None

    def indexed_versions(self, kind: str, *, index: str | None = None) -> dict[str, int]:
        rows = StoredDocument.objects.filter(kind=kind).exclude(access="")
        return dict(rows.values_list("object_id", "version"))

    def count(self, kind: str | None = None) -> int:
        rows = StoredDocument.objects.exclude(access="")
        return (rows.filter(kind=kind) if kind else rows).count()

    def drop(self) -> None:
        StoredDocument.objects.all().delete()


def _bars(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    return f"|{'|'.join(values)}|" if values else ""


def _stored_fields(w: Write) -> dict:
    body = w.body
    language = body.get("language", "")
    if w.is_tombstone:
        empty = dict.fromkeys(
            (
                "title",
                "summary",
                "body",
                "url",
                "language",
                "countries",
                "themes",
                "gcm",
                "access",
                "group",
                "terms",
            ),
            "",
        )
        return {
            **empty,
            "kind": w.kind,
            "object_id": w.object_id,
            "version": w.version,
            "year": None,
            "date": None,
        }
    title = body["display_title"]
    summary = body["summary"].get(language, "")
    text = body["body"].get(language, [""])[0]
    return {
        "kind": w.kind,
        "object_id": w.object_id,
        "version": w.version,
        "group": body["group"][:120],
        "title": title,
        "summary": summary,
        "body": text,
        "terms": document_terms(f"{title} {summary} {text}", language),
        "url": body["url"][:500],
        "language": language,
        "countries": _bars(body["countries"]),
        "themes": _bars(body["themes"]),
        "gcm": _bars(body["gcm"]),
        "year": body["year"],
        "date": body["date"],
        "access": _bars(body["access"]),
    }


class IndexWriteError(RuntimeError):
    pass


def current_index() -> ElasticsearchIndex | DatabaseIndex:
    return ElasticsearchIndex() if settings.ELASTICSEARCH_URL else DatabaseIndex()


# --- the pipeline ------------------------------------------------------------------------------


def sync(pairs: Iterable[tuple[str, str]], *, index: str | None = None) -> WriteResult:
    """Bring the given (kind, object id) documents to the database's current state."""
    by_kind: dict[str, set[str]] = defaultdict(set)
    for kind, object_id in pairs:
        by_kind[kind].add(str(object_id))
    target = current_index()
    total = WriteResult()
    for kind, ids in by_kind.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), CHUNK):
            result = target.write(build_writes(kind, ordered[start : start + CHUNK]), index=index)
            total.written += result.written
            total.stale += result.stale
    return total


def outbox_record(kind: str, object_ids: Iterable) -> list[int]:
    """Note that these objects changed; call inside the changing transaction."""
    rows = IndexOutbox.objects.bulk_create(
        [IndexOutbox(kind=kind, object_id=str(i)) for i in object_ids]
    )
    if rows and rows[0].pk is None:  # databases that do not return ids from bulk inserts
        return []
    return [row.pk for row in rows]


def process_outbox(row_ids: Iterable[int] | None = None, *, limit: int = 5000) -> int:
    """Index the objects of pending outbox rows (``row_ids``, or the oldest ``limit``)."""
    pending = IndexOutbox.objects.filter(processed_at__isnull=True)
    if row_ids is not None:
        pending = pending.filter(id__in=list(row_ids))
    rows = list(pending.order_by("id").values_list("id", "kind", "object_id")[:limit])
    if not rows:
        return 0
    sync((kind, object_id) for _, kind, object_id in rows)
    IndexOutbox.objects.filter(id__in=[row[0] for row in rows]).update(processed_at=timezone.now())
    return len(rows)


def purge_outbox(older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    """Forget processed rows that a newer row of the same object supersedes."""
    latest = (
        IndexOutbox.objects.values("kind", "object_id")
        .annotate(latest=Max("id"))
        .values_list("latest", flat=True)
    )
    stale = IndexOutbox.objects.filter(processed_at__lt=timezone.now() - older_than).exclude(
        id__in=latest
    )
    deleted, _ = stale.delete()
    return deleted


# --- the lifecycle -----------------------------------------------------------------------------

Progress = Callable[[Iterable, int, str], Iterator]


def _no_progress(items: Iterable, total: int, desc: str) -> Iterator:
    return iter(items)


def _ids(kind: str) -> list[str]:
    return [
        str(pk) for pk in sources()[kind].queryset().order_by("pk").values_list("pk", flat=True)
    ]


def _ledger_ids(kind: str) -> set[str]:
    return set(IndexOutbox.objects.filter(kind=kind).values_list("object_id", flat=True).distinct())


def _load_kind(kind: str, target, index: str | None, progress: Progress) -> int:
    ids = _ids(kind)
    chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    written = 0
    if not isinstance(target, ElasticsearchIndex):
        # The database engine writes through this connection (and its transaction).
        for chunk in progress(chunks, len(chunks), kind):
            written += target.write(build_writes(kind, chunk), index=index).written
    else:
        # Build the next chunk from the database while Elasticsearch indexes the last two: the
        # two wait on different servers, and Elasticsearch analyses one bulk request on one
        # thread, so two in flight let it use two cores on the one shard.
        with ThreadPoolExecutor(max_workers=WRITERS) as writer:
            pending: deque = deque()
            for chunk in progress(chunks, len(chunks), kind):
                writes = build_writes(kind, chunk)
                if len(pending) == WRITERS:
                    written += pending.popleft().result().written
                pending.append(writer.submit(target.write, writes, index=index))
            while pending:
                written += pending.popleft().result().written
    # Objects the ledger knows but the database no longer shows get tombstones, so that a task
    # that read them before they went cannot bring them back into the new index.
    gone = sorted(_ledger_ids(kind) - set(ids))
    for start in range(0, len(gone), CHUNK):
        target.write(build_writes(kind, gone[start : start + CHUNK]), index=index)
    return written


def _replay_since(row_id: int, *, index: str | None) -> int:
    rows = IndexOutbox.objects.filter(id__gt=row_id).values_list("kind", "object_id").distinct()
    pairs = list(rows)
    sync(pairs, index=index)
    return len(pairs)


def _max_outbox_id() -> int:
    return IndexOutbox.objects.aggregate(m=Max("id"))["m"] or 0


def rebuild(progress: Progress = _no_progress) -> dict:
    """A new index, bulk loaded, swapped in atomically; changes made meanwhile replayed."""
    target = current_index()
    started_at = _max_outbox_id()
    if isinstance(target, DatabaseIndex):
        target.drop()
        loaded = sum(_load_kind(kind, target, None, progress) for kind in sources())
        return {
            "index": "database",
            "documents": loaded,
            "replayed": _replay_since(started_at, index=None),
        }
    client = target.client
    old = target.physical_indices()
    name = target.new_index_name()
    target.create_index(name, loading=True)
    loaded = sum(_load_kind(kind, target, name, progress) for kind in sources())
    client.indices.put_settings(index=name, settings={"refresh_interval": "1s"})
    second_mark = _max_outbox_id()
    replayed = _replay_since(started_at, index=name)
    client.indices.refresh(index=name)
    actions = [{"add": {"index": name, "alias": target.alias}}]
    actions += [{"remove": {"index": old_name, "alias": target.alias}} for old_name in old]
    client.indices.update_aliases(actions=actions)
    # Writes that went to the old index between the first replay and the swap.
    replayed += _replay_since(second_mark, index=None)
    for old_name in old:
        client.indices.delete(index=old_name, ignore_unavailable=True)
    return {"index": name, "documents": loaded, "replayed": replayed, "removed": old}


def update(progress: Progress = _no_progress) -> dict:
    """Re-index every object in place under fresh versions, then drain the outbox.

    For content changed without signals (``QuerySet.update``, raw SQL); a rebuild does the
    same into a new index."""
    target = current_index()
    target.ensure()
    loaded = 0
    for kind in sources():
        ids = sorted(set(_ids(kind)) | _ledger_ids(kind))
        chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
        for chunk in progress(chunks, len(chunks), kind):
            loaded += refresh_objects(kind, chunk)
    return {"documents": loaded, "outbox": process_outbox()}


@dataclass
class Difference:
    kind: str
    missing: list[str] = field(default_factory=list)  # in the database, not in the index
    extra: list[str] = field(default_factory=list)  # in the index, not (any more) in the database
    outdated: list[str] = field(default_factory=list)  # the index holds an older version

    @property
    def total(self) -> int:
        return len(self.missing) + len(self.extra) + len(self.outdated)


def reconcile(*, fix: bool = True, progress: Progress = _no_progress) -> list[Difference]:
    """Compare database and index (ids and versions) per kind; optionally fix what differs."""
    target = current_index()
    target.ensure()
    differences = []
    for kind in progress(list(sources()), len(sources()), "reconcile"):
        expected = current_versions(kind, _expected_ids(kind))
        indexed = target.indexed_versions(kind)
        diff = Difference(kind)
        diff.missing = sorted(set(expected) - set(indexed))
        diff.extra = sorted(set(indexed) - set(expected))
        diff.outdated = sorted(i for i in set(expected) & set(indexed) if indexed[i] < expected[i])
        differences.append(diff)
        if fix and diff.total:
            refresh_objects(kind, diff.missing + diff.extra + diff.outdated)
    return differences


def refresh_objects(kind: str, object_ids: list[str]) -> int:
    """Re-index objects under fresh versions, newer than anything the index may hold (even a
    document written by hand or deleted outside the pipeline)."""
    done = 0
    for start in range(0, len(object_ids), CHUNK):
        with transaction.atomic():
            row_ids = outbox_record(kind, object_ids[start : start + CHUNK])
        done += process_outbox(row_ids)
    return done


def _expected_ids(kind: str) -> list[str]:
    """Objects that should have a live document: in the queryset, with an entry."""
    source = sources()[kind]
    ids = _ids(kind)
    expected = []
    for start in range(0, len(ids), CHUNK):
        entries = source.entries(source.load(ids[start : start + CHUNK]))
        expected += [i for i, entry in entries.items() if entry is not None]
    return expected


def status() -> dict:
    target = current_index()
    pending = IndexOutbox.objects.filter(processed_at__isnull=True)
    oldest = pending.order_by("id").values_list("created_at", flat=True).first()
    info: dict[str, Any] = {
        "engine": "elasticsearch" if isinstance(target, ElasticsearchIndex) else "database",
        "alias": target.alias,
        "pending": pending.count(),
        "oldest_pending": oldest,
        "documents": {},
    }
    if isinstance(target, ElasticsearchIndex):
        info["indices"] = target.physical_indices()
        if not info["indices"]:
            return info
        info["schema_current"] = target.schema() == schema_fingerprint()
    for kind in sources():
        info["documents"][kind] = {"index": target.count(kind), "database": len(_ids(kind))}
    return info
