"""Recording changes for the index: call inside the changing transaction.

Other apps' models are hooked by ``search.receivers``; code that changes rows without signals
(``QuerySet.update``, raw SQL, imports) calls :func:`changed` itself.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from kombu.exceptions import OperationalError

from search.indexing import outbox_record

logger = logging.getLogger(__name__)


def changed(kind: str, object_ids: Iterable) -> None:
    """Record that these objects changed; their documents follow once the transaction commits."""
    ids = list(dict.fromkeys(str(i) for i in object_ids))
    if not ids:
        return
    row_ids = outbox_record(kind, ids)
    transaction.on_commit(lambda: _kick(row_ids))


def _kick(row_ids: list[int]) -> None:
    from search.tasks import index_outbox_rows

    if not row_ids:
        return
    try:
        # retry=False: with the broker away, fail at once; the beat sweep drains the row later.
        index_outbox_rows.apply_async(args=[row_ids], retry=False)
    except OperationalError:  # the broker is away; the save has already succeeded
        logger.warning("search: could not queue indexing of outbox rows %s", row_ids, exc_info=True)
