"""The one place that knows how to reach Elasticsearch.

``ELASTICSEARCH_URL`` names one node or several, comma-separated. The client is given every
node: a request that cannot reach one (refused, reset, timed out) is sent to the next, and the
node that failed is left out for a while (1 s, doubling up to 30 s) before it is tried again.
The nodes are listed rather than sniffed: a node's published address is not always the one
this process can reach (containers, a proxy in front), and a fixed list fails over the same way.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch

REQUEST_TIMEOUT = 10


def elasticsearch_hosts() -> list[str]:
    """The configured nodes' URLs, in the order given."""
    return [url.strip() for url in settings.ELASTICSEARCH_URL.split(",") if url.strip()]


@cache
def elasticsearch_client() -> Elasticsearch:
    hosts = elasticsearch_hosts()
    if not hosts:
        raise RuntimeError("ELASTICSEARCH_URL is not set")
    return Elasticsearch(
        hosts,
        request_timeout=REQUEST_TIMEOUT,
        retry_on_timeout=True,
        # Enough retries to try every node once more: one node away never fails a request.
        max_retries=max(2, len(hosts)),
        # Spread requests over the nodes in a random order per process, so that many workers
        # do not all start on the first node.
        randomize_nodes_in_pool=True,
    )


@cache
def node_client(url: str) -> Elasticsearch:
    """A client for one node alone, no failover: to ask whether that node answers."""
    return Elasticsearch(url, request_timeout=2, max_retries=0, retry_on_timeout=False)
