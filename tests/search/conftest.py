"""Search fixtures: an engine to test against (database, or the real Elasticsearch), and a
way to run the indexing pipeline now instead of after a commit."""

from __future__ import annotations

import pytest

from search import indexing
from tests.search.builders import make_searchable
from tests.services import celery_worker_process  # noqa: F401 - a fixture

ENGINES = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture
def es_index(settings):
    """A fresh, empty index behind this worker's alias, removed afterwards."""
    from search.client import elasticsearch_client

    elasticsearch_client.cache_clear()
    index = indexing.ElasticsearchIndex()
    index.drop()
    yield index
    index.drop()


@pytest.fixture(params=ENGINES)
def engine(request, settings):
    """Each contract test runs once per engine: the database, then Elasticsearch."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
    else:
        request.getfixturevalue("es_index")
    return request.param


@pytest.fixture
def index_now():
    """Drain the outbox in-process and make the result searchable (what the task does)."""
    return make_searchable


@pytest.fixture
def search_down(settings):
    """Elasticsearch configured but unreachable, as when its server is away."""
    from search.client import elasticsearch_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    elasticsearch_client.cache_clear()
    yield
    elasticsearch_client.cache_clear()
