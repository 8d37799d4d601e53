"""A section the secretariat limited to experts in Wagtail's "Privacy" dialog: an official
neither finds nor opens its notes, in English or Russian; an expert finds and reads them."""

from __future__ import annotations

import pytest
from django.conf import settings

from core.roles import Role
from search import indexing
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories.members import DEFAULT_PASSWORD, make_member
from tests.search.builders import make_note, make_restricted_section, make_searchable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORD = "zelvarionic"


@pytest.fixture
def experts_note():
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()
    make_note(f"Open note on {WORD} returns")
    _, note = make_restricted_section(
        Role.EXPERT, note_title=f"Draft {WORD} methodology", note_summary="Counting returns."
    )
    make_searchable()
    yield note
    if settings.ELASTICSEARCH_URL:
        indexing.ElasticsearchIndex().drop()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_official_neither_finds_nor_opens_an_experts_only_note(
    browser, live_server, experts_note, language
):
    official = make_member(Role.GOVERNMENT)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, official.email, DEFAULT_PASSWORD, language=language)

    page.goto(f"/{language}/search/?q={WORD}")
    results = page.get_by_role("main")
    assert results.get_by_role("link", name=f"Open note on {WORD} returns").count() == 1
    assert results.get_by_role("link", name="Draft", exact=False).count() == 0
    assert_accessible(page)

    page.goto(f"/{language}/library/?q={WORD}")
    assert "methodology" not in page.get_by_role("main").inner_text()

    response = page.goto(experts_note.url)
    assert response.status == 404
    context.close()


def test_an_expert_finds_and_reads_it(browser, live_server, experts_note):
    expert = make_member(Role.EXPERT)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, expert.email, DEFAULT_PASSWORD)

    page.goto(f"/en/search/?q={WORD}")
    page.get_by_role("main").get_by_role("link", name=f"Draft {WORD} methodology").click()
    page.wait_for_url(f"**{experts_note.url}")
    assert page.get_by_role("heading", level=1).inner_text() == f"Draft {WORD} methodology"
    context.close()
