"""The indexing pipeline against the real PostgreSQL, Redis, Elasticsearch and Celery worker:
rollbacks, outages, a killed worker, concurrent writers and a rebuild under load."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import close_old_connections, connection, transaction

from home.models import StandardPage
from search import indexing
from search import query as search_query
from search.client import elasticsearch_client
from search.models import IndexOutbox
from search.tasks import sweep_outbox
from tests.search.builders import make_note, make_standard_page

TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)
pytestmark = [pytest.mark.elasticsearch, pytest.mark.postgres]


def wait_until(predicate, timeout: float = 60, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"not true within {timeout}s: {predicate.__doc__ or predicate}")


def indexed_title(kind: str, pk) -> str | None:
    client = elasticsearch_client()
    found = client.options(ignore_status=404).get(index=indexing.alias_name(), id=f"{kind}:{pk}")
    if not found.get("found"):
        return None
    return found["_source"].get("display_title")


def in_step() -> bool:
    """The outbox is drained and the index holds every object at its current version."""
    if IndexOutbox.objects.filter(processed_at__isnull=True).exists():
        return False
    indexing.current_index().refresh()
    return sum(d.total for d in indexing.reconcile(fix=False)) == 0


@TRANSACTIONAL
def test_a_rolled_back_save_leaves_no_document(es_index, member):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_note("Rolled back announcement")
        raise RuntimeError("the editor's request failed")
    assert not IndexOutbox.objects.filter(kind="practice_note").exists()
    sweep_outbox()
    es_index.ensure()
    es_index.refresh()
    assert search_query.search(user=member, query="rolled back announcement").total == 0


@TRANSACTIONAL
def test_saves_succeed_while_elasticsearch_and_redis_are_away(settings, es_index, member):
    from config.celery import app

    es_index.ensure()
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    elasticsearch_client.cache_clear()
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app._pool = None
    pages = []
    slowest = 0.0
    try:
        for n in range(100):
            started = time.monotonic()
            if n < 20:
                pages.append(make_standard_page(f"Outage page {n}", summary="written offline"))
            else:
                page = pages[n % 20]
                page.title = f"Outage page {n % 20} revised {n}"
                page.save()
            slowest = max(slowest, time.monotonic() - started)
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        app._pool = None
        settings.ELASTICSEARCH_URL = real_url
        elasticsearch_client.cache_clear()
    assert StandardPage.objects.filter(title__startswith="Outage page").count() == 20
    assert IndexOutbox.objects.filter(processed_at__isnull=True).count() >= 100
    assert slowest < 5, f"a save took {slowest:.1f}s with the services away"

    # The services are back: the beat sweep drains the outbox.
    returned = time.monotonic()
    sweep_outbox()
    wait_until(in_step, timeout=60)
    assert time.monotonic() - returned < 60
    for page in StandardPage.objects.filter(title__startswith="Outage page"):
        assert indexed_title("page", page.pk) == page.title


@pytest.mark.celery
@TRANSACTIONAL
def test_commit_to_searchable_with_a_real_worker(es_index, celery_worker_process, member):
    celery_worker_process()
    es_index.ensure()
    started = time.monotonic()
    make_note("Freshly published seasonal scheme")

    def found():
        return search_query.search(user=member, query="freshly published seasonal").total == 1

    wait_until(found, timeout=30, interval=0.05)
    assert time.monotonic() - started < 10


@pytest.mark.celery
@TRANSACTIONAL
def test_a_worker_killed_mid_task_ends_in_the_right_state(es_index, celery_worker_process):
    es_index.ensure()
    worker = celery_worker_process()
    pages = [make_standard_page(f"Crash test page {n}") for n in range(40)]
    for round_ in range(3):
        for page in pages:
            page.title = f"Crash test page {page.pk} round {round_}"
            page.save()
    wait_until(lambda: IndexOutbox.objects.filter(processed_at__isnull=False).exists(), 30, 0.02)
    worker.kill()
    assert IndexOutbox.objects.filter(processed_at__isnull=True).exists()

    celery_worker_process()
    sweep_outbox.delay()
    wait_until(in_step, timeout=60)
    for page in StandardPage.objects.filter(title__startswith="Crash test page"):
        assert indexed_title("page", page.pk) == page.title


@pytest.mark.celery
@TRANSACTIONAL
def test_concurrent_updates_of_one_note_end_equal(es_index, celery_worker_process):
    es_index.ensure()
    celery_worker_process()
    page = make_standard_page("Concurrent note")
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            for n in range(10):
                with transaction.atomic():
                    mine = StandardPage.objects.get(pk=page.pk)
                    mine.title = f"Concurrent note by writer {number} step {n}"
                    mine.save()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    final = StandardPage.objects.get(pk=page.pk).title
    wait_until(lambda: indexed_title("page", page.pk) == final and in_step(), timeout=60)


@pytest.mark.celery
@TRANSACTIONAL
def test_rebuild_during_writes_fails_no_search_and_loses_no_update(
    es_index, celery_worker_process, member
):
    es_index.ensure()
    celery_worker_process()
    pages = [make_standard_page(f"Rebuild page {n}", summary="rebuild corpus") for n in range(30)]
    wait_until(in_step, timeout=60)
    stop = threading.Event()
    failures: list[BaseException] = []
    searches = {"count": 0}

    def writer() -> None:
        try:
            n = 0
            while not stop.is_set():
                page = StandardPage.objects.get(pk=pages[n % len(pages)].pk)
                page.title = f"Rebuild page {page.pk} edit {n}"
                page.save()
                n += 1
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    def searcher() -> None:
        try:
            while not stop.is_set():
                search_query.search(user=member, query="rebuild corpus")
                searches["count"] += 1
        except BaseException as exc:
            failures.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=writer), threading.Thread(target=searcher)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        indexing.rebuild()
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert not failures
    assert searches["count"] > 0
    wait_until(in_step, timeout=60)
    for page in StandardPage.objects.filter(title__startswith="Rebuild page"):
        assert indexed_title("page", page.pk) == page.title
    assert sum(d.total for d in indexing.reconcile(fix=False)) == 0
