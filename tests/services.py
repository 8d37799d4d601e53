"""A real Celery worker for integration tests, on queues of its own, against the test database.

Use the ``celery_worker_process`` fixture (import it into a conftest) in tests marked
``celery`` and ``django_db(transaction=True)``: the worker is a separate process and only sees
committed rows. While it runs, tasks this process queues go to the worker's queues (the site's
four, under a prefix unique to the test) instead of running eagerly. A worker consumes every
queue unless started with ``queues=[...]``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def use_queue_prefix(prefix: str) -> str:
    """Send this process's tasks to the queues under ``prefix`` (as a worker started with
    ``CELERY_QUEUE_PREFIX=prefix`` consumes them); returns the prefix used until now."""
    from config.celery import app

    previous = settings.CELERY_QUEUE_PREFIX
    settings.CELERY_QUEUE_PREFIX = prefix
    app.conf.task_default_queue = f"{prefix}default"
    app.amqp.__dict__.pop("queues", None)
    return previous


class WorkerProcess:
    def __init__(
        self,
        *,
        prefix: str,
        log: Path,
        queues: list[str] | None = None,
        include: list[str] | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        from config.celery import QUEUES

        self.prefix = prefix
        self.include = include or []
        self.queues = [f"{prefix}{queue}" for queue in (queues or QUEUES)]
        self.log = log
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    def _env(self) -> dict[str, str]:
        env = os.environ.copy()
        database = settings.DATABASES["default"]
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.dev",
                "DEBUG": "0",
                "DATABASE_URL": (
                    f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
                    f"{database['PORT']}/{connection.settings_dict['NAME']}"
                ),
                "CELERY_QUEUE_PREFIX": self.prefix,
                "SEARCH_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
                "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
                "LOG_LEVEL": "INFO",
            }
        )
        env.update(self.extra_env)
        return env

    def start(self, timeout: float = 60) -> WorkerProcess:
        handle = self.log.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "-P",
                "solo",
                "--concurrency",
                "1",
                "-Q",
                ",".join(self.queues),
                "-n",
                f"{self.queues[0]}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "info",
                *(["--include", ",".join(self.include)] if self.include else []),
            ],
            cwd=ROOT,
            env=self._env(),
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log.read_text()[-3000:]}")
            if "ready." in self.log.read_text(errors="replace"):
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-task, as on a crashed machine."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def celery_worker_process(tmp_path, settings):
    """Start workers with ``start(queues=None, include=None, **env)``; all are stopped after
    the test."""
    from config.celery import QUEUES, app

    prefix = f"test-{uuid.uuid4().hex[:12]}-"
    saved = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = use_queue_prefix(prefix)
    workers: list[WorkerProcess] = []

    def start(
        queues: list[str] | None = None, include: list[str] | None = None, **extra_env: str
    ) -> WorkerProcess:
        worker = WorkerProcess(
            prefix=prefix,
            queues=queues,
            include=include,
            log=tmp_path / f"worker-{len(workers)}.log",
            extra_env=extra_env,
        )
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
    app.conf.task_always_eager = saved
    use_queue_prefix(previous)
    # Leave nothing queued for a later run.
    with app.connection_for_write() as conn:
        for queue in QUEUES:
            conn.default_channel.queue_purge(f"{prefix}{queue}")
