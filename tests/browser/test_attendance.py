"""The secretariat checks participants in at the door: by a typed (or pasted) code on the scan
page and from the searchable list, at a phone's and a laptop's width, in English and Russian,
with axe on every page; the participant sees their own code on the event page."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import horizontal_overflow

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page, taxonomy) for the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = [390, 1280]


def _context(browser, live_server, language):
    context = browser.new_context(base_url=live_server.url, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


def _people(event, language):
    from events import services
    from tests.events.builders import set_country
    from tests.factories.members import make_member

    names = [("Нино", "Беридзе", "GE"), ("Aram", "Petrosyan", "AM")] * len(WIDTHS)
    registrations = []
    for n, (first, last, country) in enumerate(names):
        user = make_member(
            first_name=first, last_name=f"{last}{n}", email=f"p{n}-{language}@example.org"
        )
        set_country(user, country)
        registrations.append(services.registration_create(event=event, user=user))
    return registrations


@pytest.mark.parametrize("language", ["en", "ru"])
def test_secretariat_checks_in_by_typed_code_and_from_the_list(browser, live_server, language):
    from core.roles import Role
    from events.models import EventFormat, Registration
    from events.services_attendance import check_in_token
    from taxonomy.models import Country
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    event = make_event(
        get_events_index(), format=EventFormat.IN_PERSON, capacity=10, slug=f"door-{language}"
    )
    registrations = _people(event, language)
    secretariat = make_member(Role.SECRETARIAT, is_staff=True, email=f"sec-{language}@example.org")
    context, page, errors = _context(browser, live_server, language)
    sign_in(page, secretariat.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)

    for step, width in enumerate(WIDTHS):
        page.set_viewport_size({"width": width, "height": 900})
        by_code, by_list = registrations[2 * step], registrations[2 * step + 1]

        # Typed (or pasted) code: the person's name and country, in large type.
        page.goto(f"/{language}/events/{event.pk}/check-in/scan/")
        assert page.locator("html").get_attribute("lang") == language
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
        page.fill("input[name=code]", check_in_token(registration=by_code))
        with page.expect_navigation():
            page.locator("[data-scan-form] button[type=submit]").click()
        result = page.locator("#scan-result")
        assert "mp-alert--success" in (result.get_attribute("class") or "")
        assert by_code.user.display_name in result.inner_text()
        with translation.override(language):
            assert Country.objects.get(code="GE").label in result.inner_text()
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
        # A code altered by one character is refused, clearly.
        page.fill("input[name=code]", check_in_token(registration=by_list)[:-1] + "x")
        with page.expect_navigation():
            page.locator("[data-scan-form] button[type=submit]").click()
        assert "mp-alert--error" in (page.locator("#scan-result").get_attribute("class") or "")
        assert_accessible(page)

        # The list: typing filters at once (script); the button checks the person in.
        page.goto(f"/{language}/events/{event.pk}/check-in/")
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
        page.fill("#check-in-q", by_list.user.last_name)
        row = page.locator(f"#r-{by_list.pk}")
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-search]')].filter(e => !e.hidden)"
            ".length === 1"
        )
        assert row.is_visible()
        assert page.locator(f"#r-{by_code.pk}").is_hidden()
        with page.expect_navigation():
            row.locator("button[value=in]").click()
        row = page.locator(f"#r-{by_list.pk}")
        assert "mp-checkin__person--in" in (row.get_attribute("class") or "")
        assert "mp-checkin__person--in" in (
            page.locator(f"#r-{by_code.pk}").get_attribute("class") or ""
        )
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)

    attended = dict(Registration.objects.filter(event=event).values_list("pk", "attended"))
    assert all(attended[r.pk] for r in registrations)
    # Undo takes the last check-in back to "not recorded".
    last = registrations[-1]
    with page.expect_navigation():
        page.locator(f"#r-{last.pk} button[value=undo]").click()
    last.refresh_from_db()
    assert last.attended is None
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_participant_sees_their_code(browser, live_server, language):
    from events.models import EventFormat
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import DEFAULT_PASSWORD

    event = make_event(
        get_events_index(), format=EventFormat.IN_PERSON, capacity=10, slug=f"mine-{language}"
    )
    registration = _people(event, language)[0]
    context, page, errors = _context(browser, live_server, language)
    sign_in(page, registration.user.email, DEFAULT_PASSWORD, language)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/{language}/events/{event.slug}/")
        code = page.locator(".mp-attendance-panel__qr")
        assert code.is_visible()
        assert (
            page.evaluate("() => document.querySelector('.mp-attendance-panel__qr').naturalWidth")
            > 0
        )
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
        page.goto(f"/{language}/events/registrations/{registration.pk}/code/")
        assert registration.user.display_name in page.locator(".mp-code__name").inner_text()
        assert horizontal_overflow(page) <= 0
        assert_accessible(page)
    context.close()
    assert not errors, errors
