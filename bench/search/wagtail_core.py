"""Wagtail's Elasticsearch 8 backend, with its index settings rewritten to core analysis parts.

Wagtail asks for ``ngram``/``edge_ngram`` filters and ``asciifolding``, which live in the
``analysis-common`` module our core-only server does not have; its two analyzers become
``standard`` + ``lowercase`` here (so its autocomplete loses partial-word matching; plain
search is unaffected). Used only by the benchmark, side by side with our engine.
"""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

CORE = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}


class CoreElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    settings = {
        "settings": {
            "analysis": {"analyzer": {"ngram_analyzer": CORE, "edgengram_analyzer": CORE}},
        }
    }


SearchBackend = CoreElasticsearch8SearchBackend
