"""A focal point updates their country's commitment with a note; members filter the tracker.
In English and Russian, at 390 and 1280 px, with axe on each page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page, taxonomy) for the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GE_ACTION = "Adopt a reintegration strategy for returnees"
AM_ACTION = "Publish yearly return statistics"
WIDTHS = (390, 1280)


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_focal_point_updates_status_and_tracker_filters(browser, live_server, language):
    from core.roles import Role
    from events.models import CommitmentUpdate
    from tests.events.builders import set_country
    from tests.events.builders_commitments import commitment_of, days, make_meeting
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    meeting = make_meeting(
        commitments=[
            ("GE", GE_ACTION, days(-10), ["return-reintegration"]),
            ("AM", AM_ACTION, days(90), ["migration-data"]),
        ]
    )
    commitment = commitment_of(meeting, "GE")
    focal = set_country(make_member(Role.GOVERNMENT, language=language), "GE", focal_point=True)
    context = browser.new_context(base_url=live_server.url, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, focal.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/login" not in url)

    # The tracker marks the overdue Georgian commitment; the filters narrow it by the URL.
    tracker = f"/{language}/events/commitments/tracker/"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(tracker)
        assert page.locator("html").get_attribute("lang") == language
        rows = page.locator("#commitments-table tbody tr")
        assert rows.count() == 2
        assert page.locator("#commitments-table .mp-badge--error").count() == 1
        assert page.locator("svg.chart").count() >= 1
        _no_sideways_scroll(page)
        assert_accessible(page)
    page.select_option("#filter-country", "AM")
    with page.expect_navigation():
        page.locator(".mp-commitments__filters button[type=submit]").click()
    assert "country=AM" in page.url
    assert page.locator("#commitments-table tbody tr").count() == 1
    assert AM_ACTION in page.locator("#commitments-table").inner_text()
    page.goto(tracker)
    page.check("#filter-overdue")
    with page.expect_navigation():
        page.locator(".mp-commitments__filters button[type=submit]").click()
    assert "overdue=1" in page.url
    assert GE_ACTION in page.locator("#commitments-table").inner_text()
    assert page.locator("#commitments-table tbody tr").count() == 1

    # The focal point opens it from the tracker and records progress with a note and a link.
    with page.expect_navigation():
        page.locator("#commitments-table a", has_text=GE_ACTION).click()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.reload()
        _no_sideways_scroll(page)
        assert_accessible(page)
    page.check("input[name=state][value=in_progress]")
    page.fill("textarea[name=note]", "Draft strategy sent to the government.")
    page.fill("textarea[name=evidence_urls]", "https://gov.example.ge/strategy")
    with page.expect_navigation():
        page.locator("form[action$='/update/'] button[type=submit]").click()
    history = page.locator("#commitment-history")
    assert "Draft strategy sent to the government." in history.inner_text()
    assert page.locator("#commitment-history a[href='https://gov.example.ge/strategy']").count()
    assert page.locator("#commitment-state .mp-badge--error").count() == 1  # still overdue
    assert_accessible(page)
    update = CommitmentUpdate.objects.get(commitment=commitment)
    assert (update.from_state, update.to_state, update.author_id) == (
        "planned",
        "in_progress",
        focal.pk,
    )

    # Dropping needs a reason: the error summary says so and nothing is recorded.
    page.check("input[name=state][value=dropped]")
    with page.expect_navigation():
        page.locator("form[action$='/update/'] button[type=submit]").click()
    assert page.locator(".mp-error-summary, [role=alert]").count() >= 1
    assert CommitmentUpdate.objects.filter(commitment=commitment).count() == 1
    assert_accessible(page)

    # The event page shows the meeting's conclusions and commitments.
    page.goto(f"/{language}/events/{meeting.slug}/")
    assert page.locator("#conclusions-heading").count() == 1
    assert GE_ACTION in page.inner_text("main")
    assert_accessible(page)
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
