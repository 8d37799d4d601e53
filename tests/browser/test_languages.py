"""Each role's core journey in all seven interface languages, axe 0 violations on every page
(issue 14).

The words the test looks for come from the catalogues (``gettext`` in the page's language),
so the journey is the same in every language and fails when a page is not in it: an official
on a phone reads the dashboard, the library and a practice note and registers for an event; an
expert replies in a thread; the secretariat opens its
dashboard and an event's registrations. Every page says its language in ``<html lang>``, has
no axe violation, and (on the phone) does not scroll sideways.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.layout import horizontal_overflow

pytestmark = [
    pytest.mark.browser,
    # Keep the migrations' data (roles, home page, taxonomy) for the live server.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}


def _(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def _signed_in(browser, live_server, user, language, viewport):
    from tests.factories.members import DEFAULT_PASSWORD

    context = browser.new_context(base_url=live_server.url, locale=language, viewport=viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, user.email, DEFAULT_PASSWORD, language)
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return context, page, errors


def _check(page, language: str) -> None:
    """The page is in `language`, accessible, and holds the window's width."""
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == language, page.url
    assert_accessible(page)
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways"


def _world(language: str):
    from core.roles import Role
    from discussions import services as discussions
    from discussions.models import Topic
    from tests.events.builders import get_events_index, make_event, set_country
    from tests.factories.members import make_member
    from tests.search.builders import library, make_note

    official = set_country(
        make_member(
            Role.GOVERNMENT, email=f"official-{language}@gov.example.ge", language=language
        ),
        "GE",
    )
    expert = make_member(
        Role.EXPERT, email=f"expert-{language}@expert.example.am", language=language
    )
    secretariat = make_member(
        Role.SECRETARIAT, is_staff=True, email=f"sec-{language}@example.org", language=language
    )
    note = make_note(
        "Circular labour migration scheme with Germany",
        summary="Seasonal workers recruited through the public employment agency.",
        text="Workers were pre-selected by the State Employment Agency and briefed first.",
        countries=("GE",),
        owner=expert,
    )
    assert note.get_parent().specific == library()
    event = make_event(
        get_events_index(), title=f"Regional meeting on return and reintegration ({language})"
    )
    topic, _created = Topic.objects.get_or_create(
        slug="labour-migration", defaults={"name": "Labour migration"}
    )
    thread = discussions.thread_create(
        author=official,
        title="Recognition of qualifications of returning workers",
        body="How do your agencies recognise skills gained abroad?",
        topic=topic,
    )
    return official, expert, secretariat, note, event, thread


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_role_works_in_every_language(browser, live_server, language):
    official, expert, secretariat, note, event, thread = _world(language)

    # An official, on a phone.
    context, page, errors = _signed_in(browser, live_server, official, language, PHONE)
    page.goto(f"/{language}/")
    _check(page, language)
    page.goto(f"/{language}/library/")
    _check(page, language)
    # (Which notes the library lists in each language: tests/i18n/test_content.py.)
    page.goto(re.sub(r"^/en/", f"/{language}/", note.url))
    assert page.get_by_role("heading", name=note.title).first.is_visible()
    _check(page, language)
    page.goto(f"/{language}/events/{event.slug}/")
    _check(page, language)
    with page.expect_navigation():
        page.get_by_role("button", name=_(language, "Register")).click()
    assert page.get_by_text(_(language, "Your place is confirmed.")).first.is_visible()
    _check(page, language)
    context.close()
    assert not errors, errors

    # An expert replies in a thread.
    context, page, errors = _signed_in(browser, live_server, expert, language, LAPTOP)
    page.goto(f"/{language}/")
    _check(page, language)
    page.goto(f"/{language}/discussions/threads/{thread.pk}/")
    _check(page, language)
    page.fill("#id_body", "In Armenia, skills are assessed by the vocational education centres.")
    with page.expect_navigation():
        page.get_by_role("button", name=_(language, "Post reply")).click()
    assert page.get_by_text("vocational education centres").first.is_visible()
    _check(page, language)
    context.close()
    assert not errors, errors

    # The secretariat sees its work queues and the event's registrations.
    context, page, errors = _signed_in(browser, live_server, secretariat, language, LAPTOP)
    page.goto(f"/{language}/secretariat/")
    _check(page, language)
    page.goto(f"/{language}/events/{event.slug}/")
    _check(page, language)
    context.close()
    assert not errors, errors
