"""Celery queues: e-mail, indexing and long runs (reports, digests) go to queues of their own,
so that a digest or a report never holds up indexing."""

from __future__ import annotations

import time
import uuid

import pytest

from config.celery import QUEUES, ROUTES, app, queue_name, queue_of
from tests.services import (
    celery_worker_process,  # noqa: F401 - a fixture
    use_queue_prefix,
)

OURS = ("core.", "taxonomy.", "members.", "knowledge.", "events.", "discussions.", "search.")


def test_every_task_of_ours_is_routed_on_purpose():
    app.loader.import_default_modules()
    ours = sorted(name for name in app.tasks if name.startswith(OURS))
    assert "search.tasks.index_outbox_rows" in ours
    unrouted = [name for name in ours if queue_of(name) == "default"]
    assert not unrouted, f"add these tasks to config.celery.ROUTES: {unrouted}"
    assert set(ROUTES.values()) <= set(QUEUES)


def test_kinds_of_work_go_to_their_queues():
    assert queue_of("search.tasks.index_outbox_rows") == "search"
    assert queue_of("search.tasks.sweep_outbox") == "search"
    assert queue_of("members.tasks.invitation_send_email") == "email"
    assert queue_of("events.tasks.send_registration_email") == "email"
    assert queue_of("discussions.tasks.send_post_notifications") == "email"
    assert queue_of("discussions.tasks.send_digests") == "reports"
    assert queue_of("discussions.tasks.send_digest") == "reports"
    assert queue_of("events.tasks.send_due_reminders") == "reports"
    assert queue_of("someone.elses.task") == "default"


def test_a_worker_without_q_consumes_every_queue(settings):
    # `make worker` passes no -Q: Celery then consumes every queue in task_queues.
    assert {queue.name for queue in app.conf.task_queues} == {queue_name(q) for q in QUEUES}
    assert app.conf.task_default_queue == queue_name("default")


def _queued_task_names(queue: str) -> list[str]:
    names = []
    with app.connection_for_read() as conn:
        channel = conn.default_channel
        while (message := channel.basic_get(queue, no_ack=True)) is not None:
            names.append(message.headers["task"])
    return names


@pytest.mark.redis
@pytest.mark.django_db
def test_each_kind_of_task_lands_in_its_queue_on_the_real_broker(settings):
    from discussions.tasks import send_digests
    from members.tasks import invitation_send_email
    from search.tasks import index_outbox_rows

    prefix = f"test-{uuid.uuid4().hex[:12]}-"
    saved = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = use_queue_prefix(prefix)
    try:
        index_outbox_rows.delay([1])
        invitation_send_email.delay(1, "token")
        send_digests.delay("daily")
        app.send_task("someone.elses.task")
        landed = {queue: _queued_task_names(f"{prefix}{queue}") for queue in QUEUES}
    finally:
        app.conf.task_always_eager = saved
        use_queue_prefix(previous)
    assert landed == {
        "search": ["search.tasks.index_outbox_rows"],
        "email": ["members.tasks.invitation_send_email"],
        "reports": ["discussions.tasks.send_digests"],
        "default": ["someone.elses.task"],
    }


@pytest.mark.celery
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_indexing_is_picked_up_while_a_long_report_holds_the_reports_worker(
    celery_worker_process,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    from home.models import StandardPage
    from search.models import IndexOutbox
    from tests.search.builders import home

    # One worker per queue, as in production (README): the reports worker runs one task.
    celery_worker_process(queues=["reports"], include=["tests.queue_probe"])
    celery_worker_process(queues=["search", "email", "default"])
    started, release = tmp_path / "report-started", tmp_path / "report-release"
    finished = tmp_path / "report-finished"
    app.send_task(
        "tests.queue_probe.long_report",
        args=[str(started), str(release), str(finished)],
        queue=queue_name("reports"),
    )
    _wait(started.exists, 60, "the report started")

    page = home().add_child(instance=StandardPage(title="Queued while a report runs"))
    row = IndexOutbox.objects.filter(kind="page", object_id=str(page.pk)).latest("id")
    indexed_after = _wait(
        lambda: IndexOutbox.objects.filter(pk=row.pk, processed_at__isnull=False).exists(),
        30,
        "the page was indexed",
    )
    assert indexed_after < 20
    # Indexing did not wait for the report, which runs until released.
    assert not finished.exists()
    release.touch()
    _wait(finished.exists, 30, "the report finished once released")


def _wait(predicate, timeout: float, what: str) -> float:
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if predicate():
            return time.monotonic() - began
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout}s: {what}")
