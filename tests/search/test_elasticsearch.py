"""What only the Elasticsearch engine does: analysis per language, stemming, typos, "did you
mean", versioned writes, and the index lifecycle (rebuild, reconcile, status)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from core.access import Tier
from search import indexing
from search import query as search_query
from search.documents import ANALYZERS
from tests.search.builders import make_note

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "the migrants", ["migrant"]),
        ("ru", "мигрантов и мигранты", ["мигрант", "мигрант"]),
        ("uk", "міграції", ["міграція"]),
        ("ro", "migranților", ["migrant"]),
        ("hy", "և միգրանտներ", None),  # stop word gone; hunspell may or may not stem
        ("ka", "მიგრაციის პოლიტიკა", ["მიგრაციის", "პოლიტიკა"]),
        ("az", "Miqrasiya siyasəti", ["miqrasiya", "siyasəti"]),
    ],
)
def test_each_language_analyser_works_on_the_real_server(es_index, language, text, expected):
    """Only core parts: standard, lowercase, stop lists and hunspell dictionaries."""
    es_index.ensure()
    analyzer = ANALYZERS[language]._name
    tokens = [
        t["token"]
        for t in es_index.client.indices.analyze(
            index=es_index.alias, analyzer=analyzer, text=text
        )["tokens"]
    ]
    if expected is None:
        assert "և" not in tokens and tokens
    else:
        assert tokens == expected


def test_russian_stemming_finds_other_forms(es_index, index_now, member):
    make_note("Права трудовых мигрантов", language="ru", summary="Защита прав мигрантов")
    index_now()
    for form in ("мигранты", "мигрантам", "МИГРАНТ"):
        results = search_query.search(user=member, query=form, language="ru")
        assert results.total == 1, form
        assert "<mark>" in str(results.hits[0].title) + str(results.hits[0].snippet)


def test_words_spread_over_title_and_body_in_other_forms_find_the_note(es_index, index_now, member):
    """Each word must match, but not all in one part of the note nor as typed. (Enough notes
    match as typed that typo tolerance, which would also find it, stays off.)"""
    for number in range(3):
        make_note(f"Scheme {number}", text="Seasonal workers from Moldova.")
        make_note(f"Схема {number}", language="ru", text="Сезонный работник, миграция.")
    make_note("Moldova pilot", summary="A pilot.", text="A scheme for the seasonal worker.")
    make_note("Пилот трудовой миграции", language="ru", text="Для сезонных работников.")
    make_note("Seasonal work in Georgia", summary="Workers.", text="Seasonal workers.")
    index_now()
    english = search_query.search(user=member, query="seasonal workers moldova")
    assert "Moldova pilot" in {strip_tags(hit.title) for hit in english.hits}
    assert english.total == 4 and english.suggestion is None
    russian = search_query.search(user=member, query="сезонный работник миграция", language="ru")
    assert "Пилот трудовой миграции" in {strip_tags(hit.title) for hit in russian.hits}
    assert russian.total == 4


def test_snippet_is_a_passage_of_the_body_never_the_title_again(es_index, index_now, member):
    make_note("Quorvex pilot", summary="About the scheme.", text="Nothing to do with it.")
    make_note("Border pilot", summary="About borders.", text="The quorvex scheme helped.")
    make_note("Summary only", summary="A quorvex summary.", text="Nothing either.")
    index_now()
    results = search_query.search(user=member, query="quorvex")
    # Counted as found: the count asks fewer fields than the hits (the body holds them all).
    assert results.total == len(results.hits) == 3
    snippets = {strip_tags(hit.title): str(hit.snippet) for hit in results.hits}
    assert snippets["Quorvex pilot"] == "About the scheme."
    assert snippets["Border pilot"] == "The <mark>quorvex</mark> scheme helped."
    assert snippets["Summary only"] == "A <mark>quorvex</mark> summary."


def test_members_language_comes_first(es_index, index_now, member):
    make_note("Migration policy review", language="en", summary="migration policy")
    make_note("Migration policy обзор", language="ru", summary="migration policy")
    index_now()
    russian_first = search_query.search(user=member, query="migration policy", language="ru")
    assert russian_first.hits[0].language == "ru"
    english_first = search_query.search(user=member, query="migration policy", language="en")
    assert english_first.hits[0].language == "en"


def test_typos_are_tolerated_and_corrected(es_index, index_now, member):
    make_note("Reintegration of returnees", summary="Reintegration programmes for returnees")
    index_now()
    results = search_query.search(user=member, query="reintegratoin")
    assert results.total == 1
    nothing = search_query.search(user=member, query="reintegratoin xqzv")
    assert nothing.total == 0
    assert nothing.suggestion is None or "xqzv" not in nothing.suggestion


def test_did_you_mean_offers_only_visible_words(es_index, index_now, member, secretariat):
    make_note("Remittance corridors", summary="remittance corridors")
    make_note("Confidential plenipotentiary", tier=Tier.SECRETARIAT, summary="plenipotentiary")
    index_now()
    assert search_query.search(user=member, query="remittence coridors").suggestion in {
        "remittance corridors",
        None,
    }
    assert search_query.search(user=member, query="plenipotentiery").suggestion is None
    assert search_query.search(user=secretariat, query="plenipotentiery").total == 1


def test_an_older_version_never_overwrites_a_newer_one(es_index, index_now, member):
    note = make_note("Circular migration pilots")
    index_now()
    newest = indexing.build_writes("practice_note", [str(note.pk)])[0]
    stale = indexing.Write(
        newest.kind, newest.object_id, newest.version - 1, {**newest.body, "suggest": "stale"}
    )
    result = es_index.write([stale])
    assert result.stale == 1 and result.written == 0
    es_index.refresh()
    document = es_index.client.get(index=es_index.alias, id=newest.id)
    assert document["_version"] == newest.version
    assert document["_source"]["suggest"] == "Circular migration pilots"


def test_a_deleted_object_stays_deleted(es_index, index_now, member):
    note = make_note("Temporary protection desk")
    index_now()
    before = indexing.build_writes("practice_note", [str(note.pk)])[0]
    note.delete()
    index_now()
    # A task that read the note before it went, arriving late, is refused by the tombstone.
    assert es_index.write([before]).stale == 1
    es_index.refresh()
    assert search_query.search(user=member, query="temporary protection").total == 0


def test_rebuild_swaps_the_alias_and_reconcile_repairs(es_index, index_now, member, capsys):
    notes = [make_note(f"Diaspora mapping {n}") for n in range(3)]
    index_now()
    first = es_index.physical_indices()
    call_command("search_index", "rebuild", "--no-progress")
    second = es_index.physical_indices()
    assert len(second) == 1 and second != first
    es_index.refresh()
    assert search_query.search(user=member, query="diaspora mapping").total == 3

    # Drift: a document lost, another stale, a third that should not be there.
    es_index.client.delete(index=es_index.alias, id=f"practice_note:{notes[0].pk}", refresh=True)
    es_index.client.index(
        index=es_index.alias,
        id="practice_note:999999",
        document={"kind": "practice_note", "object_id": "999999", "access": ["members"]},
        refresh=True,
    )
    differences = {d.kind: d for d in indexing.reconcile(fix=False)}
    assert differences["practice_note"].missing == [str(notes[0].pk)]
    assert differences["practice_note"].extra == ["999999"]
    call_command("search_index", "reconcile", "--no-progress")
    assert "fixed 2 differences" in capsys.readouterr().out
    es_index.refresh()
    assert sum(d.total for d in indexing.reconcile(fix=False)) == 0
    call_command("search_index", "status")
    out = capsys.readouterr().out
    assert "practice_note" in out and "mapping: current" in out


def test_status_tells_the_operator_when_the_mapping_moved_on(es_index, index_now, capsys):
    """An index built by an older release (another mapping) is named for a rebuild."""
    make_note("Labour mobility pilot")
    index_now()
    name = es_index.physical_indices()[0]
    es_index.client.indices.put_mapping(index=name, meta={"schema": "built-by-an-old-release"})
    call_command("search_index", "status")
    assert "run `manage.py search_index rebuild`" in capsys.readouterr().out
    call_command("search_index", "rebuild", "--no-progress")
    call_command("search_index", "status")
    assert "mapping: current" in capsys.readouterr().out


def test_query_is_unavailable_when_the_server_is_away(settings, member):
    from search.client import elasticsearch_client

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    elasticsearch_client.cache_clear()
    try:
        with pytest.raises(search_query.SearchUnavailable):
            search_query.search(user=member, query="anything")
        with pytest.raises(search_query.SearchUnavailable):
            search_query.suggest(user=member, prefix="anything")
    finally:
        elasticsearch_client.cache_clear()


def test_processes_creating_the_first_index_at_once_end_with_one_index(es_index):
    """A fresh cluster: web processes and a worker all write their first document at once.
    (The worker that lost this race deleted the winner's index and failed its task.)"""
    from concurrent.futures import ThreadPoolExecutor

    from search.client import elasticsearch_client

    def ensure(_):
        elasticsearch_client.cache_clear()
        indexing.ElasticsearchIndex().ensure()

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(ensure, range(6)))
    assert len(es_index.physical_indices()) == 1
    es_index.ensure()
    assert len(es_index.physical_indices()) == 1
    assert es_index.client.indices.get(index=f"{es_index.alias}-*").keys() == {
        *es_index.physical_indices()
    }
