import pytest


@pytest.mark.django_db
def test_health_reports_configured_dependencies_and_is_public(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["cache"]["status"] == "up"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_when_a_configured_dependency_is_down(client, settings):
    # Point the broker at a port where nothing listens: the check must say so, not hang.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["status"] == "down"


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_health_sees_the_real_services(client, settings):
    from django.db import connection

    response = client.get("/health/")
    body = response.json()
    assert response.status_code == 200, body
    assert connection.vendor == "postgresql"
    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    for name in ("database", "cache", "broker", "elasticsearch"):
        assert body["checks"][name]["status"] == "up", name


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_health_is_degraded_not_down_when_one_configured_search_node_is_away(client, settings):
    from search.client import elasticsearch_client

    # The real node, and one that is not there (a cluster node stopped or unreachable).
    settings.ELASTICSEARCH_URL = f"{settings.ELASTICSEARCH_URL},http://127.0.0.1:1"
    elasticsearch_client.cache_clear()
    try:
        response = client.get("/health/")
    finally:
        elasticsearch_client.cache_clear()
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "degraded"
    check = body["checks"]["elasticsearch"]
    assert check["status"] == "degraded"
    assert check["nodes"] == {"configured": 2, "reachable": 1}
    assert "127.0.0.1" not in response.content.decode()  # the public page names no hosts


@pytest.mark.django_db
def test_health_is_down_when_no_search_node_answers(client, settings):
    from search.client import elasticsearch_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1,http://127.0.0.1:2"
    elasticsearch_client.cache_clear()
    try:
        response = client.get("/health/")
    finally:
        elasticsearch_client.cache_clear()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["checks"]["elasticsearch"]["status"] == "down"
