"""``/health/``: whether each configured dependency answers, for load balancers and operators."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    cache.set("health:probe", "ok", 10)
    if cache.get("health:probe") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _broker() -> None:
    from config.celery import app

    # The configured broker, whatever state the shared Celery app is in.
    with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _elasticsearch() -> None:
    from search.client import elasticsearch_client

    health = elasticsearch_client().options(request_timeout=3).cluster.health()
    if health["status"] == "red":
        raise RuntimeError("cluster status is red")


def configured_checks() -> dict[str, Callable[[], None]]:
    checks: dict[str, Callable[[], None]] = {"database": _database, "cache": _cache}
    if not settings.CELERY_BROKER_URL.startswith("memory:"):
        checks["broker"] = _broker
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = _elasticsearch
    return checks


@never_cache
@require_GET
def health(request):
    results = {}
    healthy = True
    for name, check in configured_checks().items():
        started = time.monotonic()
        try:
            check()
        except Exception as exc:  # a health check reports every failure, whatever its kind
            healthy = False
            results[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            results[name] = {"status": "up"}
        results[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": results},
        status=200 if healthy else 503,
    )
