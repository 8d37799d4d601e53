# ruff: noqa: E501 - table rows read best on one line each
"""Page benchmark: members' pages under load, against Wagtail's bakerydemo on the same machine.

    eval "$(bash platform/services env)"   # PostgreSQL, Redis, Elasticsearch on 127.0.0.1
    .venv/bin/python -m bench.pages.run --bakerydemo /path/to/bakerydemo --seconds 30 --rounds 2

Builds its own database (``platform_bench``), Redis database (8), cache key prefix and search
index prefix (``bench-pages``), seeds the demo site, serves it with gunicorn under the
production settings and ``platform/deploy/gunicorn.conf.py`` (its worker count), and loads it
with 20 signed-in government officials (locust, headless, as a library, from its own venv)
over eight member pages. Bakerydemo (fetched beforehand: a clean machine cannot reach GitHub;
see bench/README.md) is served the same way from its own venv and database; the two sites'
loads alternate, round after round. Queries per page are counted in a separate pass, one
request at a time (never under load), at the demo data (1x) and again after the data is
multiplied (``--multiplier``, 10 by default). Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "platform" / "deploy" / "gunicorn.conf.py"
PASSWORD = "bench-pages-demo-password"  # noqa: S105 - demo accounts in a throwaway database
SERVER = "postgres://platform:platform@127.0.0.1:5432"
# The proxy in front of gunicorn says the visitor came over HTTPS (production redirects
# plain HTTP and trusts this header from 127.0.0.1).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# Our page ↔ bakerydemo's page of the same type.
COMPARABLE = [
    ("dashboard", "home"),
    ("library (filtered)", "blog index"),
    ("events index", "blog index"),
    ("practice note", "blog detail"),
    ("event", "blog detail"),
    ("thread", "blog detail"),
]
DETAIL_TARGET = 1.5


def platform_env(args: argparse.Namespace) -> dict[str, str]:
    """The production settings, with what they refuse to start without, on our own stores."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-pages-only-" + "x" * 50,
        "SITE_URL": "https://bench.example.org",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{args.server}/{args.db_name}",
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": "bench-pages",
        "ELASTICSEARCH_URL": args.elasticsearch_url,
        "SEARCH_INDEX_PREFIX": "bench-pages",
        "MEDIA_ROOT": str(ROOT / "var" / "bench-pages-media"),
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(args.workers),
    }


def bakery_env(args: argparse.Namespace) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "bench-bakery-only-" + "x" * 50,
        "DATABASE_URL": f"{args.server}/{args.bakery_db_name}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": str(args.workers),
        # Its production settings put the cache in Redis database 0 (shared on this machine)
        # when REDIS_URL is set; without it they use a per-process memory cache.
        "REDIS_URL": "",
    }


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(command: list[str], *, env: dict[str, str], cwd: Path) -> str:
    completed = subprocess.run(
        command, env={**os.environ, **env}, cwd=cwd, capture_output=True, text=True, check=False
    )
    if completed.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


def recreate_database(server: str, name: str) -> None:
    """Our own database, dropped and created again (never the shared ``platform``)."""
    import psycopg
    from psycopg import sql

    if name in ("platform", "postgres"):
        sys.exit(f"refusing to recreate the shared database {name!r}")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{server}/postgres") as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


# --- preparing the two sites ------------------------------------------------------------------


