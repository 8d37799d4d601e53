"""The search page, the library and a practice note hold at phone, tablet, laptop and 320 px,
for an official (issue 13): results first on a phone, filters behind "Filter"."""

from __future__ import annotations

import pytest
from django.conf import settings

from core.roles import Role
from search import indexing
from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout
from tests.factories.members import DEFAULT_PASSWORD, make_member
from tests.search.builders import library, make_note, make_searchable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def notes():
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()
    made = [
        make_note(
            f"Labour mobility partnership with a long title that wraps on a phone {n}",
            summary="Circular labour migration between the Republic of Moldova and Germany, "
            "with pre-departure training and a return component.",
            countries=["MD", "GE"][: 1 + n % 2],
            themes=["labour-migration", "diaspora"][: 1 + n % 2],
            body=[
                ("text", "<p>How the scheme works, step by step.</p>"),
                (
                    "key_figures",
                    {"heading": "", "figures": [{"value": "4,800", "label": "workers placed"}]},
                ),
                (
                    "table",
                    {
                        "data": [
                            ["Year", "Workers placed", "Returned"],
                            ["2023", "2,100", "1,950"],
                            ["2024", "2,700", "2,400"],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Placements by year",
                    },
                ),
            ],
        )
        for n in range(12)
    ]
    make_searchable()
    yield made
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()


@pytest.fixture
def official_page(page):
    official = make_member(Role.GOVERNMENT)
    sign_in(page, official.email, DEFAULT_PASSWORD)
    page.wait_for_url("**/en/")
    return page


def test_search_results_layout(official_page, notes):
    check_layout(official_page, "/en/search/?q=labour&country=md", first_result=".mp-search-result")


def test_library_layout(official_page, notes):
    check_layout(
        official_page,
        f"{library().url}?theme=labour-migration",
        first_result=".mp-note-card",
        name="library",
    )


def test_practice_note_layout(official_page, notes):
    check_layout(official_page, notes[1].url, name="practice-note")
