"""The secretariat creates an event in the Wagtail admin; officials register, fill it, wait and
get promoted when a place frees. In English and in Russian, with axe on every member page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page, taxonomy) for the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STRINGS = {
    "en": {
        "publish": "Publish",
        "more": "More actions",
        "registration_tab": "Registration",
        "register": "Register",
        "confirmed": "Your place is confirmed.",
        "waitlisted": "You are number 1 on the waiting list.",
        "cancel": "Cancel my registration",
        "upcoming": "Upcoming",
        "calendar": "Month calendar",
        "add_to_calendar": "Add to calendar (.ics)",
        "promoted_subject": "A place has opened for you",
        "confirmed_subject": "Your place is confirmed",
    },
    "ru": {
        "publish": "Опубликовать",
        "more": "Больше действий",
        "registration_tab": "Регистрация",
        "register": "Зарегистрироваться",
        "confirmed": "Ваше участие подтверждено.",
        "waitlisted": "Ваш номер в листе ожидания: 1.",
        "cancel": "Отменить мою регистрацию",
        "upcoming": "Предстоящие",
        "calendar": "Календарь на месяц",
        "add_to_calendar": "Добавить в календарь (.ics)",
        "promoted_subject": "Для вас освободилось место",
        "confirmed_subject": "Ваше участие подтверждено",
    },
}


def _context(browser, live_server, language):
    context = browser.new_context(base_url=live_server.url, locale=language)
    context.set_default_timeout(15_000)
    return context


def _member_page(browser, live_server, user, language):
    from tests.factories.members import DEFAULT_PASSWORD

    context = _context(browser, live_server, language)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/login" not in url)
    return context, page, errors


def _secretariat_creates_event(browser, live_server, index, language, title):
    """Through the Wagtail admin, as an editor would, including the second sign-in factor."""
    from core.roles import Role
    from tests.factories.members import DEFAULT_PASSWORD, make_member

    secretariat = make_member(Role.SECRETARIAT, is_staff=True, email=f"sec-{language}@example.org")
    context = _context(browser, live_server, language)
    page = context.new_page()
    # sign_in answers the second-factor step with a TOTP code (tests.factories.members).
    sign_in(page, secretariat.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)

    page.goto(f"/admin/pages/add/events/eventpage/{index.pk}/")
    page.fill("#id_title", title)
    page.select_option("#id_kind", "regional_meeting")
    page.select_option("#id_format", "hybrid")
    page.select_option("#id_timezone", "Asia/Tbilisi")
    start = timezone.localdate() + timedelta(days=30)
    page.fill("#id_starts_at", f"{start:%Y-%m-%d} 10:00")
    page.fill("#id_ends_at", f"{start:%Y-%m-%d} 17:00")
    page.fill("#id_venue", "Tbilisi, Rooms Hotel")
    page.fill("#id_online_link", "https://meet.example.org/journey-room")
    page.get_by_role("tab", name=STRINGS[language]["registration_tab"]).click()
    page.fill("#id_capacity", "1")
    page.get_by_role("button", name=STRINGS[language]["more"]).click()
    page.get_by_role("button", name=STRINGS[language]["publish"]).click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/**")
    context.close()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_event_fills_waitlists_and_promotes(browser, live_server, language):
    from core.roles import Role
    from events.models import EventPage
    from tests.events.builders import get_events_index, set_country
    from tests.factories.members import make_member

    text = STRINGS[language]
    index = get_events_index()
    title = f"Regional meeting on circular migration ({language})"
    _secretariat_creates_event(browser, live_server, index, language, title)
    event = EventPage.objects.get(title=title)
    assert event.live and event.capacity == 1
    # Wall-clock times were typed in the event's zone.
    assert timezone.localtime(event.starts_at, event.zone).hour == 10

    # Each official reads their e-mails in their own language (User.language).
    first = set_country(
        make_member(Role.GOVERNMENT, email=f"first-{language}@gov.example.ge", language=language),
        "GE",
    )
    second = set_country(
        make_member(Role.GOVERNMENT, email=f"second-{language}@gov.example.am", language=language),
        "AM",
    )
    event_path = f"/{language}/events/{event.slug}/"

    # The first official finds the event in the list and registers.
    context, page, errors = _member_page(browser, live_server, first, language)
    page.goto(f"/{language}/events/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=text["calendar"]).click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=text["upcoming"]).click()
    page.get_by_role("link", name=title).click()
    page.wait_for_url(f"**{event_path}")
    assert_accessible(page)
    page.fill("#id_dietary", "Vegetarian")
    page.get_by_role("button", name=text["register"]).click()
    page.wait_for_url(f"**{event_path}")
    assert page.locator("#registration-status").inner_text().strip() == text["confirmed"]
    assert page.get_by_role("link", name="https://meet.example.org/journey-room").is_visible()
    assert_accessible(page)
    confirmation = next(m for m in mail.outbox if m.to == [first.email])
    assert text["confirmed_subject"] in confirmation.subject
    name, body, mimetype = confirmation.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert "journey-room" in (body if isinstance(body, str) else body.decode())
    with page.expect_download() as download:
        page.get_by_role("link", name=text["add_to_calendar"]).click()
    assert download.value.suggested_filename == f"event-{event.pk}.ics"

    # The event is full: the second official is waitlisted and does not see the link.
    context2, page2, errors2 = _member_page(browser, live_server, second, language)
    page2.goto(event_path)
    page2.get_by_role("button", name=text["register"]).click()
    page2.wait_for_url(f"**{event_path}")
    assert page2.locator("#registration-status").inner_text().strip() == text["waitlisted"]
    assert "journey-room" not in page2.content()
    assert_accessible(page2)

    # The first cancels; the second is promoted and told by e-mail.
    page.get_by_role("button", name=text["cancel"]).click()
    page.wait_for_url(f"**{event_path}")
    assert_accessible(page)
    page2.reload()
    assert page2.locator("#registration-status").inner_text().strip() == text["confirmed"]
    promoted = [m for m in mail.outbox if m.to == [second.email]]
    assert any(text["promoted_subject"] in m.subject for m in promoted)

    # The dashboard shows the event, and the calendar subscription page is accessible.
    page2.goto(f"/{language}/")
    assert title in page2.content()
    assert_accessible(page2)
    page2.goto(f"/{language}/events/calendar-feed/")
    assert_accessible(page2)
    context.close()
    context2.close()
    assert not errors and not errors2
