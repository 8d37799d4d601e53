# ruff: noqa: E501 - word lists and table rows read best on one line each
"""Search benchmark: our engine against Wagtail's Elasticsearch and database backends.

    eval "$(bash platform/services env)"
    .venv/bin/python -m bench.search.run --notes 2000 --posts 10000

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

VOCABULARY = {
    "en": [
        "migration",
        "labour",
        "seasonal",
        "workers",
        "return",
        "reintegration",
        "diaspora",
        "remittances",
        "border",
        "management",
        "integration",
        "asylum",
        "refugees",
        "trafficking",
        "protection",
        "rights",
        "employment",
        "skills",
        "recognition",
        "mobility",
        "partnership",
        "agreement",
        "policy",
        "strategy",
        "data",
        "statistics",
        "consular",
        "services",
        "counselling",
        "training",
        "youth",
        "students",
        "circular",
        "pathways",
        "pilot",
        "programme",
        "ministry",
        "agency",
        "cooperation",
        "region",
        "municipality",
        "employers",
        "recruitment",
    ],
    "ru": [
        "миграция",
        "трудовые",
        "мигранты",
        "сезонные",
        "работники",
        "возвращение",
        "реинтеграция",
        "диаспора",
        "денежные",
        "переводы",
        "граница",
        "управление",
        "интеграция",
        "убежище",
        "беженцы",
        "торговля",
        "защита",
        "права",
        "занятость",
        "навыки",
        "признание",
        "мобильность",
        "партнёрство",
        "соглашение",
        "политика",
        "стратегия",
        "данные",
        "статистика",
        "консульские",
        "услуги",
        "обучение",
        "молодёжь",
        "студенты",
        "программа",
        "министерство",
        "агентство",
        "сотрудничество",
        "регион",
        "работодатели",
    ],
    "ka": [
        "მიგრაცია",
        "შრომითი",
        "მიგრანტები",
        "სეზონური",
        "დასაქმება",
        "დაბრუნება",
        "რეინტეგრაცია",
        "დიასპორა",
        "ფულადი",
        "გზავნილები",
        "საზღვარი",
        "მართვა",
        "ინტეგრაცია",
        "თავშესაფარი",
        "ლტოლვილები",
        "ტრეფიკინგი",
        "დაცვა",
        "უფლებები",
        "უნარები",
        "აღიარება",
        "პარტნიორობა",
        "შეთანხმება",
        "პოლიტიკა",
        "სტრატეგია",
        "მონაცემები",
        "სტატისტიკა",
        "სამინისტრო",
        "სააგენტო",
        "თანამშრომლობა",
        "რეგიონი",
    ],
    "hy": [
        "միգրացիա",
        "աշխատանքային",
        "միգրանտներ",
        "սեզոնային",
        "վերադարձ",
        "վերաինտեգրում",
        "սփյուռք",
        "դրամական",
        "փոխանցումներ",
        "սահման",
        "կառավարում",
        "ինտեգրում",
        "ապաստան",
        "փախստականներ",
        "թրաֆիքինգ",
        "պաշտպանություն",
        "իրավունքներ",
        "զբաղվածություն",
        "հմտություններ",
        "գործընկերություն",
        "համաձայնագիր",
        "քաղաքականություն",
        "ռազմավարություն",
        "տվյալներ",
        "վիճակագրություն",
        "նախարարություն",
    ],
}
LANGUAGE_WEIGHTS = {"en": 4, "ru": 3, "ka": 2, "hy": 1}


def words(rng: random.Random, language: str, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY[language]) for _ in range(n))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def setup_database(keepdb: bool) -> None:
    from django.conf import settings
    from django.db import connection

    settings.DATABASES["default"]["TEST"].update({"NAME": "bench_search"})
    connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keepdb, serialize=False
    )


def build_corpus(*, notes: int, posts: int, rng: random.Random) -> None:
    import search.outbox
    from discussions.models import Post, Thread, Topic
    from home.models import HomePage
    from knowledge.models import Country, LibraryIndexPage, PracticeNotePage, Theme
    from members.access import Tier
    from members.models import Role
    from tests.factories.members import make_member

    existing = PracticeNotePage.objects.count()
    if existing >= notes and Post.objects.count() >= posts:
        print(f"corpus kept: {existing} notes, {Post.objects.count()} posts", file=sys.stderr)
        return
    # The corpus is loaded in bulk; the rebuild below indexes it, so no per-save tasks now.
    kick = search.outbox._kick
    search.outbox._kick = lambda row_ids: None
    try:
        library = LibraryIndexPage.objects.first() or HomePage.objects.get().add_child(
            instance=LibraryIndexPage(title="Library", slug="bench-library")
        )
        countries = list(Country.objects.filter(eastern_partnership=True))
        themes = list(Theme.objects.all())
        languages = [lang for lang, weight in LANGUAGE_WEIGHTS.items() for _ in range(weight)]
        started = time.perf_counter()
        for n in range(existing, notes):
            language = rng.choice(languages)
            note = PracticeNotePage(
                title=words(rng, language, 5).capitalize(),
                summary=words(rng, language, 30),
                body=[("text", f"<p>{words(rng, language, 180)}</p>")],
                language=language,
                tier=rng.choice([Tier.MEMBERS] * 8 + [Tier.GOVERNMENTS, Tier.SECRETARIAT]),
                slug=f"note-{n}",
            )
            library.add_child(instance=note)
            note.countries.set(rng.sample(countries, 2))
            note.themes.set(rng.sample(themes, 2))
            if n % 500 == 0:
                print(
                    f"  notes {n}/{notes} ({time.perf_counter() - started:.0f}s)", file=sys.stderr
                )
        author = make_member(Role.EXPERT)
        topic, _ = Topic.objects.get_or_create(slug="bench", defaults={"name": "Bench"})
        have = Post.objects.count()
        batch = []
        thread = None
        for n in range(have, posts):
            if n % 20 == 0:
                language = rng.choice(languages)
                thread = Thread.objects.create(
                    topic=topic, title=words(rng, language, 6), author=author
                )
            text = words(rng, language, 60)
            batch.append(
                Post(
                    thread=thread,
                    number=n % 20 + 1,
                    author=author,
                    source=text,
                    html=f"<p>{text}</p>",
                )
            )
            if len(batch) >= 2000:
                Post.objects.bulk_create(batch)
                batch = []
        Post.objects.bulk_create(batch)
    finally:
        search.outbox._kick = kick


def rebuild_ours() -> tuple[int, float]:
    from search import indexing

    started = time.perf_counter()
    result = indexing.rebuild()
    return result["documents"], time.perf_counter() - started


def rebuild_wagtail(backend_name: str) -> tuple[int, float]:
    from wagtail.search.backends import get_search_backend

    from knowledge.models import PracticeNotePage

    backend = get_search_backend(backend_name)
    started = time.perf_counter()
    index = backend.get_index_for_model(PracticeNotePage)
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.add_model(PracticeNotePage)
    objects = PracticeNotePage.get_indexed_objects().order_by("pk")
    count = 0
    ids = list(objects.values_list("pk", flat=True))
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
    parser.add_argument("--keepdb", action="store_true", help="reuse bench_search if present")
    parser.add_argument("--seed", type=int, default=7)
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
    rng = random.Random(args.seed)
    setup_database(args.keepdb)
    print("building the corpus...", file=sys.stderr)
    build_corpus(notes=args.notes, posts=args.posts, rng=rng)

    rows: list[tuple[str, str]] = []
    print("rebuilding...", file=sys.stderr)
    ours_docs, ours_s = rebuild_ours()
    wes_docs, wes_s = rebuild_wagtail("wagtail_es")
    wdb_docs, wdb_s = rebuild_wagtail("default")
    ours_rate, wes_rate, wdb_rate = ours_docs / ours_s, wes_docs / wes_s, wdb_docs / wdb_s
    rows += [
        (
            "rebuild: ours (all kinds, alias swap)",
            f"{ours_docs} docs in {ours_s:.1f}s = {ours_rate:.0f} docs/s",
        ),
        (
            "rebuild: Wagtail ES (notes only)",
            f"{wes_docs} docs in {wes_s:.1f}s = {wes_rate:.0f} docs/s",
        ),
        (
            "rebuild: Wagtail DB (notes only)",
            f"{wdb_docs} docs in {wdb_s:.1f}s = {wdb_rate:.0f} docs/s",
        ),
        ("rebuild ratio ours / Wagtail ES", f"{ours_rate / wes_rate:.2f}x"),
    ]

    print("querying...", file=sys.stderr)
    rows += measure_queries(args, rng)
    print("freshness...", file=sys.stderr)
    rows += measure_freshness(args, rng)

    width = max(len(name) for name, _ in rows)
    print(f"\ncorpus: {args.notes} practice notes, {args.posts} posts (seed {args.seed})")
    print("-" * (width + 40))
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def measure_queries(args, rng) -> list[tuple[str, str]]:
    from django.test import Client
    from wagtail.search.backends import get_search_backend

    from knowledge.models import PracticeNotePage
    from members.access import visible_tiers
    from members.models import Role
    from search import service
    from search.engines.elastic import ElasticsearchEngine
    from tests.factories.members import make_member

    member = make_member(Role.GOVERNMENT)
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
        results = service.SearchResults(query=service.parse_query(query))
        engine.client.search(
            index=engine.index, **engine.body(results, {"members", "group:government"}, "en")
        )

    def wagtail(backend, query: str) -> None:
        scope = PracticeNotePage.objects.live().filter(tier__in=tiers)
        list(backend.search(query, scope)[:10])

    timings: dict[str, list[float]] = {k: [] for k in ("view", "service", "raw", "wes", "wdb")}
    for query in queries[:5]:  # warm caches on every side
        client.get("/en/search/", {"q": query})
        wagtail(wagtail_es, query)
        wagtail(wagtail_db, query)
    for query in queries:
        timings["view"].append(timed(client.get, "/en/search/", {"q": query}))
        timings["service"].append(timed(service.search, user=member, query=query, language="en"))
        timings["raw"].append(timed(raw, query))
        timings["wes"].append(timed(wagtail, wagtail_es, query))
        timings["wdb"].append(timed(wagtail, wagtail_db, query))

    def line(key):
        return f"p50 {statistics.median(timings[key]):6.1f} ms   p95 {percentile(timings[key], 0.95):6.1f} ms"

    p95 = {key: percentile(values, 0.95) for key, values in timings.items()}
    return [
        (f"query ({len(queries)}): ours through the Django view", line("view")),
        ("query: ours, service only (facets, highlights, access)", line("service")),
        ("query: ours, the same body straight to Elasticsearch", line("raw")),
        ("query: Wagtail ES backend (hits only, access filter)", line("wes")),
        ("query: Wagtail DB backend (hits only, access filter)", line("wdb")),
        ("p95 ratio ours service / Wagtail ES", f"{p95['service'] / p95['wes']:.2f}x"),
        ("p95 ratio ours view / Wagtail ES", f"{p95['view'] / p95['wes']:.2f}x"),
        ("p95 ratio ours service / raw ES (overhead)", f"{p95['service'] / p95['raw']:.2f}x"),
        ("p95 ratio Wagtail DB / ours service", f"{p95['wdb'] / p95['service']:.2f}x"),
    ]


def measure_freshness(args, rng) -> list[tuple[str, str]]:
    import tempfile
    from pathlib import Path

    from config.celery import app
    from home.models import StandardPage
    from members.models import Role
    from search import service
    from tests.factories.members import make_member
    from tests.search.builders import home
    from tests.services import WorkerProcess

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    log = Path(tempfile.mkdtemp()) / "worker.log"
    worker = WorkerProcess(queue=queue, log=log).start()
    member = make_member(Role.OBSERVER)
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
                if service.search(user=member, query=token).total:
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
