"""Writes the search app makes itself (the index is written by ``indexing`` and the tasks)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.models import ZeroResultQuery


def zero_result_record(*, query: str) -> None:
    """Count a search that found nothing: its words and the day, never who searched."""
    text = " ".join(query.lower().split())[:200]
    if not text:
        return
    now = timezone.now()
    with transaction.atomic():
        row, created = ZeroResultQuery.objects.get_or_create(
            query=text, day=timezone.localdate(now), defaults={"count": 1, "last_seen_at": now}
        )
        if not created:
            ZeroResultQuery.objects.filter(pk=row.pk).update(count=F("count") + 1, last_seen_at=now)
