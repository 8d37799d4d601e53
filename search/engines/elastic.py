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

from search.client import elasticsearch_client
from search.documents import FACET_SEPARATOR, LANGUAGES
from search.indexing import alias_name
from search.languages import fold, languages_of
from search.query import (
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
# The folded copies (documents.py), scored as the texts are but below a match as typed.
FOLDED_FIELDS = [f"folded.{name}^{boost:g}" for name, boost in TEXT_BOOSTS.items()]
FACET_SIZES = {"kind": 20, "countries": 60, "themes": 40, "gcm": 23, "language": 10, "year": 30}
# Buckets asked of the one aggregation over ``facets``: more than all facets' values together,
# so every value comes back and each facet keeps its own first FACET_SIZES.
FACET_BUCKETS = 1000
# Among the best LANGUAGE_WINDOW matches, a document in the member's language scores this much more.
OWN_LANGUAGE_BOOST = 1.5
LANGUAGE_WINDOW = 100
# Fewer hits than this and the query is run again with typo tolerance and "did you mean".
FEW_HITS = 3
# Groups (a thread's posts are one) are counted exactly up to these (cardinality is
# approximate beyond): the results' total, and each facet value's count.
GROUPS_EXACT = 40000
FACET_GROUPS_EXACT = 3000
# Kinds whose documents share groups: only a search that may find them collapses its hits.
GROUPED_KINDS = frozenset({"post"})


def query_languages(parsed: ParsedQuery, language: str) -> list[str]:
    """The languages whose stemmed fields the query's words can match, the member's first.

    Asking only these (not all seven) is most of the query's speed: a Latin word is never
    stemmed by the Armenian analyser. Words quoted in texts of other languages still match
    unstemmed, through ``text_plain``.
    """
    words = " ".join([*parsed.terms, *parsed.phrases]).split()
    found = [lang for word in words for lang in languages_of(word)]
    # The member's own language always: its texts quote names and terms in other scripts.
    return [lang for lang in dict.fromkeys([language, *found]) if lang in LANGUAGES]


def stemmed_fields(languages: list[str]) -> list[str]:
    """The text fields of ``languages``; the first (the member's own when it fits) counts double."""
    return [
        f"{name}.{lang}^{boost * (2 if i == 0 else 1):g}"
        for name, boost in TEXT_BOOSTS.items()
        for i, lang in enumerate(languages)
    ]


def text_query(
    parsed: ParsedQuery, languages: list[str], *, typos: bool = False, scored: bool = True
) -> dict:
    """Every word must match in one field: stemmed in one of ``languages`` or as typed in any
    language; with ``typos``, give or take an edit or two (fuzziness AUTO) on the unstemmed
    text. The best field scores (a title match above a body match).

    ``body`` holds the title and summary too, so it has all the words of a document: the same
    documents match without the title and summary fields, which only score. ``scored=False``
    (counting) leaves them out."""
    fields = stemmed_fields(languages) if scored else [f"body.{lang}" for lang in languages]
    must: list[dict] = []
    if parsed.terms:
        exact = {
            "multi_match": {
                "query": parsed.words,
                "fields": [*fields, "text_plain"],
                "type": "best_fields",
                "operator": "and",
                "boost": 2,
            }
        }
        alternatives: list[dict] = [exact]
        if folded_words := _folded_words(parsed.words):
            alternatives.append(
                {
                    "multi_match": {
                        "query": folded_words,
                        "fields": FOLDED_FIELDS if scored else ["folded.body"],
                        "type": "best_fields",
                        "operator": "and",
                    }
                }
            )
        if typos:
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
            alternatives.append(fuzzy)
        if len(alternatives) == 1:
            must.append(exact)
        else:
            must.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
    must.extend(_phrase(phrase) for phrase in parsed.phrases)
    if not must:
        return {"match_all": {}}
    return {"bool": {"must": must}}


def highlight_query(parsed: ParsedQuery, languages: list[str]) -> dict:
    """The words to mark, without fuzziness: the highlighter builds an automaton per fuzzy
    term and field, which takes seconds for a long word in a non-Latin script. Words matched
    folded are marked on the original text (the text fields' ``matched_fields``)."""
    fields = stemmed_fields(languages)
    should: list[dict] = []
    if parsed.terms:
        should.append({"multi_match": {"query": parsed.words, "fields": fields}})
        if folded_words := _folded_words(parsed.words):
            should.append({"multi_match": {"query": folded_words, "fields": FOLDED_FIELDS}})
    for phrase in parsed.phrases:
        should.append({"multi_match": {"query": phrase, "fields": fields, "type": "phrase"}})
        if folded_phrase := _folded_words(phrase):
            should.append(
                {"multi_match": {"query": folded_phrase, "fields": FOLDED_FIELDS, "type": "phrase"}}
            )
    return {"bool": {"should": should}}


def _folded_words(words: str) -> str:
    """``words`` folded, when some are Latin (only Latin letters fold); else ""."""
    if not any("en" in languages_of(word) for word in words.split()):
        return ""
    return fold(words)


def _phrase(phrase: str) -> dict:
    """As typed, or folded ("emek miqrasiyasi" for "əmək miqrasiyası")."""
    as_typed = {"match_phrase": {"text_plain": phrase}}
    folded = _folded_words(phrase)
    if not folded:
        return as_typed
    return {
        "bool": {
            "should": [as_typed, {"match_phrase": {"folded.body": folded}}],
            "minimum_should_match": 1,
        }
    }


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

    def bodies(
        self, results: SearchResults, keys, language: str, *, typos: bool = False
    ) -> tuple[dict, dict]:
        """Two requests, sent together: one page of scored, highlighted hits, and the exact
        total with the facet counts.

        Split because they cost differently. Hits need scores but only the best ten: without
        a total to count, Elasticsearch skips blocks that cannot reach the top (block-max
        WAND). Counts must visit every match but need no score, and a request of size 0 is
        kept in the shard request cache until the index changes, so a repeated query or a
        second page costs little.
        """
        parsed = results.query
        grouped = collapses(results)
        languages = query_languages(parsed, language)
        matching = text_query(parsed, languages, typos=typos)
        counted = text_query(parsed, languages, typos=typos, scored=False)
        filters = filter_clauses(keys, results.filters)
        if results.ids is not None:
            filters.append({"terms": {"object_id": results.ids}})
        hits: dict = {
            "query": {"bool": {"must": [matching], "filter": filters}},
            "from": (results.page - 1) * results.per_page,
            "size": results.per_page,
            "track_total_hits": False,
            "_source": [
                "kind",
                "object_id",
                "display_title",
                "display_summary",
                "url",
                "date",
                "language",
            ],
        }
        if grouped:
            # One hit per group, its best document (by the order asked) standing for it; from
            # and size count groups.
            hits["collapse"] = {"field": "group"}
        if results.sort == "date" or parsed.is_empty:
            hits["sort"] = [{"date": {"order": "desc", "missing": "_last"}}]
        else:
            # By score alone (the default): a tie-breaker field would stop the skipping above.
            # Documents in the member's own language then come first among the best: a
            # "should" clause on ``language`` would do it over every match, and matching half
            # the index it stops the skipping too (hits took twice as long).
            start = hits["from"] + hits["size"]
            hits["rescore"] = {
                "window_size": max(LANGUAGE_WINDOW, start),
                "query": {
                    "rescore_query": {
                        "constant_score": {"filter": {"term": {"language": language}}}
                    },
                    "score_mode": "multiply",
                    "rescore_query_weight": OWN_LANGUAGE_BOOST,
                },
            }
        if not results.detail:
            hits["_source"] = ["kind", "object_id", "url", "date", "language"]
        elif not parsed.is_empty:
            hits["highlight"] = {
                "pre_tags": [MARK_OPEN],
                "post_tags": [MARK_CLOSE],
                "encoder": "default",
                # Each field marked by the words matched in it (or in its folded copy, through
                # ``matched_fields``, which needs this).
                "require_field_match": True,
                # Only the words typed are marked, never filter values such as a theme or the
                # access keys ("members") that happen to appear in the text.
                "highlight_query": highlight_query(parsed, languages),
                "fields": {
                    **{
                        f"title.{lang}": {
                            "number_of_fragments": 0,
                            "matched_fields": [f"title.{lang}", "folded.title"],
                        }
                        for lang in languages
                    },
                    **{
                        f"summary.{lang}": {
                            "fragment_size": 200,
                            "number_of_fragments": 1,
                            "matched_fields": [f"summary.{lang}", "folded.summary"],
                        }
                        for lang in languages
                    },
                    **{
                        # Two: the body's best passage may be its copy of the title or summary.
                        f"body.{lang}": {
                            "fragment_size": 200,
                            "number_of_fragments": 2,
                            "matched_fields": [f"body.{lang}", "folded.body"],
                        }
                        for lang in languages
                    },
                },
            }
        if typos:
            hits["suggest"] = suggest_body(parsed.words)
        counts: dict = {
            "query": {"bool": {"filter": [counted, *filters]}},
            "size": 0,
            "track_total_hits": True,
        }
        aggs: dict[str, dict] = {}
        if results.detail:
            aggs["facets"] = {"terms": {"field": "facets", "size": FACET_BUCKETS}}
        if grouped:
            # Results, not documents: a thread's posts count once, in the total and per value.
            aggs["groups"] = {
                "cardinality": {"field": "group", "precision_threshold": GROUPS_EXACT}
            }
            if results.detail:
                aggs["facets"]["aggs"] = {
                    "groups": {
                        "cardinality": {"field": "group", "precision_threshold": FACET_GROUPS_EXACT}
                    }
                }
        if aggs:
            counts["aggs"] = aggs
        return hits, counts

    def _msearch(self, *bodies: dict) -> list[dict] | None:
        """``bodies`` in one request against the alias; None when there is no index yet."""
        answer = self._call(self.client.msearch, searches=[x for b in bodies for x in ({}, b)])
        if answer is None:
            return None
        responses = answer["responses"]
        for response in responses:
            if "error" in response:
                if response.get("status") == 404:
                    return None  # no index yet: nothing has been indexed
                logger.error("search: Elasticsearch refused a query: %s", response["error"])
                raise SearchUnavailable(str(response["error"]))
        return responses

    def run(self, results: SearchResults, *, keys, language: str) -> None:
        responses = self._msearch(*self.bodies(results, keys, language))
        if responses is None:
            return
        hits, counts = responses
        exact_total = counts["hits"]["total"]["value"]
        if exact_total < FEW_HITS and results.query.terms:
            # Little found as typed: ask again tolerating typos, with "did you mean" in the same
            # request. Only then: fuzzy expansion and the phrase suggester each cost as much as
            # the plain search, and most searches never need them.
            retried = self._msearch(*self.bodies(results, keys, language, typos=True))
            if retried is not None:
                hits, counts = retried
                results.suggestion = self._checked_suggestion(
                    hits, results, keys, language, exact_total
                )
        results.total = _total(counts)
        results.hits = [_hit(raw) for raw in hits["hits"]["hits"]]
        if "aggregations" in counts:
            results.facets = _facets(counts["aggregations"]["facets"]["buckets"], results.filters)

    def _checked_suggestion(
        self, response, results: SearchResults, keys, language: str, exact_total: int
    ):
        """The first "did you mean" candidate that finds, as typed, more than the query did
        among the documents this member may see.

        Candidates come from every document's words, restricted ones included; only a
        candidate that matches a visible document is offered, so none can leak a word.
        """
        suggestions = response.get("suggest", {}).get("did_you_mean") or [{"options": []}]
        options = [o["text"] for o in suggestions[0]["options"]]
        options = [o for o in options if o.lower() != results.query.words.lower()]
        for option in options[:3]:
            probe = ParsedQuery(text=option, terms=option.split(), phrases=[])
            query = {
                "bool": {
                    "filter": [
                        text_query(probe, query_languages(probe, language), scored=False),
                        *filter_clauses(keys, {}),
                    ],
                }
            }
            counted = self._call(self.client.count, query=query)
            if counted and counted["count"] > exact_total:
                return option
        return None

    def suggest(self, prefix: str, *, keys, limit: int) -> list[dict]:
        """Titles matching the words typed, one per group (a thread once)."""
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
            collapse={"field": "group"},
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


def collapses(results: SearchResults) -> bool:
    """Whether the search may find documents that share a group (none do outside them)."""
    kinds = results.filters.get("kind")
    return not kinds or bool(GROUPED_KINDS & set(kinds))


def _total(counts: dict) -> int:
    """Results, not documents: the number of groups when the search collapsed its hits."""
    groups = counts.get("aggregations", {}).get("groups")
    return groups["value"] if groups else counts["hits"]["total"]["value"]


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


def _facets(buckets: list[dict], filters: dict[str, list[str]]) -> list[Facet]:
    """The one aggregation's "field:value" buckets (most documents first) split into facets."""
    values: dict[str, list[str]] = {FACETS[name][0]: [] for name in FACETS}
    counts: dict[str, int] = {}
    for bucket in buckets:
        field, _, value = bucket["key"].partition(FACET_SEPARATOR)
        if field in values and len(values[field]) < FACET_SIZES[field]:
            values[field].append(value)
            counts[bucket["key"]] = (
                bucket["groups"]["value"] if "groups" in bucket else bucket["doc_count"]
            )

    def count(field: str, value: str) -> int:
        return counts[f"{field}{FACET_SEPARATOR}{value}"]

    facets = []
    for name in FACETS:
        field = FACETS[name][0]
        # Most results first (the buckets came ordered by documents); sorted() is stable.
        ordered = sorted(values[field], key=lambda value: -count(field, value))
        facets.append(
            Facet(
                name=name,
                label=str(FACETS[name][1]),
                values=[
                    FacetValue(
                        value=value,
                        label=value,
                        count=count(field, value),
                        selected=value in filters.get(name, []),
                    )
                    for value in ordered
                ],
            )
        )
    return facets


def _hit(raw: dict) -> Hit:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    title = _first(highlight, "title.") or source.get("display_title", "")
    shown = (source.get("display_title", ""), source.get("display_summary", ""))
    snippet = (
        _first(highlight, "summary.")
        or _first(highlight, "body.", besides=shown)
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


def _first(highlight: dict, prefix: str, *, besides: tuple[str, ...] = ()) -> str:
    """The marked passages of the first field under ``prefix``; none that only repeats one of
    ``besides`` (the body's copies of the title and summary)."""
    names = sorted((k for k in highlight if k.startswith(prefix)), key=len)
    for name in names:
        passages = [
            passage
            for passage in highlight[name]
            if not any(_unmarked(passage) in text for text in besides if text)
        ]
        if passages:
            return passages[0]
    return ""


def _unmarked(passage: str) -> str:
    return passage.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").strip()
