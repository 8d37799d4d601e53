"""Search on a three-node Elasticsearch cluster that loses a node during a rebuild and a stream
of searches and edits: no search fails, no edit is lost, ``/health/`` says "degraded" while the
node is away, and the index equals the database once it is back.

The cluster is this test's own (``platform/services up --es-nodes 3`` on ports 9211-9213,
transport 9311-9313), never the single node on 9200 the rest of the suite shares; CI may start
it beforehand (``.ci/run``), else the test starts it and stops it again.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import close_old_connections, connection

from home.models import StandardPage
from search import indexing
from search import query as search_query
from search.client import elasticsearch_client, node_client
from search.models import IndexOutbox
from tests.search.builders import make_standard_page

ROOT = Path(__file__).resolve().parents[2]
NODES = 3
CLUSTER_ENV = {
    "ES_PORT": "9211",
    "ES_TRANSPORT_PORT": "9311",
    # Three JVMs starting on a busy two-core machine: allow them time, and spare them the
    # optimising compiler and the heap pre-touch, which cost most of a start.
    "SERVICES_TIMEOUT": "600",
    "ES_JAVA_OPTS": "-XX:TieredStopAtLevel=1 -XX:-AlwaysPreTouch",
}
PAGES = 40
CORPUS = "cluster corpus"

ON_THE_CLUSTER = [
    pytest.mark.es_cluster,
    pytest.mark.elasticsearch,
    pytest.mark.postgres,
    pytest.mark.xdist_group("es_cluster"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def on_the_cluster(test):
    for mark in reversed(ON_THE_CLUSTER):
        test = mark(test)
    return test


def services(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """``platform/services ARGS --es-nodes 3`` with the cluster's ports."""
    result = subprocess.run(
        ["bash", str(ROOT / "platform" / "services"), *args, "--es-nodes", str(NODES)],
        env={**os.environ, **CLUSTER_ENV},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if check and result.returncode:
        raise AssertionError(f"platform/services {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result


@dataclass
class Cluster:
    url: str

    def stop_node(self, number: int) -> None:
        services("es-node", "stop", str(number))

    def start_node(self, number: int) -> None:
        services("es-node", "start", str(number))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    already_running = services("status", "elasticsearch", check=False).returncode == 0
    up = services("up", "elasticsearch")
    url = up.stdout.strip().rsplit("ELASTICSEARCH_URL=", 1)[1]
    assert url.count(",") == NODES - 1, url
    try:
        yield Cluster(url=url)
    finally:
        if already_running:
            # Started by CI for this test: leave the nodes as they were found.
            for number in range(1, NODES + 1):
                services("es-node", "start", str(number), check=False)
        else:
            services("down", "elasticsearch", check=False)


@pytest.fixture
def on_cluster(cluster, settings):
    settings.ELASTICSEARCH_URL = cluster.url
    elasticsearch_client.cache_clear()
    node_client.cache_clear()
    index = indexing.ElasticsearchIndex()
    index.drop()
    yield index
    index.drop()
    elasticsearch_client.cache_clear()
    node_client.cache_clear()


def node_to_lose(client, index: str) -> int:
    """A node holding a copy of ``index`` (the one being loaded), its primary if it can, but not
    the elected master: losing it moves a primary mid-load, and the cluster keeps its master."""
    master = client.cat.master(format="json")[0]["node"]
    shards = client.cat.shards(index=index, format="json")
    holders = [s["node"] for s in sorted(shards, key=lambda s: s["prirep"] != "p")]
    chosen = next(name for name in holders if name != master)
    return int(chosen.rsplit("-", 1)[1])


def index_matches_database() -> None:
    """Every page's document holds its current title, and no other page is indexed."""
    client = elasticsearch_client()
    indexing.current_index().refresh()
    pages = dict(StandardPage.objects.values_list("pk", "title"))
    hits = client.search(
        index=indexing.alias_name(),
        query={"bool": {"filter": [{"term": {"kind": "page"}}]}},
        source=["object_id", "display_title", "deleted"],
        size=1000,
    )["hits"]["hits"]
    indexed = {
        int(hit["_source"]["object_id"]): hit["_source"]["display_title"]
        for hit in hits
        if not hit["_source"].get("deleted")
    }
    assert indexed == pages
    assert sum(d.total for d in indexing.reconcile(fix=False)) == 0


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_a_single_node_index_has_no_replica_and_stays_green(es_index):
    es_index.ensure()
    name = es_index.physical_indices()[0]
    found = es_index.client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert found["number_of_replicas"] == "0"
    # ... and one as soon as a second data node joins.
    assert found["auto_expand_replicas"] == "0-1"
    health = es_index.client.cluster.health(index=name, wait_for_status="green", timeout="10s")
    assert health["status"] == "green"


@pytest.mark.elasticsearch
@pytest.mark.django_db
def test_searches_and_writes_go_on_when_a_listed_node_is_unreachable(settings, es_index, member):
    """Several URLs: a node that refuses connections is skipped, nothing fails."""
    settings.ELASTICSEARCH_URL = (
        f"http://127.0.0.1:1,{settings.ELASTICSEARCH_URL},http://127.0.0.1:2"
    )
    elasticsearch_client.cache_clear()
    try:
        page = make_standard_page("Failover page", summary="reached through the live node")
        for _ in range(6):  # whichever node the pool tries first
            indexing.refresh_objects("page", [str(page.pk)])
            indexing.current_index().refresh()
            found = search_query.search(user=member, query="reached through the live node")
            assert found.engine == "elasticsearch"
            assert found.total == 1
    finally:
        elasticsearch_client.cache_clear()


@on_the_cluster
def test_a_node_lost_during_a_rebuild_fails_no_search_and_loses_no_edit(
    on_cluster, cluster, member, client
):
    es = elasticsearch_client()
    pages = [make_standard_page(f"Cluster page {n}", summary=CORPUS) for n in range(PAGES)]
    indexing.rebuild()
    live = on_cluster.physical_indices()[0]
    settings_ = es.indices.get_settings(index=live)[live]["settings"]["index"]
    assert settings_["number_of_replicas"] == "1"  # three data nodes: one replica
    es.options(request_timeout=70).cluster.health(
        index=live, wait_for_status="green", timeout="60s"
    )
    assert client.get("/health/").json()["checks"]["elasticsearch"]["status"] == "up"

    stop = threading.Event()
    node_away = threading.Event()
    failures: list[str] = []
    searches = {"total": 0, "while_away": 0}
    edits = {"total": 0, "while_away": 0}

    def searcher() -> None:
        try:
            while not stop.is_set():
                found = search_query.search(user=member, query=CORPUS)
                assert found.engine == "elasticsearch"
                if found.total != PAGES:
                    failures.append(f"a search found {found.total} of {PAGES} pages")
                searches["total"] += 1
                searches["while_away"] += node_away.is_set()
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(f"a search failed: {exc!r}")
        finally:
            close_old_connections()
            connection.close()

    def writer() -> None:
        try:
            n = 0
            while not stop.is_set():
                page = StandardPage.objects.get(pk=pages[n % PAGES].pk)
                page.title = f"Cluster page {page.pk} edit {n}"
                page.save()  # indexed on commit; if that fails, the outbox keeps the row
                n += 1
                edits["total"] += 1
                edits["while_away"] += node_away.is_set()
                time.sleep(0.02)
        except BaseException as exc:
            failures.append(f"an edit failed: {exc!r}")
        finally:
            connection.close()

    lost: dict[str, int] = {}
    health_while_away: list[dict] = []

    def lose_a_node_mid_load(chunks, total, kind) -> Iterator:
        """The rebuild's progress hook: after the new index is created, before it is loaded,
        take away a node that holds its primary."""
        if not lost:
            new_index = next(
                name for name in es.indices.get(index=f"{on_cluster.alias}-*") if name != live
            )
            es.options(request_timeout=70).cluster.health(
                index=new_index, wait_for_status="green", timeout="60s"
            )
            lost["node"] = node_to_lose(es, new_index)
            cluster.stop_node(lost["node"])
            node_away.set()
            time.sleep(1)  # searches and edits go on without the node
            response = client.get("/health/")
            health_while_away.append({"code": response.status_code, **response.json()})
        return iter(chunks)

    threads = [threading.Thread(target=searcher), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        indexing.rebuild(progress=lose_a_node_mid_load)
        time.sleep(2)  # more edits and searches while the node is still away
        response = client.get("/health/")
        health_while_away.append({"code": response.status_code, **response.json()})
        away_edits = edits["while_away"]
        cluster.start_node(lost["node"])
        node_away.clear()
        es.options(request_timeout=190).cluster.health(
            wait_for_status="green", wait_for_nodes=str(NODES), timeout="180s"
        )
        time.sleep(1)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert not failures, failures[:5]
    assert searches["while_away"] > 0 and edits["while_away"] > 0, (searches, edits)
    assert away_edits > 0
    for report in health_while_away:
        assert report["code"] == 200, report
        assert report["status"] == "degraded", report
        elastic = report["checks"]["elasticsearch"]
        assert elastic["status"] == "degraded", report
        assert elastic["nodes"] == {"configured": NODES, "reachable": NODES - 1}, report

    # The node is back: what the outbox still holds (edits whose indexing failed while the
    # cluster moved the primary) is drained by the sweep, as beat does every minute.
    indexing.process_outbox()
    assert not IndexOutbox.objects.filter(processed_at__isnull=True).exists()
    index_matches_database()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"]["elasticsearch"]["status"] == "up"
