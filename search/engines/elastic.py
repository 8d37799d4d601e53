"""The Elasticsearch engine: relevance, stemming per language, typos, facets, highlights."""

from __future__ import annotations

import datetime as dt
import logging

from elasticsearch import (
    ApiError,
    ConnectionError,
    ConnectionTimeout,
    NotFoundError,
    TransportError,
)

from search.documents import LANGUAGES
from search.engine import elasticsearch_client
from search.indexing import alias_name
from search.service import (
    FACETS,
    MARK_CLOSE,
    MARK_OPEN,
    Facet,
    FacetValue,
    Hit,
    ParsedQuery,
    SearchResults,
    SearchUnavailable,
    highlight_html,
)

logger = logging.getLogger(__name__)

UNAVAILABLE = (ConnectionError, ConnectionTimeout, TransportError)
TEXT_BOOSTS = {"title": 3.0, "summary": 2.0, "body": 1.0}
FACET_SIZES = {"kind": 20, "countries": 60, "themes": 40, "gcm": 23, "language": 10, "year": 30}


def stemmed_fields(language: str) -> list[str]:
    """Every language's field; the member's own language counts double."""
    fields = []
    for name, boost in TEXT_BOOSTS.items():
        for lang in LANGUAGES:
            weight = boost * (2 if lang == language else 1)
            fields.append(f"{name}.{lang}^{weight:g}")
    return fields


def text_query(parsed: ParsedQuery, language: str) -> dict:
    must: list[dict] = []
    if parsed.terms:
        exact = {
            "multi_match": {
                "query": parsed.words,
                "fields": stemmed_fields(language),
                "type": "cross_fields",
                "operator": "and",
                "boost": 2,
            }
        }
        # Typo tolerance on the unstemmed text: each word must match some field, give or take
        # an edit or two (fuzziness AUTO); stems would make fuzzy matches too loose.
        fuzzy = {
            "match": {
                "text_plain": {
                    "query": parsed.words,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                    "boost": 0.5,
                }
            }
        }
        must.append({"bool": {"should": [exact, fuzzy], "minimum_should_match": 1}})
    must.extend(_phrase(phrase) for phrase in parsed.phrases)
    if not must:
        return {"match_all": {}}
    return {"bool": {"must": must}}


def highlight_query(parsed: ParsedQuery, language: str) -> dict:
    """The words to mark, without fuzziness: the highlighter builds an automaton per fuzzy
    term and field, which takes seconds for a long word in a non-Latin script."""
    should: list[dict] = []
    if parsed.terms:
        should.append({"multi_match": {"query": parsed.words, "fields": stemmed_fields(language)}})
    should.extend(
        {"multi_match": {"query": phrase, "fields": stemmed_fields(language), "type": "phrase"}}
        for phrase in parsed.phrases
    )
    return {"bool": {"should": should}}


def _phrase(phrase: str) -> dict:
    return {"match_phrase": {"text_plain": phrase}}


