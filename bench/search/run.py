# ruff: noqa: E501 - table rows read best on one line each
"""Search benchmark: our engine against Wagtail's Elasticsearch and database backends.

    eval "$(bash platform/services env)"
    .venv/bin/python -m bench.search.run --notes 2000 --posts 10000
    nice -n 10 .venv/bin/python -m bench.search.run --notes 50000 --posts 200000 --corpus-only
    .venv/bin/python -m bench.search.run --notes 50000 --posts 200000 --keepdb

Builds a corpus (practice notes and discussion posts in English, Russian, Georgian, Armenian) in
its own PostgreSQL database (``bench_search``, kept between runs with ``--keepdb``) and its own
index prefix, then prints one table: rebuild rate, query latency p50/p95 (through the Django
view, through the service, straight to Elasticsearch, and Wagtail's two backends on the same
queries with the same access filter), and freshness (commit to searchable with a real worker).
Not a test: it asserts nothing, it measures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("SEARCH_INDEX_PREFIX", "bench")
os.environ["DEBUG"] = "0"

import django

from bench.search import corpus
from bench.search.corpus import VOCABULARY, words


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def setup_database(keepdb: bool, name: str = "bench_search") -> None:
    from django.conf import settings
    from django.db import connection

    settings.DATABASES["default"]["TEST"].update({"NAME": name})
    connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keepdb, serialize=False
    )


def rebuild_ours() -> tuple[int, float, dict[str, float]]:
    """Our rebuild of every kind; also the seconds each kind took to load."""
    from search import indexing

    spans: dict[str, float] = {}

    def timing(items, total, kind):
        started = time.perf_counter()
        yield from items
        spans[kind] = spans.get(kind, 0.0) + time.perf_counter() - started

    started = time.perf_counter()
    result = indexing.rebuild(progress=timing)
    return result["documents"], time.perf_counter() - started, spans


def rebuild_wagtail(
    backend_name: str, sample: int | None = None, *, empty_first: bool = False
) -> tuple[int, float]:
    """Wagtail's own rebuild of the notes, chunked; ``sample`` indexes only the first N.

    ``empty_first`` for the database backend, whose rebuild updates entries in place: emptied,
    it holds only what this run indexed (a sample means a sample) and starts from nothing like
    the Elasticsearch rebuilds, which fill a new index."""
    from wagtail.search.backends import get_search_backend

    from knowledge.models import PracticeNotePage

    backend = get_search_backend(backend_name)
    if empty_first:
        backend.reset_indexes()
    started = time.perf_counter()
    index = backend.get_index_for_model(PracticeNotePage)
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.add_model(PracticeNotePage)
    objects = PracticeNotePage.get_indexed_objects().order_by("pk")
    count = 0
    ids = list(objects.values_list("pk", flat=True)[:sample])
    for start in range(0, len(ids), 500):
        chunk = list(objects.filter(pk__in=ids[start : start + 500]))
        index.add_items(PracticeNotePage, chunk)
        count += len(chunk)
    rebuilder.finish()
    if hasattr(index, "refresh"):
        index.refresh()
    return count, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--freshness", type=int, default=20, help="commits to time")
    parser.add_argument("--keepdb", action="store_true", help="reuse the database if present")
    parser.add_argument(
        "--db-name", default="bench_search", help="the benchmark's own database (recreated)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--skip-rebuild", action="store_true", help="query the indices left by the last run"
    )
    parser.add_argument(
        "--corpus-only", action="store_true", help="build (or top up) the corpus, check it, exit"
    )
    parser.add_argument(
        "--wagtail-db-sample",
        type=int,
        metavar="N",
        help="index only N notes with Wagtail's database backend (its rebuild is slow at scale)",
    )
    args = parser.parse_args()
    django.setup()

    from django.conf import settings

    if not settings.ELASTICSEARCH_URL or "postgres" not in settings.DATABASES["default"]["ENGINE"]:
        sys.exit('run with the services: eval "$(bash platform/services env)"')
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database"},
        "wagtail_es": {
            "BACKEND": "bench.search.wagtail_core",
            "URLS": [settings.ELASTICSEARCH_URL],
            "INDEX_PREFIX": "bench-wagtail-",
            "TIMEOUT": 60,
        },
    }
    setup_database(args.keepdb, args.db_name)
    print("building the corpus...", file=sys.stderr)
    built = corpus.build(notes=args.notes, posts=args.posts, rng=random.Random(args.seed))
    if built["seconds"] or args.corpus_only:
        problems = corpus.check()
        print("corpus check: " + ("; ".join(problems) or "ok"), file=sys.stderr)
    if args.corpus_only:
        return
    # Queries from their own generator: the same queries whether the corpus was built or kept.
    rng = random.Random(args.seed + 1)

    rows: list[tuple[str, str]] = []
    if built["seconds"]:
        rows.append(
            (
                "corpus generation (bulk insert)",
                f"{built['notes']} notes, {built['posts']} posts in {built['seconds']:.0f}s",
            )
        )
    if args.skip_rebuild:
        print("querying the indices as they are (--skip-rebuild)", file=sys.stderr)
        rows += measure_queries(args, rng)
        return print_rows(args, rows)
    print("rebuilding...", file=sys.stderr)
    ours_docs, ours_s, spans = rebuild_ours()
    wes_docs, wes_s = rebuild_wagtail("wagtail_es")
    wdb_docs, wdb_s = rebuild_wagtail("default", args.wagtail_db_sample, empty_first=True)
    wdb_label = "notes only"
    if args.wagtail_db_sample and wdb_docs < wes_docs:
        wdb_label = f"SAMPLE of {wdb_docs} notes: its queries search only those"
    ours_rate, wes_rate, wdb_rate = ours_docs / ours_s, wes_docs / wes_s, wdb_docs / wdb_s
    from knowledge.models import PracticeNotePage

    notes = PracticeNotePage.objects.live().count()
    notes_rate = notes / spans["practice_note"]
    rows += [
        (
            "rebuild: ours (all kinds, alias swap)",
            f"{ours_docs} docs in {ours_s:.1f}s = {ours_rate:.0f} docs/s",
        ),
        (
            "rebuild: ours, the notes part of it",
            f"{notes} docs in {spans['practice_note']:.1f}s = {notes_rate:.0f} docs/s",
        ),
        (
            "rebuild: Wagtail ES (notes only)",
            f"{wes_docs} docs in {wes_s:.1f}s = {wes_rate:.0f} docs/s",
        ),
        (
            f"rebuild: Wagtail DB ({wdb_label})",
            f"{wdb_docs} docs in {wdb_s:.1f}s = {wdb_rate:.0f} docs/s",
        ),
        ("rebuild ratio ours / Wagtail ES (all kinds / notes)", f"{ours_rate / wes_rate:.2f}x"),
        ("rebuild ratio ours / Wagtail ES (notes / notes)", f"{notes_rate / wes_rate:.2f}x"),
    ]

    settle()
    print("querying...", file=sys.stderr)
    rows += measure_queries(args, rng)
    print("freshness...", file=sys.stderr)
    rows += measure_freshness(args, rng)

    print_rows(args, rows)


def settle(limit: float = 600) -> None:
    """Wait until Elasticsearch has finished merging the segments the rebuilds left, so that
    queries are timed on the indices as they will stay, not against merges (both sides')."""
    from search.client import elasticsearch_client

    client = elasticsearch_client()
    started = time.perf_counter()
    print("waiting for merges to finish...", file=sys.stderr)
    while time.perf_counter() - started < limit:
        nodes = client.nodes.stats(metric="indices", index_metric="merge")["nodes"]
        if not any(node["indices"]["merges"]["current"] for node in nodes.values()):
            return
        time.sleep(2)


def print_rows(args, rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"\ncorpus: {args.notes} practice notes, {args.posts} posts (seed {args.seed})")
    print("-" * (width + 40))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def measure_queries(args, rng) -> list[tuple[str, str]]:
    from django.test import Client
    from wagtail.search.backends import get_search_backend

    from core.access import visible_tiers
    from core.roles import Role
    from knowledge.models import PracticeNotePage
    from search import query as search_query
    from search.engines.elastic import ElasticsearchEngine
    from search.selectors import library_search
    from tests.factories.members import make_member

    member = make_member(Role.GOVERNMENT, email=f"bench-{uuid.uuid4().hex[:8]}@example.org")
    client = Client()
    client.force_login(member)
    engine = ElasticsearchEngine()
    tiers = list(visible_tiers(member))
    wagtail_es = get_search_backend("wagtail_es")
    wagtail_db = get_search_backend("default")
    queries = []
    for _ in range(args.queries):
        language = rng.choice(list(VOCABULARY))
        queries.append(words(rng, language, rng.choice([1, 1, 2])))

    def raw(query: str) -> None:
        results = search_query.SearchResults(query=search_query.parse_query(query))
        engine.client.msearch(
            searches=[
                line
                for body in engine.bodies(results, {"members", "group:government"}, "en")
                for line in ({"index": engine.index}, body)
            ]
        )

    def cold() -> None:
        # Our facet counts (a size-0 request) are kept in the shard request cache; Wagtail's
        # query (size 10) never is. Every figure but "repeated" starts from an empty cache.
        engine.client.indices.clear_cache(index=engine.index, request=True)

    def wagtail(backend, query: str) -> None:
        scope = PracticeNotePage.objects.live().filter(tier__in=tiers)
        list(backend.search(query, scope)[:10])

    keys = ("view", "service", "repeated", "notes", "bare", "raw", "wes", "wdb")
    timings: dict[str, list[float]] = {k: [] for k in keys}
    for query in queries[:5]:  # warm the other caches (page cache, filters) on every side
        client.get("/en/search/", {"q": query})
        wagtail(wagtail_es, query)
        wagtail(wagtail_db, query)
    for query in queries:
        cold()
        timings["service"].append(
            timed(search_query.search, user=member, query=query, language="en")
        )
        timings["repeated"].append(
            timed(search_query.search, user=member, query=query, language="en")
        )
        cold()
        timings["notes"].append(timed(library_search, user=member, query=query, language="en"))
        cold()
        timings["bare"].append(
            timed(library_search, user=member, query=query, language="en", detail=False)
        )
        cold()
        timings["view"].append(timed(client.get, "/en/search/", {"q": query}))
        cold()
        timings["raw"].append(timed(raw, query))
        timings["wes"].append(timed(wagtail, wagtail_es, query))
        timings["wdb"].append(timed(wagtail, wagtail_db, query))

    def line(key):
        return f"p50 {statistics.median(timings[key]):6.1f} ms   p95 {percentile(timings[key], 0.95):6.1f} ms"

    p95 = {key: percentile(values, 0.95) for key, values in timings.items()}
    return [
        (f"query ({len(queries)}): ours through the Django view", line("view")),
        ("query: ours, service only (facets, highlights, access)", line("service")),
        ("query: ours, service, the same query repeated", line("repeated")),
        ("query: ours, notes only (the library's search), facets etc.", line("notes")),
        ("query: ours, notes only, hits alone (no facets, highlights)", line("bare")),
        ("query: ours, the same two requests straight to Elasticsearch", line("raw")),
        ("query: Wagtail ES backend (hits only, access filter)", line("wes")),
        ("query: Wagtail DB backend (hits only, access filter)", line("wdb")),
        ("p95 ratio ours service (all kinds) / Wagtail ES", f"{p95['service'] / p95['wes']:.2f}x"),
        ("p95 ratio ours notes only / Wagtail ES (notes)", f"{p95['notes'] / p95['wes']:.2f}x"),
        ("p95 ratio ours hits alone / Wagtail ES (notes)", f"{p95['bare'] / p95['wes']:.2f}x"),
        ("p95 ratio ours view / Wagtail ES", f"{p95['view'] / p95['wes']:.2f}x"),
        ("p95 ratio ours service / raw ES (overhead)", f"{p95['service'] / p95['raw']:.2f}x"),
        ("p95 ratio Wagtail DB / ours service", f"{p95['wdb'] / p95['service']:.2f}x"),
    ]


def measure_freshness(args, rng) -> list[tuple[str, str]]:
    import tempfile
    from pathlib import Path

    from config.celery import app
    from core.roles import Role
    from home.models import StandardPage
    from search import query as search_query
    from tests.factories.members import make_member
    from tests.search.builders import home
    from tests.services import WorkerProcess, use_queue_prefix

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    use_queue_prefix(f"{queue}-")
    log = Path(tempfile.mkdtemp()) / "worker.log"
    worker = WorkerProcess(prefix=f"{queue}-", log=log).start()
    member = make_member(Role.OBSERVER, email=f"bench-{uuid.uuid4().hex[:8]}@example.org")
    delays = []
    try:
        page = home().add_child(
            instance=StandardPage(title="Freshness probe", slug=f"fresh-{queue}")
        )
        for _ in range(args.freshness):
            token = f"fresh{uuid.uuid4().hex[:10]}"
            page.title = f"Freshness probe {token}"
            started = time.perf_counter()
            page.save()
            deadline = started + 30
            while time.perf_counter() < deadline:
                if search_query.search(user=member, query=token).total:
                    break
                time.sleep(0.01)
            delays.append((time.perf_counter() - started) * 1000)
    finally:
        worker.stop()
    return [
        (
            f"freshness ({len(delays)} commits, real worker)",
            f"p50 {statistics.median(delays):6.0f} ms   p95 {percentile(delays, 0.95):6.0f} ms",
        )
    ]


if __name__ == "__main__":
    main()
