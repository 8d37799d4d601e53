"""The design system's base pages, the phone header and the language switcher in a browser
(issue 13, items 1, 2 and 7)."""

from __future__ import annotations

import os

import pytest

from core.roles import Role
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import check_layout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _member(role: str = Role.GOVERNMENT, **kwargs):
    from tests.factories.members import make_member

    return make_member(role, **kwargs)


def _password() -> str:
    from tests.factories.members import DEFAULT_PASSWORD

    return DEFAULT_PASSWORD


def test_sign_in_and_error_pages_hold_at_every_width(page):
    check_layout(page, "/en/accounts/login/", name="sign-in")
    check_layout(page, "/en/no-such-page/", name="not-found-visitor")


def test_member_pages_hold_at_every_width(page):
    from home.models import HomePage, StandardPage

    HomePage.objects.get().add_child(
        instance=StandardPage(
            title="Working methods of the regional consultation",
            slug="methods",
            summary="How the panel meets, decides and reports to the ministers.",
            body="<p>The panel meets twice a year; between meetings it works in writing.</p>",
        )
    )
    member = _member()
    sign_in(page, member.email, _password())
    check_layout(page, "/en/", name="dashboard")
    check_layout(page, "/en/methods/", name="standard-page")
    # The style guide is the secretariat's: a member meets the 403 page.
    check_layout(page, "/en/styleguide/", name="forbidden")
    assert (
        page.get_by_role("heading", level=1).inner_text() == "You do not have access to this page"
    )
    check_layout(page, "/en/no-such-page/", name="not-found")


def test_style_guide_holds_at_every_width(page):
    secretariat = _member(Role.SECRETARIAT, is_staff=True)
    sign_in(page, secretariat.email, _password())
    check_layout(page, "/en/styleguide/", name="styleguide")
    # The form came back with errors: the summary has the focus and leads to the first field.
    assert page.evaluate("document.activeElement.classList.contains('mp-error-summary')")
    page.get_by_role("alert").get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_full_name"
    # Script can print, so the print action shows.
    assert page.get_by_role("button", name="Print / save as PDF").is_visible()


def test_the_phone_menu_opens_with_the_keyboard(page):
    member = _member()
    sign_in(page, member.email, _password())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/en/")
    library = page.get_by_role("navigation", name="Main").get_by_role("link", name="Library")
    assert not library.is_visible()
    menu = page.locator("summary", has_text="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    assert library.is_visible()
    assert page.locator(".mp-header__menu").get_attribute("open") is not None
    assert_accessible(page)
    if shots := os.environ.get("SCREENSHOTS_DIR"):
        page.screenshot(path=f"{shots}/menu-open-390.png")
    with page.expect_navigation():
        library.click()
    assert "/en/library/" in page.url
    # On a laptop the same links are always in view, no button in the way.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not menu.is_visible()
    assert (
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").is_visible()
    )


def test_a_member_switches_language_and_finds_it_again_after_signing_in(browser, live_server):
    from members.models import User

    member = _member()
    # The browser asks for English; the member prefers Russian.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in(page, member.email, _password())
    page.goto("/en/events/")
    page.select_option("#language-select", "ru")
    with page.expect_navigation():
        page.get_by_role("button", name="Change").click()
    assert page.url.endswith("/ru/events/")
    assert page.locator("html").get_attribute("lang") == "ru"
    # And back, from the Russian page, while the browser still asks for English.
    page.select_option("#language-select", "en")
    with page.expect_navigation():
        page.get_by_role("button", name="Сменить").click()
    assert page.url.endswith("/en/events/")
    page.select_option("#language-select", "ru")
    with page.expect_navigation():
        page.get_by_role("button", name="Change").click()
    context.close()
    assert User.objects.get(pk=member.pk).language == "ru"

    # Another browser, English again: after signing in, the platform opens in Russian.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in(page, member.email, _password())
    page.goto("/")
    assert page.url.endswith("/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    context.close()


def test_a_page_prints_like_a_document(page):
    from home.models import HomePage, StandardPage

    HomePage.objects.get().add_child(
        instance=StandardPage(
            title="Terms of reference",
            slug="terms",
            body=(
                '<p>Adopted at the <a href="https://example.org/ministerial">'
                "ministerial meeting</a>.</p>"
            ),
        )
    )
    sign_in(page, _member().email, _password())
    page.goto("/en/terms/")
    page.emulate_media(media="print")
    # Paper shows the content only: no header, navigation, search, language form or footer.
    assert not page.get_by_role("banner").is_visible()
    assert not page.get_by_role("contentinfo").is_visible()
    assert not page.get_by_role("button", name="Change").is_visible()
    assert page.get_by_role("heading", name="Terms of reference").is_visible()
    # A reader of paper cannot click: the address is printed after the link.
    after = page.get_by_role("link", name="ministerial meeting").evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "https://example.org/ministerial" in after


def test_the_library_header_spans_the_window(page):
    # The library page's type once matched the library's two-column grid, and squeezed the
    # header and navigation into an 18rem column on the left.
    from knowledge.services import library_setup

    library = library_setup()
    sign_in(page, _member().email, _password())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(library.url)
    header = page.get_by_role("banner").bounding_box()
    assert header is not None and header["width"] == 1280
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Library").is_visible()
