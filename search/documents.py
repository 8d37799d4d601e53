"""The search index: one mapping shared by every kind of content.

One index (behind an alias) holds every kind, told apart by ``kind``. One index makes a query
across kinds a single request with one relevance scale and one set of facet counts; a rebuild is
one alias swap; and the kinds share almost every field (title, summary, body, taxonomy, access),
so separate indices would only repeat the mapping. A kind with a field of its own adds it here.

Analysis uses only what the server core ships (no named language analysers, no ``edge_ngram``,
no scripts): the ``standard`` tokenizer, ``lowercase``, ``stop`` with the named lists, and
``hunspell`` with the dictionaries installed in the server's ``config/hunspell/`` (English,
Russian, Romanian, Ukrainian, Armenian). Georgian and Azerbaijani get plain analysis (no stemmer
or stop list is available to the core); ``lowercase`` folds Georgian Mtavruli capitals to
Mkhedruli. The core has no ``asciifolding``, ``mapping`` char filter or language-aware
``lowercase`` either, so the Latin letters a plain keyboard lacks (Azerbaijani ə ı ç ş ğ ö ü,
Romanian ă â î ș ț) are folded by the application (``search.languages.fold``, the same function
the database engine uses) into ``folded``: a copy of each text that folding changes, character
for character, so the highlighter marks a folded match on the original text
(``matched_fields``). The unfolded text stays in its language's field, so a query typed with
the letters scores above one without.

Texts sit in per-language sub-fields: a document's language picks ``title.<lang>``. The body
field holds the title and summary too (``[body, title, summary]``), so that one stemmed field
has every word of a document: a query asks each field for all its words (``best_fields``),
which Elasticsearch answers by skipping what cannot reach the top, and still finds words spread
over title and body. Every text is also in ``text_plain``, unstemmed, for typos and phrases.
"""

from __future__ import annotations

from elasticsearch_dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    Object,
    Text,
    analyzer,
    token_filter,
)

LANGUAGES = ("en", "ru", "ro", "uk", "hy", "ka", "az")
# Between a facet's field and its value in ``facets``: "countries:ge", "year:2024".
FACET_SEPARATOR = ":"

_stop = {
    "en": token_filter("stop_en", "stop", stopwords="_english_"),
    "ru": token_filter("stop_ru", "stop", stopwords="_russian_"),
    "ro": token_filter("stop_ro", "stop", stopwords="_romanian_"),
    "hy": token_filter("stop_hy", "stop", stopwords="_armenian_"),
}
_hunspell = {
    "en": token_filter("hunspell_en", "hunspell", locale="en_US", dedup=True),
    "ru": token_filter("hunspell_ru", "hunspell", locale="ru_RU", dedup=True),
    "ro": token_filter("hunspell_ro", "hunspell", locale="ro_RO", dedup=True),
    "uk": token_filter("hunspell_uk", "hunspell", locale="uk_UA", dedup=True),
    "hy": token_filter("hunspell_hy", "hunspell", locale="hy_AM", dedup=True),
}

plain = analyzer("plain", tokenizer="standard", filter=["lowercase"])


def _language_analyzer(language: str):
    filters: list = ["lowercase"]
    if language in _stop:
        filters.append(_stop[language])
    if language in _hunspell:
        filters.append(_hunspell[language])
    if len(filters) == 1:
        return plain
    return analyzer(f"text_{language}", tokenizer="standard", filter=filters)


ANALYZERS = {language: _language_analyzer(language) for language in LANGUAGES}


def _texts(*, copy_to: str | None = None) -> Object:
    """One sub-field per language."""
    return Object(
        properties={
            # Offsets in the postings let the highlighter mark words without analysing the
            # text again (hunspell is the slow part of analysis).
            language: Text(analyzer=ANALYZERS[language], copy_to=copy_to, index_options="offsets")
            for language in LANGUAGES
        },
    )


def _folded() -> Object:
    """The folded copies of the texts (only of those that folding changes): one field each,
    as in the language sub-fields, so that offsets match theirs."""
    return Object(
        properties={
            name: Text(analyzer=plain, index_options="offsets")
            for name in ("title", "summary", "body")
        },
    )


class SearchDocument(Document):
    kind = Keyword(eager_global_ordinals=True)
    object_id = Keyword()
    # Documents shown as one result (a thread's posts): collapsed on this, counted by it.
    group = Keyword()
    title = _texts()
    summary = _texts()
    # [body, title, summary]: every text once, so copied from here alone.
    body = _texts(copy_to="text_plain")
    folded = _folded()
    # Every text unstemmed in one field, for typo tolerance and phrases: one field to expand
    # fuzzy terms against instead of one per language.
    text_plain = Text(analyzer=plain)
    # The title as typed, for suggestions (prefix match on words) and "did you mean".
    suggest = Text(analyzer=plain)
    spell = Text(analyzer=plain)
    # Facets: their global ordinals are built at refresh, not by the first query after it.
    countries = Keyword(eager_global_ordinals=True)
    themes = Keyword(eager_global_ordinals=True)
    gcm = Keyword(eager_global_ordinals=True)
    language = Keyword(eager_global_ordinals=True)
    year = Integer()
    # Every facet value above, as "field:value", so that one aggregation counts all six facets:
    # a search visits each match once instead of six times (the facets cost half a search).
    facets = Keyword(eager_global_ordinals=True)
    date = Date()
    # Shown, never searched, sorted or counted: no index, no doc values.
    url = Keyword(index=False, doc_values=False)
    display_title = Keyword(index=False, doc_values=False)
    display_summary = Keyword(index=False, doc_values=False)
    # Audiences allowed to see the document (core.access keys); empty for a tombstone.
    access = Keyword()
    # A tombstone keeps the version of a deleted object, so a late task cannot bring it back.
    deleted = Keyword()

    class Index:
        # Replicas follow the cluster (indexing.replica_settings), not the mapping.
        settings = {"number_of_shards": 1, "refresh_interval": "1s"}
