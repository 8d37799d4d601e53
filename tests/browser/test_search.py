"""A member finds a practice: header suggestions, then facets, then the result."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from core.roles import Role
from search import indexing
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.members import DEFAULT_PASSWORD, make_member
from tests.search.builders import make_note, make_searchable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def library():
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()
    notes = {
        "mobility": make_note(
            "Labour mobility partnership", countries=["GE"], themes=["labour-migration"]
        ),
        "moldova": make_note(
            "Labour market access in Moldova", countries=["MD"], themes=["labour-migration"]
        ),
        "georgia": make_note(
            "Labour inspection and diaspora", countries=["GE"], themes=["diaspora"]
        ),
    }
    make_searchable()
    yield notes
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()


def test_member_finds_a_practice_by_suggestion_then_facets(page, library):
    member = make_member(Role.OBSERVER)
    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.wait_for_url("**/en/")

    box = page.get_by_role("combobox", name="Search the platform")
    box.fill("labour mob")
    option = page.get_by_role("option", name="Labour mobility partnership")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(library["mobility"].url) + "$"))

    page.goto("/en/")
    box = page.get_by_role("combobox", name="Search the platform")
    box.fill("labour")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=labour$"))
    assert page.locator(".search-summary").inner_text().startswith("3 results")
    assert_accessible(page)

    facets = page.get_by_role("navigation", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Georgia \(2\)")).click()
    page.wait_for_url(re.compile(r"country=ge"))
    assert page.locator(".search-summary").inner_text().startswith("2 results")
    facets = page.get_by_role("navigation", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Diaspora.* \(1\)")).click()
    page.wait_for_url(re.compile(r"theme=diaspora"))
    assert page.locator(".search-summary").inner_text().startswith("1 result")
    assert_accessible(page)
    page.get_by_role("link", name="Labour inspection and diaspora").click()
    page.wait_for_url(re.compile(re.escape(library["georgia"].url) + "$"))


def test_search_in_russian_without_javascript(browser, live_server, library):
    member = make_member(Role.OBSERVER)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, member.email, DEFAULT_PASSWORD, language="ru")
    page.goto("/ru/search/?q=labour")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    assert "3 результата" in page.locator(".search-summary").inner_text()
    page.get_by_role("navigation", name="Уточнить результаты").get_by_role(
        "link", name=re.compile(r"^Молдова|^Moldova")
    ).click()
    assert "1 результат" in page.locator(".search-summary").inner_text()
    context.close()


def test_results_page_passes_axe_in_russian(page, library):
    member = make_member(Role.OBSERVER)
    sign_in(page, member.email, DEFAULT_PASSWORD, language="ru")
    page.goto("/ru/search/?q=labour&sort=date")
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    assert_accessible(page)
