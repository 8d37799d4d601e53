"""The library's journey: an expert writes and submits a note in the Wagtail admin, the
secretariat asks for a change, the expert fixes it, the secretariat publishes, and an official
finds it by filtering the library and by typing a word, in English and in Russian."""

import re

import pytest

from tests.browser.conftest import assert_accessible, sign_in
from tests.search.builders import make_searchable

# serialized_rollback: the taxonomy, locales and review workflow come from data migrations,
# which the flush after every transactional test would otherwise remove.
# One worker runs them in order (make test uses --dist loadgroup).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("knowledge_browser"),
]

STRINGS = {
    "en": {
        "apply": "Apply filters",
        "country": "Georgia",
        "one": "1 practice",
        "about": "About this practice",
        "relevance": "Relevance",
    },
    "ru": {
        "apply": "Применить фильтры",
        "country": "Грузия",
        "one": "1 практика",
        "about": "Об этой практике",
        "relevance": "По релевантности",
    },
}


def _context(browser, live_server, language="en"):
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU" if language == "ru" else "en-GB"
    )
    context.set_default_timeout(20_000)
    return context


def _signed_in_page(browser, live_server, user, language="en"):
    from tests.factories.members import DEFAULT_PASSWORD

    context = _context(browser, live_server, language)
    page = context.new_page()
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return context, page


def _secretariat_acts(browser, live_server, secretariat, note_pk, action, comment=""):
    context, page = _signed_in_page(browser, live_server, secretariat)
    page.goto(f"/admin/pages/{note_pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=action, exact=isinstance(action, str)).click()
    if comment:
        dialog = page.get_by_role("dialog")
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name=action).click()
    page.wait_for_url(lambda url: f"/pages/{note_pk}/edit/" not in url)
    context.close()


def test_expert_to_secretariat_to_official(browser, live_server):
    from django.core import mail

    from core.roles import Role
    from knowledge.models import PracticeNotePage
    from knowledge.services import library_setup
    from taxonomy.models import Country, Theme
    from tests.factories.members import make_member

    library = library_setup()
    expert = make_member(Role.EXPERT, first_name="Nino", last_name="Beridze")
    secretariat = make_member(Role.SECRETARIAT, is_staff=True)
    official = make_member(Role.GOVERNMENT)
    georgia = Country.objects.get(slug="georgia")
    labour = Theme.objects.get(slug="labour-migration")

    # The expert writes and submits.
    context, page = _signed_in_page(browser, live_server, expert)
    page.goto(f"/admin/pages/add/knowledge/practicenotepage/{library.pk}/")
    page.fill("#id_title", "Seasonal work scheme with Germany")
    page.fill("#id_summary", "Georgian seasonal workers placed with vetted German farms.")
    page.check(f"input[name=countries][value='{georgia.pk}']")
    page.check(f"input[name=themes][value='{labour.pk}']")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Library review").click()
    page.wait_for_url(f"**/admin/pages/{library.pk}/**")
    context.close()
    note = PracticeNotePage.objects.get(title="Seasonal work scheme with Germany")
    assert not note.live and note.owner == expert

    # The secretariat asks for a change.
    _secretariat_acts(
        browser, live_server, secretariat, note.pk, "Request changes", "Add how many workers went."
    )
    assert any(
        "Add how many workers went." in m.body for m in mail.outbox if m.to == [expert.email]
    )

    # The expert fixes the summary and submits again.
    context, page = _signed_in_page(browser, live_server, expert)
    page.goto(f"/admin/pages/{note.pk}/edit/")
    page.fill("#id_summary", "4,800 Georgian seasonal workers placed with vetted German farms.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Resubmit")).click()
    page.wait_for_url(lambda url: f"/pages/{note.pk}/edit/" not in url)
    context.close()

    # The secretariat publishes.
    _secretariat_acts(
        browser, live_server, secretariat, note.pk, re.compile(r"^Approve( and publish)?$", re.I)
    )
    note.refresh_from_db()
    assert note.live
    assert note.summary.startswith("4,800")

    # An official finds it by filtering the library.
    context, page = _signed_in_page(browser, live_server, official)
    _find_by_filter(page, "en", "Seasonal work scheme with Germany")
    context.close()


def _find_by_filter(page, language, title):
    strings = STRINGS[language]
    page.goto(f"/{language}/library/")
    assert_accessible(page)
    page.get_by_label(strings["country"]).first.check()
    page.get_by_role("button", name=strings["apply"]).click()
    page.wait_for_url("**country=georgia**")
    assert page.get_by_role("heading", name=strings["one"]).is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=title).click()
    page.wait_for_url(f"**/{language}/library/**")
    assert page.get_by_role("heading", level=1, name=title).is_visible()
    assert page.get_by_role("heading", name=strings["about"]).is_visible()
    assert_accessible(page)
    # Filters live in the URL: going back shows the filtered list again.
    page.go_back()
    assert "country=georgia" in page.url
    assert page.get_by_label(strings["country"]).first.is_checked()


def _find_by_words(page, language, words, title):
    """Typed words go through the search service; the matching words are marked."""
    strings = STRINGS[language]
    page.goto(f"/{language}/library/")
    page.locator("#library-q").fill(words)
    page.get_by_role("button", name=strings["apply"]).click()
    page.wait_for_url("**q=**")
    assert page.get_by_role("heading", name=strings["one"]).is_visible()
    assert page.locator("#library-sort option:checked").inner_text() == strings["relevance"]
    assert page.locator(".mp-note-card mark").first.inner_text().lower() == words.lower()
    assert_accessible(page)
    page.get_by_role("link", name=title).click()
    page.wait_for_url(f"**/{language}/library/**")
    assert page.get_by_role("heading", level=1, name=title).is_visible()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_official_filters_library(browser, live_server, language):
    from core.access import Tier
    from core.roles import Role
    from knowledge.services import library_setup
    from tests.factories.members import make_member
    from tests.knowledge.conftest import make_note

    library = library_setup()
    make_note(
        library, title="Georgian pilot for officials", countries=("georgia",), tier=Tier.GOVERNMENTS
    )
    make_note(library, title="Armenian reintegration centres", countries=("armenia",))
    make_searchable()
    official = make_member(Role.GOVERNMENT)
    context, page = _signed_in_page(browser, live_server, official, language)
    _find_by_filter(page, language, "Georgian pilot for officials")
    assert page.locator("html").get_attribute("lang") == language
    _find_by_words(page, language, "reintegration", "Armenian reintegration centres")
    context.close()
