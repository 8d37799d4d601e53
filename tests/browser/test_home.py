import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_follows_sign_in_link_from_landing_page(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Sign in").click()
    page.wait_for_url("**/accounts/login/**")
    assert page.locator("input[name=login]").is_visible()
    assert_accessible(page)


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_changes_interface_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/")
    page.select_option("#language-select", "ru")
    page.get_by_role("button", name="Change").click()
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("link", name="Войти").first.is_visible()
    context.close()