def filter_clauses(keys, filters: dict[str, list[str]]) -> list[dict]:
    clauses: list[dict] = [{"terms": {"access": sorted(keys)}}]
    for name, values in filters.items():
        field = FACETS[name][0]
        if field == "countries":
            values = [v.lower() for v in values]
        clauses.append({"terms": {field: values}})
    return clauses


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self) -> None:
        self.client = elasticsearch_client()
        self.index = alias_name()

    def _call(self, method, **kwargs):
        try:
            return method(index=self.index, **kwargs)
        except NotFoundError:
            return None  # no index yet: nothing has been indexed
        except UNAVAILABLE as exc:
            raise SearchUnavailable(str(exc)) from exc
        except ApiError as exc:
            logger.exception("search: Elasticsearch refused a query")
            raise SearchUnavailable(str(exc)) from exc

    def body(self, results: SearchResults, keys, language: str) -> dict:
        parsed = results.query
        body: dict = {
            "query": {
                "bool": {
                    "must": [text_query(parsed, language)],
                    "filter": filter_clauses(keys, results.filters),
                    # Documents in the member's own language come first among equals.
                    "should": [{"term": {"language": {"value": language, "boost": 3}}}],
                }
            },
            "from": (results.page - 1) * results.per_page,
            "size": results.per_page,
            "track_total_hits": True,
            "_source": [
                "kind",
                "object_id",
                "display_title",
                "display_summary",
                "url",
                "date",
                "language",
            ],
            "aggs": {
                name: {"terms": {"field": FACETS[name][0], "size": FACET_SIZES[FACETS[name][0]]}}
                for name in FACETS
            },
        }
        if results.sort == "date" or parsed.is_empty:
            body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
        else:
            body["sort"] = ["_score", {"date": {"order": "desc", "missing": "_last"}}]
        if not parsed.is_empty:
            body["highlight"] = {
                "pre_tags": [MARK_OPEN],
                "post_tags": [MARK_CLOSE],
                "encoder": "default",
                "require_field_match": False,
                # Only the words typed are marked, never filter values such as a theme or the
                # access keys ("members") that happen to appear in the text.
                "highlight_query": highlight_query(parsed, language),
                "fields": {
                    "title.*": {"number_of_fragments": 0},
                    "summary.*": {"fragment_size": 200, "number_of_fragments": 1},
                    "body.*": {"fragment_size": 200, "number_of_fragments": 1},
                },
            }
        return body

    def run(self, results: SearchResults, *, keys, language: str) -> None:
        response = self._call(self.client.search, **self.body(results, keys, language))
        if response is None:
            return
        results.total = response["hits"]["total"]["value"]
        results.hits = [_hit(raw) for raw in response["hits"]["hits"]]
        results.facets = [
            Facet(
                name=name,
                label=str(FACETS[name][1]),
                values=[
                    FacetValue(
                        value=str(bucket.get("key_as_string", bucket["key"])),
                        label=str(bucket["key"]),
                        count=bucket["doc_count"],
                        selected=str(bucket["key"]) in results.filters.get(name, []),
                    )
                    for bucket in response["aggregations"][name]["buckets"]
                ],
            )
            for name in FACETS
        ]
        if results.total < 3 and parsed_terms(results):
            # Only when little was found: the phrase suggester costs as much as the search.
            suggested = self._call(
                self.client.search, size=0, suggest=suggest_body(results.query.words)
            )
            if suggested is not None:
                results.suggestion = self._checked_suggestion(suggested, results, keys, language)

    def _checked_suggestion(self, response, results: SearchResults, keys, language: str):
        """The first "did you mean" candidate that finds something this member may see.

        Candidates come from every document's words, restricted ones included; only a
        candidate that matches a visible document is offered, so none can leak a word.
        """
        options = [o["text"] for o in response["suggest"]["did_you_mean"][0]["options"]]
        options = [o for o in options if o.lower() != results.query.words.lower()]
        for option in options[:3]:
            probe = ParsedQuery(text=option, terms=option.split(), phrases=[])
            query = {
                "bool": {
                    "must": [text_query(probe, language)],
                    "filter": filter_clauses(keys, {}),
                }
            }
            counted = self._call(self.client.count, query=query)
            if counted and counted["count"] > results.total:
                return option
        return None

    def suggest(self, prefix: str, *, keys, limit: int) -> list[dict]:
        response = self._call(
            self.client.search,
            query={
                "bool": {
                    "must": [
                        {"match_bool_prefix": {"suggest": {"query": prefix, "operator": "and"}}}
                    ],
                    "filter": [{"terms": {"access": sorted(keys)}}],
                }
            },
            size=limit,
            _source=["display_title", "url", "kind"],
        )
        if response is None:
            return []
        return [
            {
                "title": hit["_source"]["display_title"],
                "url": hit["_source"]["url"],
                "kind": hit["_source"]["kind"],
            }
            for hit in response["hits"]["hits"]
        ]


def parsed_terms(results: SearchResults) -> bool:
    return bool(results.query.terms)


def suggest_body(words: str) -> dict:
    return {
        "text": words,
        "did_you_mean": {
            "phrase": {
                "field": "spell",
                "size": 3,
                "max_errors": 2,
                "confidence": 0.0,
                "direct_generator": [
                    {"field": "spell", "suggest_mode": "always", "min_word_length": 3}
                ],
            }
        },
    }


def _hit(raw: dict) -> Hit:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    title = _first(highlight, "title.") or source.get("display_title", "")
    snippet = (
        _first(highlight, "summary.")
        or _first(highlight, "body.")
        or source.get("display_summary", "")[:300]
    )
    date = source.get("date")
    return Hit(
        kind=source["kind"],
        kind_label=source["kind"],
        title=highlight_html(title),
        url=source.get("url", ""),
        snippet=highlight_html(snippet),
        date=dt.datetime.fromisoformat(date) if date else None,
        language=source.get("language", ""),
        object_id=source.get("object_id", ""),
    )


def _first(highlight: dict, prefix: str) -> str:
    names = sorted((k for k in highlight if k.startswith(prefix)), key=len)
    for name in names:
        if highlight[name]:
            return " … ".join(highlight[name]) if prefix != "title." else highlight[name][0]
    return ""
