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
    assert page.locator(".mp-search__summary").inner_text().startswith("3 results")
    assert_accessible(page)

    facets = page.get_by_role("navigation", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Georgia \(2\)")).click()
    page.wait_for_url(re.compile(r"country=ge"))
    assert page.locator(".mp-search__summary").inner_text().startswith("2 results")
    facets = page.get_by_role("navigation", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Diaspora.* \(1\)")).click()
    page.wait_for_url(re.compile(r"theme=diaspora"))
    assert page.locator(".mp-search__summary").inner_text().startswith("1 result")
    assert_accessible(page)
    page.get_by_role("link", name="Labour inspection and diaspora").click()
    page.wait_for_url(re.compile(re.escape(library["georgia"].url) + "$"))


def _busy_thread(author, title: str, count: int):
    """A thread whose every post says the title's first word, as a lively discussion does."""
    from discussions.models import Post, Thread, Topic

    topic = Topic.objects.create(name="Labour mobility", slug="labour-mobility")
    thread = Thread.objects.create(title=title, topic=topic, author=author)
    for number in range(1, count + 1):
        Post.objects.create(
            thread=thread, number=number, author=author, source=f"Labour point {number}"
        )
    return thread


def test_the_suggestion_popup_by_keyboard_alone(page, library):
    """Typing opens a grouped popup over the page (the header keeps its height); the arrow
    keys, Home and End choose, Escape closes, Enter opens; focus never leaves the box."""
    member = make_member(Role.GOVERNMENT)
    _busy_thread(member, "Labour attachés in embassies", 4)
    make_searchable()
    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.wait_for_url("**/en/")
    header_height = page.get_by_role("banner").bounding_box()["height"]

    box = page.get_by_role("combobox", name="Search the platform")
    box.focus()
    page.keyboard.type("labour")
    popup = page.get_by_role("listbox", name="Suggestions")
    popup.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == popup.get_attribute("id")
    assert page.get_by_role("banner").bounding_box()["height"] == header_height

    notes = popup.get_by_role("group", name="Practice notes").get_by_role("option")
    threads = popup.get_by_role("group", name="Discussions").get_by_role("option")
    assert threads.all_inner_texts() == ["Labour attachés in embassies"]
    assert sorted(notes.all_inner_texts()) == sorted(n.title for n in library.values())
    options = popup.get_by_role("option")
    titles = options.all_inner_texts()
    assert len(titles) == len(set(titles)) == 4
    assert_accessible(page)

    def chosen() -> str:
        return box.get_attribute("aria-activedescendant") or ""

    box.press("ArrowDown")
    assert chosen() == options.nth(0).get_attribute("id")
    assert options.nth(0).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert chosen() == options.nth(1).get_attribute("id")
    box.press("End")
    assert chosen() == options.nth(3).get_attribute("id")
    box.press("Home")
    assert chosen() == options.nth(0).get_attribute("id")
    box.press("ArrowUp")
    assert chosen() == options.nth(3).get_attribute("id")
    assert page.evaluate("document.activeElement.id") == "site-search-q"

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not popup.is_visible()
    assert chosen() == ""
    assert box.input_value() == "labour"
    assert page.evaluate("document.activeElement.id") == "site-search-q"

    box.press("ArrowDown")
    assert box.get_attribute("aria-expanded") == "true"
    box.press("End")
    assert options.nth(3).inner_text() == "Labour attachés in embassies"
    with page.expect_navigation():
        box.press("Enter")
    page.wait_for_url(re.compile(r"/en/discussions/"))
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Labour attachés in embassies"


def test_a_thread_is_one_result_on_the_results_page(page, library):
    member = make_member(Role.GOVERNMENT)
    _busy_thread(member, "Labour attachés in embassies", 4)
    make_searchable()
    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.goto("/en/search/?q=labour")
    assert page.locator(".mp-search__summary").inner_text().startswith("4 results")
    assert page.get_by_role("link", name="Labour attachés in embassies").count() == 1


def test_search_in_russian_without_javascript(browser, live_server, library):
    member = make_member(Role.OBSERVER)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, member.email, DEFAULT_PASSWORD, language="ru")
    page.goto("/ru/search/?q=labour")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    assert "3 результата" in page.locator(".mp-search__summary").inner_text()
    page.get_by_role("navigation", name="Уточнить результаты").get_by_role(
        "link", name=re.compile(r"^Молдова|^Moldova")
    ).click()
    assert "1 результат" in page.locator(".mp-search__summary").inner_text()
    context.close()


def test_results_page_passes_axe_in_russian(page, library):
    member = make_member(Role.OBSERVER)
    sign_in(page, member.email, DEFAULT_PASSWORD, language="ru")
    page.goto("/ru/search/?q=labour&sort=date")
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    assert_accessible(page)
