"""Thin tasks: index what the outbox says, from the database's current state."""

from __future__ import annotations

import logging

from celery import shared_task
from elasticsearch import ApiError, ConnectionError, ConnectionTimeout, TransportError

from search import indexing

logger = logging.getLogger(__name__)

# Elasticsearch away or refusing for a moment: try again later. Rows stay pending meanwhile,
# and the beat sweep picks them up even if every retry fails.
TRANSIENT = (ConnectionError, ConnectionTimeout, TransportError, ApiError, indexing.IndexWriteError)


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=8,
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
)
def index_outbox_rows(self, row_ids: list[int]) -> int:
    try:
        return indexing.process_outbox(row_ids)
    except TRANSIENT as exc:
        if self.request.is_eager:
            # In-process (no worker): never fail the caller; the sweep retries.
            logger.warning("search: indexing deferred to the sweep: %s", exc)
            return 0
        raise self.retry(exc=exc) from exc


@shared_task(acks_late=True)
def sweep_outbox() -> int:
    """Drain whatever the on-commit tasks missed (broker or Elasticsearch away, worker lost)."""
    done = 0
    while True:
        processed = indexing.process_outbox(limit=2000)
        done += processed
        if processed < 2000:
            break
    indexing.purge_outbox()
    return done
