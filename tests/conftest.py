"""Fixtures shared by every test, and the service markers.

A test marked ``postgres``, ``redis``, ``elasticsearch``, ``celery``, ``browser`` or ``vnu``
needs that service. Without it the test skips, except under ``REQUIRE_SERVICES=1`` (CI), where
it fails: a CI run must never go green because a service silently went missing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from functools import cache

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@cache
def _redis_up() -> bool:
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


@cache
def _elasticsearch_up() -> bool:
    if not settings.ELASTICSEARCH_URL:
        return False
    from search.client import elasticsearch_client

    # The integ-test distribution answers 405 on "GET /", so ping() is useless: ask for health.
    try:
        health = elasticsearch_client().options(request_timeout=3).cluster.health()
    except Exception:
        return False
    return health["status"] in ("green", "yellow")


def _postgres_up() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@cache
def vnu_classpath() -> str:
    """The Nu Html Checker's class path, fetched once into var/vnu/ by platform/vnu (Maven
    Central); empty when java or mvn is missing or the fetch fails."""
    if shutil.which("java") is None or shutil.which("mvn") is None:
        return ""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fetched = subprocess.run(
        ["bash", os.path.join(root, "platform", "vnu"), "fetch"],
        capture_output=True,
        text=True,
        check=False,
    )
    if fetched.returncode != 0:
        sys.stderr.write(fetched.stderr)
        return ""
    return fetched.stdout.strip()


def _browser_up() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


SERVICE_CHECKS = {
    "postgres": (_postgres_up, "DATABASE_URL does not point at PostgreSQL"),
    "redis": (_redis_up, "no Redis answers at REDIS_URL"),
    "celery": (_redis_up, "no Redis broker for a real Celery worker"),
    "elasticsearch": (_elasticsearch_up, "no Elasticsearch answers at ELASTICSEARCH_URL"),
    "browser": (_browser_up, "Chromium or Playwright is not installed"),
    "vnu": (
        lambda: bool(vnu_classpath()),
        "the Nu Html Checker is not available (needs java and mvn; see platform/vnu)",
    ),
}


def pytest_runtest_setup(item):
    for marker in item.iter_markers():
        check = SERVICE_CHECKS.get(marker.name)
        if check is None:
            continue
        is_up, reason = check
        if not is_up():
            if REQUIRE_SERVICES:
                pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
            pytest.skip(reason)


# The variable that switches each service on, to say "not set" rather than "not answering".
SERVICE_VARIABLES = {
    "postgres": "DATABASE_URL",
    "redis": "REDIS_URL",
    "celery": "REDIS_URL",
    "elasticsearch": "ELASTICSEARCH_URL",
}


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """At the end of a run, say which services were missing and how many tests each skipped, so
    a green run without them is never mistaken for one that tested everything."""
    services = {reason: name for name, (_is_up, reason) in SERVICE_CHECKS.items()}
    skipped: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        skipped[reason] = skipped.get(reason, 0) + 1
    missing = [(services[r], r, n) for r, n in skipped.items() if r in services]
    if not missing:
        return
    terminalreporter.section("services missing", sep="-")
    for name, reason, count in sorted(missing):
        variable = SERVICE_VARIABLES.get(name)
        why = f"{variable} not set" if variable and not os.environ.get(variable) else reason
        tests = "test" if count == 1 else "tests"
        terminalreporter.write_line(f"{name}: {why} — {count} {tests} skipped")
    terminalreporter.write_line(
        'Start them with `bash platform/services up && eval "$(bash platform/services env)"`; '
        "REQUIRE_SERVICES=1 makes these tests fail instead of skipping."
    )


def pytest_collection_modifyitems(items):
    """Transactional tests flush the database, and with it what migrations put there (the home
    page, roles, taxonomy). Restore it after each such test so order never matters."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        fixtures = getattr(item, "fixturenames", ())
        transactional = (marker is not None and marker.kwargs.get("transaction")) or (
            "live_server" in fixtures or "transactional_db" in fixtures
        )
        if not transactional:
            continue
        kwargs = dict(marker.kwargs) if marker is not None else {}
        kwargs.update(transaction=True, serialized_rollback=True)
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Refill the database right after a transactional test's flush.

    Django restores its snapshot only when the *next* serialized test starts; under xdist a
    plain test may come first and find no home page, roles or taxonomy.
    """
    yield
    marker = item.get_closest_marker("django_db")
    # After the last test the test database is already gone.
    if nextitem is None or marker is None or not marker.kwargs.get("serialized_rollback"):
        return
    from django.db import connection
    from django.db.backends.base.base import BaseDatabaseWrapper
    from pytest_django.plugin import blocking_manager_key

    contents = getattr(BaseDatabaseWrapper, "_test_serialized_contents", None)
    if not contents:
        return
    with item.config.stash[blocking_manager_key].unblock():
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the serialized database where every connection object can find it.

    Playwright's sync API runs tests inside a greenlet, where Django hands out a fresh connection
    object that lacks the snapshot taken at setup; transactional tests would then restore
    nothing after their flush. The snapshot is per database, so a class attribute is right.
    """
    from django.db import connection
    from django.db.backends.base.base import BaseDatabaseWrapper

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        BaseDatabaseWrapper._test_serialized_contents = contents
    return django_db_setup


@pytest.fixture(scope="session", autouse=True)
def _drop_search_indices():
    """Saves in any test are indexed (search.receivers); drop this run's indices at the end."""
    yield
    if _elasticsearch_up():
        from search.indexing import ElasticsearchIndex

        # Cleanup only: never fail a run over it.
        with contextlib.suppress(Exception):
            ElasticsearchIndex().drop()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages live in the cache; each test starts with an empty one."""
    from django.core.cache import cache as django_cache

    django_cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request to a /ru/ page leaves Russian
    active in the thread (LocaleMiddleware never deactivates), and labels built outside a
    request would then come out in Russian in whichever test ran next on that worker."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


from tests.fixtures import *  # noqa: E402, F403