def prepare_platform(args: argparse.Namespace, env: dict[str, str]) -> None:
    python = [sys.executable, "manage.py"]
    if args.keepdb and database_exists(args.server, args.db_name):
        say(f"platform: keeping database {args.db_name}")
        return
    say(f"platform: database {args.db_name}, migrate, seed_demo, static files, search index...")
    recreate_database(args.server, args.db_name)
    run([*python, "migrate", "--no-input", "-v0"], env=env, cwd=ROOT)
    run([*python, "seed_demo", "--password", PASSWORD], env=env, cwd=ROOT)
    run([*python, "collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT)
    run([*python, "search_index", "rebuild", "--no-progress"], env=env, cwd=ROOT)


def prepare_bakery(args: argparse.Namespace, env: dict[str, str]) -> None:
    python = [str(args.bakery_python), "manage.py"]
    if args.keepdb and database_exists(args.server, args.bakery_db_name):
        say(f"bakerydemo: keeping database {args.bakery_db_name}")
        return
    say(f"bakerydemo: database {args.bakery_db_name}, migrate, load_initial_data, static files...")
    recreate_database(args.server, args.bakery_db_name)
    run([*python, "migrate", "--no-input", "-v0"], env=env, cwd=args.bakerydemo)
    run([*python, "load_initial_data"], env=env, cwd=args.bakerydemo)
    run([*python, "collectstatic", "--no-input", "-v0"], env=env, cwd=args.bakerydemo)


# Run by bakerydemo's own interpreter (``manage.py shell -c``): its pages and their queries.
BAKERY_PROBE = """
import json
import time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from bakerydemo.blog.models import BlogIndexPage, BlogPage
pages = {
    "home": "/",
    "blog index": BlogIndexPage.objects.live().first().url,
    "blog detail": BlogPage.objects.live().order_by("pk").first().url,
}
client = Client(HTTP_HOST="127.0.0.1")
queries = {}
for name, path in pages.items():
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, secure=True)
    # Read now: the next request's request_started signal empties the connection's log.
    count = len(captured)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        client.get(path, secure=True)
        times.append((time.perf_counter() - started) * 1000)
    queries[name] = {"status": response.status_code, "queries": count, "kib": len(response.content) / 1024, "alone_ms": sorted(times)[2]}
print("BAKERY-PROBE " + json.dumps({"pages": pages, "queries": queries}))
"""


def probe_bakery(args: argparse.Namespace, env: dict[str, str]) -> dict:
    out = run(
        [str(args.bakery_python), "manage.py", "shell", "-c", BAKERY_PROBE],
        env=env,
        cwd=args.bakerydemo,
    )
    line = next(line for line in out.splitlines() if line.startswith("BAKERY-PROBE "))
    return json.loads(line.removeprefix("BAKERY-PROBE "))


# --- our pages, sessions and query counts (in this process, under the production settings) ----


def our_pages() -> dict[str, str]:
    """The eight pages, chosen so that each shows real content to a government official."""
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from discussions.models import Thread
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage
    from knowledge.models import LibraryIndexPage, PracticeNotePage
    from taxonomy.models import Country, Theme

    # The demo data has each of these: an IndexError here means seed_demo changed.
    country = Country.objects.annotate(n=Count("practice_notes")).order_by("-n", "slug")[0]
    theme = Theme.objects.annotate(n=Count("practice_notes")).order_by("-n", "slug")[0]
    note = PracticeNotePage.objects.live().filter(tier="members").order_by("pk")[0]
    event = EventPage.objects.live().annotate(n=Count("registrations")).order_by("-n", "pk")[0]
    thread = Thread.objects.filter(topic__restricted_groups__isnull=True).order_by(
        "-post_count", "pk"
    )[0]
    with translation.override("en"):
        return {
            "dashboard": HomePage.objects.get(locale__language_code="en").url,
            "library (filtered)": f"{LibraryIndexPage.objects.live().get(locale__language_code='en').url}?country={country.slug}&theme={theme.slug}",
            "practice note": note.url,
            "events index": EventIndexPage.objects.live().get(locale__language_code="en").url,
            "event": event.url,
            "thread": reverse("discussions:thread", args=[thread.pk]),
            "directory": reverse("members:directory"),
            "search": reverse("search:results") + "?q=seasonal+workers",
        }


def officials() -> list:
    from core.roles import Role
    from members.models import User

    users = list(
        User.objects.filter(
            groups__name=Role.GOVERNMENT,
            is_active=True,
            email__endswith="@demo.migration-partnership.org",
        ).order_by("pk")
    )
    if not users:
        sys.exit("no government members in the demo data")
    return users


def session_cookies(count: int) -> list[str]:
    """``count`` signed-in sessions spread over the demo's government officials."""
    from django.conf import settings
    from django.test import Client

    users = officials()
    cookies = []
    for n in range(count):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(users[n % len(users)], backend=settings.AUTHENTICATION_BACKENDS[0])
        cookies.append(
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def count_queries(pages: dict[str, str]) -> dict[str, dict]:
    """Queries of each page for one official, one request at a time, caches warm (the second
    request), as under load after the first few requests."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(officials()[0], backend=settings.AUTHENTICATION_BACKENDS[0])
    counts = {}
    for name, path in pages.items():
        client.get(path, secure=True)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, secure=True)
        # Read now: the next request's request_started signal empties the connection's log.
        count = len(captured)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(path, secure=True)
            times.append((time.perf_counter() - started) * 1000)
        counts[name] = {
            "status": response.status_code,
            "queries": count,
            "kib": len(response.content) / 1024,
            # The median of five requests one at a time: the page's own cost, no queue.
            "alone_ms": sorted(times)[2],
        }
        if response.status_code != 200:
            sys.exit(f"{name} ({path}) answered {response.status_code} to the official")
    return counts


# --- serving and loading -----------------------------------------------------------------------


class Gunicorn:
    """gunicorn with the production config file; RSS of its workers sampled while it runs."""

    def __init__(
        self,
        *,
        label: str,
        python: Path,
        app: str,
        cwd: Path,
        env: dict[str, str],
        port: int,
        log: Path,
    ):
        self.label, self.port = label, port
        gunicorn = python.parent / "gunicorn"
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [str(gunicorn), "-c", str(GUNICORN_CONF), app],
            env={**os.environ, **env, "BIND": f"127.0.0.1:{port}"},
            cwd=cwd,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.rss_peak: dict[int, int] = {}
        self._sampling = threading.Event()

    def wait_ready(self, path: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.label}: gunicorn exited; see {self.log.name}")
            try:
                get(self.url(path), timeout=timeout)
                return
            except (urllib.error.URLError, OSError):  # not listening yet, or still booting
                pass
            time.sleep(0.5)
        sys.exit(f"{self.label}: gunicorn not ready after {timeout}s; see {self.log.name}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def sample(self) -> None:
        while not self._sampling.wait(0.5):
            for pid in self.workers():
                rss = rss_kib(pid)
                if rss:
                    self.rss_peak[pid] = max(self.rss_peak.get(pid, 0), rss)

    def start_sampling(self) -> threading.Thread:
        self._sampling.clear()
        thread = threading.Thread(target=self.sample, daemon=True)
        thread.start()
        return thread

    def stop_sampling(self, thread: threading.Thread) -> None:
        self._sampling.set()
        thread.join()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:  # a worker recycled by max_requests between listing and reading
        return 0
    return 0


def get(url: str, cookie: str = "", timeout: float = 60) -> int:
    headers = dict(PROXY_HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own loopback server
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()
        return response.status


def warm(server: Gunicorn, pages: dict[str, str], cookie: str, workers: int) -> None:
    """Every worker renders every page a few times (templates compiled, caches filled)."""
    for _ in range(workers * 2):
        for path in pages.values():
            status = get(server.url(path), cookie)
            if status != 200:
                sys.exit(f"{server.label}: {path} answered {status} while warming up")


def load(
    args: argparse.Namespace, server: Gunicorn, pages: dict[str, str], sessions: list[str]
) -> dict:
    config = {
        "host": f"http://127.0.0.1:{server.port}",
        "users": args.users,
        "seconds": args.seconds,
        "pages": list(pages.items()),
        "sessions": sessions,
        "headers": PROXY_HEADERS,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    sampler = server.start_sampling()
    try:
        out = subprocess.run(
            [str(args.locust_python), str(Path(__file__).with_name("load.py")), handle.name],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        server.stop_sampling(sampler)
        os.unlink(handle.name)
    if out.returncode:
        sys.exit(f"load run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def merge(results: list[dict]) -> dict:
    merged: dict = {
        "seconds": sum(r["seconds"] for r in results),
        "pages": {},
        "failures": {},
        "errors": [],
    }
    for result in results:
        for name, page in result["pages"].items():
            into = merged["pages"].setdefault(
                name, {"requests": 0, "failures": 0, "response_times": {}}
            )
            into["requests"] += page["requests"]
            into["failures"] += page["failures"]
            for ms, n in page["response_times"].items():
                into["response_times"][int(ms)] = into["response_times"].get(int(ms), 0) + n
        for key, n in result["failures"].items():
            merged["failures"][key] = merged["failures"].get(key, 0) + n
        merged["errors"] += result["errors"]
    return merged


def percentile(histogram: dict[int, int], fraction: float) -> float:
    total = sum(histogram.values())
    if not total:
        return float("nan")
    seen = 0
    for ms in sorted(histogram):
        seen += histogram[ms]
        if seen >= fraction * total:
            return float(ms)
    return float(max(histogram))


# --- the tables ------------------------------------------------------------------------------


def site_table(
    title: str, result: dict, pages: dict[str, str], queries: dict[str, dict[str, dict]]
) -> list[str]:
    columns = list(queries)
    lines = [
        f"### {title}",
        "",
        "| page | path | p50 ms | p95 ms | p99 ms | req/s | requests | errors | "
        + " | ".join(f"queries {c}" for c in columns)
        + " | "
        + " | ".join(f"KiB {c}" for c in columns)
        + " | ms alone |",
        "|---|---|---:|---:|---:|---:|---:|---:|" + "---:|" * (2 * len(columns) + 1),
    ]
    total_requests = total_failures = 0
    everything: dict[int, int] = {}
    for name, path in pages.items():
        page = result["pages"].get(name, {"requests": 0, "failures": 0, "response_times": {}})
        times = page["response_times"]
        for ms, n in times.items():
            everything[ms] = everything.get(ms, 0) + n
        total_requests += page["requests"]
        total_failures += page["failures"]
        counts = " | ".join(
            [str(queries[c][name]["queries"]) for c in columns]
            + [f"{queries[c][name]['kib']:.0f}" for c in columns]
            + [f"{queries[columns[0]][name]['alone_ms']:.0f}"]
        )
        lines.append(
            f"| {name} | `{path}` | {percentile(times, 0.5):.0f} | {percentile(times, 0.95):.0f} | "
            f"{percentile(times, 0.99):.0f} | {page['requests'] / result['seconds']:.1f} | "
            f"{page['requests']} | {page['failures']} | {counts} |"
        )
    lines.append(
        f"| **all pages** | | {percentile(everything, 0.5):.0f} | {percentile(everything, 0.95):.0f} | "
        f"{percentile(everything, 0.99):.0f} | {total_requests / result['seconds']:.1f} | "
        f"{total_requests} | {total_failures} |" + " |" * (2 * len(columns) + 1)
    )
    for key, n in sorted(result["failures"].items()):
        lines.append(f"- failure: {key} x{n}")
    lines += [f"- error: {e}" for e in result["errors"]]
    return [*lines, ""]


def ratio_table(ours: dict, bakery: dict, alone: dict, bakery_alone: dict) -> list[str]:
    lines = [
        "### Our p95 over bakerydemo's p95, per comparable page type",
        "",
        "| our page | bakerydemo page | our p95 ms | its p95 ms | ratio | target | ratio, one request at a time |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for our, their in COMPARABLE:
        mine = percentile(ours["pages"].get(our, {}).get("response_times", {}), 0.95)
        theirs = percentile(bakery["pages"].get(their, {}).get("response_times", {}), 0.95)
        ratio = mine / theirs
        target = ""
        if their == "blog detail":
            target = f"≤ {DETAIL_TARGET}: " + ("met" if ratio <= DETAIL_TARGET else "NOT met")
        single = alone[our]["alone_ms"] / bakery_alone[their]["alone_ms"]
        lines.append(
            f"| {our} | {their} | {mine:.0f} | {theirs:.0f} | **{ratio:.2f}×** | {target} | {single:.2f}× |"
        )
    return [*lines, ""]


def memory_lines(servers: list[Gunicorn]) -> list[str]:
    lines = [
        "### Memory: peak RSS per gunicorn worker during the load",
        "",
        "| site | workers seen | min MiB | mean MiB | max MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for server in servers:
        peaks = [kib / 1024 for kib in server.rss_peak.values()]
        if peaks:
            lines.append(
                f"| {server.label} | {len(peaks)} | {min(peaks):.0f} | {sum(peaks) / len(peaks):.0f} | {max(peaks):.0f} |"
            )
    return [*lines, ""]


def growth_lines(queries: dict[str, dict[str, dict]]) -> list[str]:
    first, *_, last = list(queries)
    grown = [
        f"{name} ({queries[first][name]['queries']} → {queries[last][name]['queries']})"
        for name in queries[first]
        if queries[last][name]["queries"] > queries[first][name]["queries"]
    ]
    if not grown:
        return [f"Queries per page constant from {first} to {last}: target met.", ""]
    return [f"Queries per page GROW from {first} to {last}: " + ", ".join(grown) + ".", ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bakerydemo",
        type=Path,
        default=os.environ.get("BAKERYDEMO_DIR"),
        help="a work tree of wagtail/bakerydemo with its venv in .venv (or $BAKERYDEMO_DIR)",
    )
    parser.add_argument(
        "--bakery-python",
        type=Path,
        help="bakerydemo's interpreter (default: BAKERYDEMO/.venv/bin/python)",
    )
    parser.add_argument(
        "--locust-python",
        type=Path,
        default=os.environ.get("BENCH_PYTHON", ROOT / ".venv-bench" / "bin" / "python"),
        help="an interpreter with locust (the bench extra); default .venv-bench",
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30, help="load per site per round")
    parser.add_argument(
        "--rounds", type=int, default=2, help="rounds, each loading ours then bakerydemo"
    )
    parser.add_argument(
        "--multiplier", type=int, default=10, help="data multiple for the second query count"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=multiprocessing.cpu_count() * 2 + 1,
        help="gunicorn workers (default: the production config's rule, 2 × cores + 1)",
    )
    parser.add_argument("--db-name", default="platform_bench")
    parser.add_argument("--bakery-db-name", default="bench_bakerydemo")
    parser.add_argument("--server", default=SERVER, help="PostgreSQL server URL without a database")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument(
        "--elasticsearch-url",
        default=os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200",
    )
    parser.add_argument("--port", type=int, default=8411)
    parser.add_argument("--bakery-port", type=int, default=8412)
    parser.add_argument(
        "--keepdb",
        action="store_true",
        help="reuse both databases if present (skips seeding; not after a multiplied run)",
    )
    parser.add_argument("--skip-multiply", action="store_true", help="count queries at 1x only")
    args = parser.parse_args()
    if not args.bakerydemo or not (args.bakerydemo / "manage.py").exists():
        sys.exit(
            "give --bakerydemo (or BAKERYDEMO_DIR): a bakerydemo work tree, see bench/README.md"
        )
    args.bakerydemo = args.bakerydemo.resolve()
    args.bakery_python = args.bakery_python or args.bakerydemo / ".venv" / "bin" / "python"
    if not Path(args.locust_python).exists():
        sys.exit(f"no locust interpreter at {args.locust_python}: see bench/README.md")

    env, benv = platform_env(args), bakery_env(args)
    os.environ.update(env)
    prepare_platform(args, env)
    prepare_bakery(args, benv)

    import django

    django.setup()
    from django.conf import settings

    if "postgres" not in settings.DATABASES["default"]["ENGINE"] or not settings.ELASTICSEARCH_URL:
        sys.exit("the benchmark needs PostgreSQL and Elasticsearch")
    pages = our_pages()
    queries = {"1x": count_queries(pages)}
    sessions = session_cookies(args.users)
    probe = probe_bakery(args, benv)
    bakery_pages = probe["pages"]
    logs = ROOT / "var" / "bench-pages"
    logs.mkdir(parents=True, exist_ok=True)

    say(f"serving both sites with {args.workers} gunicorn workers each...")
    ours = Gunicorn(
        label="platform",
        python=Path(sys.executable),
        app="config.wsgi",
        cwd=ROOT,
        env=env,
        port=args.port,
        log=logs / "platform-gunicorn.log",
    )
    bakery = Gunicorn(
        label="bakerydemo",
        python=args.bakery_python,
        app="bakerydemo.wsgi",
        cwd=args.bakerydemo,
        env=benv,
        port=args.bakery_port,
        log=logs / "bakerydemo-gunicorn.log",
    )
    try:
        ours.wait_ready("/health/")
        bakery.wait_ready("/")
        warm(ours, pages, sessions[0], args.workers)
        warm(bakery, bakery_pages, "", args.workers)
        our_runs, bakery_runs = [], []
        for n in range(args.rounds):
            say(
                f"round {n + 1}/{args.rounds}: platform {args.seconds}s, then bakerydemo {args.seconds}s"
            )
            our_runs.append(load(args, ours, pages, sessions))
            bakery_runs.append(load(args, bakery, bakery_pages, []))
    finally:
        ours.stop()
        bakery.stop()
    our_result, bakery_result = merge(our_runs), merge(bakery_runs)
    (logs / "results.json").write_text(
        json.dumps({"platform": our_runs, "bakerydemo": bakery_runs})
    )

    if not args.skip_multiply:
        from bench.pages import scale

        say(f"multiplying the data by {args.multiplier}...")
        scale.multiply(args.multiplier)
        run(
            [sys.executable, "manage.py", "search_index", "rebuild", "--no-progress"],
            env=env,
            cwd=ROOT,
        )
        queries[f"{args.multiplier}x"] = count_queries(pages)

    load_avg = os.getloadavg()
    lines = [
        f"## Page benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"{args.users} concurrent signed-in users, {args.rounds} rounds of {args.seconds}s per site, interleaved; "
        f"gunicorn {args.workers} workers × {os.environ.get('WEB_THREADS', 4)} threads (gthread) per site; "
        f"{multiprocessing.cpu_count()} cores; load average at the end {load_avg[0]:.1f}.",
        "",
        *site_table(
            "Platform (government official, production settings, PostgreSQL + Redis + Elasticsearch)",
            our_result,
            pages,
            queries,
        ),
        *(growth_lines(queries) if len(queries) > 1 else []),
        *site_table(
            "bakerydemo (anonymous visitor, its production settings, PostgreSQL)",
            bakery_result,
            bakery_pages,
            {"1x": probe["queries"]},
        ),
        *ratio_table(our_result, bakery_result, queries["1x"], probe["queries"]),
        *memory_lines([ours, bakery]),
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
