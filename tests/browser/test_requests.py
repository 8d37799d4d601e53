"""Needs and requests in the browser: an official files a training need (in English and in
Russian, on a phone and a laptop), the secretariat accepts it and plans it as an event, and the
official sees "Planned" with the event's link on their dashboard."""

from __future__ import annotations

import pytest

from core.roles import Role
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import horizontal_overflow
from tests.events.builders import get_events_index, make_event, set_country
from tests.factories.members import DEFAULT_PASSWORD, make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.xdist_group("requests_browser"),
]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def _page(browser, live_server, user, language: str, viewport: dict):
    context = browser.new_context(
        base_url=live_server.url,
        locale="ru-RU" if language == "ru" else "en-GB",
        viewport=viewport,
    )
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return context, page


def _looks_right(page) -> None:
    assert horizontal_overflow(page) == 0, page.url
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_training_need_from_filing_to_planned_event(browser, live_server, language):
    official = set_country(make_member(Role.GOVERNMENT, language=language), "AM")
    secretariat = make_member(Role.SECRETARIAT, is_staff=True)
    event = make_event(get_events_index(), title="Border risk analysis training")

    # The official files the need on a phone; a first try without the theme is refused.
    context, page = _page(browser, live_server, official, language, PHONE)
    assert page.locator("html").get_attribute("lang") == language
    page.goto(f"/{language}/library/requests/training-need/")
    _looks_right(page)
    page.fill("textarea[name=target_institutions]", "State Migration Service")
    page.fill("input[name=staff_count]", "25")
    page.fill("textarea[name=description]", "Risk analysis at land border crossings.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".mp-error-summary").is_visible()
    assert page.input_value("textarea[name=description]") == (
        "Risk analysis at land border crossings."
    )
    _looks_right(page)
    page.locator("select[name=theme]").select_option(index=1)
    page.check("input[name=preferred_format][value=in_person]")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "/library/requests/" in page.url
    assert page.locator("[data-request-state=new]").is_visible()
    _looks_right(page)
    context.close()

    # On a laptop, "My requests" lists it as new.
    context, page = _page(browser, live_server, official, language, LAPTOP)
    page.goto(f"/{language}/library/requests/")
    assert page.locator("[data-request] [data-request-state=new]").count() == 1
    _looks_right(page)
    context.close()

    # The secretariat finds it in the queue of new requests, accepts it, then plans it.
    context, page = _page(browser, live_server, secretariat, language, LAPTOP)
    page.goto(f"/{language}/library/requests/queue/?state=new")
    _looks_right(page)
    with page.expect_navigation():
        page.locator("[data-request] .mp-card__title a").first.click()
    page.check("input[name=to_state][value=accepted]")
    page.fill("textarea[name=note]", "We will plan it with Georgia's request.")
    with page.expect_navigation():
        page.locator("form[action$='/state/'] button[type=submit]").click()
    assert page.locator("[data-request-state=accepted]").is_visible()
    page.check("input[name=to_state][value=planned]")
    page.locator("select[name=event]").select_option(str(event.pk))
    with page.expect_navigation():
        page.locator("form[action$='/state/'] button[type=submit]").click()
    assert page.locator("[data-request-state=planned]").is_visible()
    _looks_right(page)
    context.close()

    # The official's dashboard says "Planned" and links the event, on a phone and a laptop.
    for viewport in (PHONE, LAPTOP):
        context, page = _page(browser, live_server, official, language, viewport)
        page.goto(f"/{language}/")
        panel = page.locator("#panel-requests").locator("xpath=..")
        assert panel.locator("[data-request-state=planned]").is_visible()
        if language == "en":
            assert panel.locator("[data-request-state=planned]").inner_text() == "Planned"
        link = panel.get_by_role("link", name="Border risk analysis training")
        assert link.is_visible()
        assert "border-risk-analysis-training" in link.get_attribute("href")
        _looks_right(page)
        context.close()
