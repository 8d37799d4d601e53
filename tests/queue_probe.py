"""A task for the queue tests only, loaded into a test worker with ``include=[__name__]``: a
long report, as a big export or digest run would be, that holds its worker until told to stop."""

from __future__ import annotations

import time
from pathlib import Path

from celery import shared_task


@shared_task(name="tests.queue_probe.long_report")
def long_report(started: str, release: str, finished: str, limit: float = 60) -> None:
    """Say it has started (``started`` file), work until ``release`` exists, say it is done."""
    Path(started).touch()
    deadline = time.monotonic() + limit
    while not Path(release).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    Path(finished).touch()
