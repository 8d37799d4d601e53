"""``/health/``: whether each configured dependency answers, for load balancers and operators."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from elasticsearch import ApiError, TransportError


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


class Degraded(Exception):
    """The dependency answers, with less margin than it should (a node away, a replica
    missing): reported, but the site still serves."""


def _elasticsearch() -> dict | None:
    from search.client import elasticsearch_client, elasticsearch_hosts, node_client

    # Through every node (failover): can search answer at all?
    health = elasticsearch_client().options(request_timeout=3).cluster.health()
    if health["status"] == "red":
        raise RuntimeError("cluster status is red")
    # Each configured node alone, from its own view of the cluster (answers without a master).
    hosts = elasticsearch_hosts()
    reachable = 0
    for url in hosts:
        try:
            node_client(url).cluster.health(local=True)
        except (ApiError, TransportError):
            continue
        reachable += 1
    detail = {
        "cluster": health["status"],
        "nodes": {"configured": len(hosts), "reachable": reachable},
    }
    problems = []
    if reachable < len(hosts):
        problems.append(f"{len(hosts) - reachable} of {len(hosts)} configured nodes unreachable")
    if health["status"] == "yellow":
        problems.append("cluster status is yellow: some replicas are not assigned")
    if problems:
        raise Degraded("; ".join(problems), detail)
    return detail


def configured_checks() -> dict[str, Callable[[], dict | None]]:
    checks: dict[str, Callable[[], dict | None]] = {"database": _database, "cache": _cache}
    if not settings.CELERY_BROKER_URL.startswith("memory:"):
        checks["broker"] = _broker
    if settings.ELASTICSEARCH_URL:
        checks["elasticsearch"] = _elasticsearch
    return checks


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """``ok`` (200) when every check is up; ``degraded`` (200) when one answers with less
    margin (a search node away, the cluster yellow) and the site still serves; ``down`` (503)
    when one cannot answer, so a load balancer takes this instance out."""
    results: dict[str, dict] = {}
    for name, check in configured_checks().items():
        started = time.monotonic()
        try:
            detail = check()
        except Degraded as exc:
            message, detail = exc.args
            results[name] = {"status": "degraded", "reason": message, **detail}
        except Exception as exc:  # a health check reports every failure, whatever its kind
            results[name] = {"status": "down", "error": exc.__class__.__name__}
        else:
            results[name] = {"status": "up", **(detail or {})}
        results[name]["ms"] = round((time.monotonic() - started) * 1000, 1)
    states = {result["status"] for result in results.values()}
    overall = "down" if "down" in states else "degraded" if "degraded" in states else "ok"
    return JsonResponse(
        {"status": overall, "checks": results}, status=503 if overall == "down" else 200
    )
