"""The one place that knows how to reach Elasticsearch."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch


@cache
def elasticsearch_client() -> Elasticsearch:
    if not settings.ELASTICSEARCH_URL:
        raise RuntimeError("ELASTICSEARCH_URL is not set")
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=10,
        retry_on_timeout=True,
        max_retries=2,
    )
