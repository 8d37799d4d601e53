"""The language switcher always switches, and a member's choice follows them (issue 13, item 7)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

SWITCH = "/i18n/setlang/"


@pytest.fixture
def home(db):
    return HomePage.objects.get()


def _switch(client, language: str, next_path: str, **headers):
    return client.post(SWITCH, {"language": language, "next": next_path}, **headers)


def test_switches_to_english_from_a_russian_page_when_the_browser_asks_for_english(member_client):
    # The browser says English, the member reads the Russian page and asks for English.
    response = _switch(member_client, "en", "/ru/events/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/events/"
    assert '<html lang="en"' in member_client.get(response["Location"]).content.decode()


def test_switches_to_russian_from_an_english_page_when_the_browser_asks_for_russian(
    member_client,
):
    response = _switch(member_client, "ru", "/en/events/?view=month", HTTP_ACCEPT_LANGUAGE="ru")
    assert response["Location"] == "/ru/events/?view=month"


def test_a_wagtail_page_opens_in_the_other_language(client, home):
    home.add_child(instance=StandardPage(title="Privacy", slug="privacy", public=True))
    response = _switch(client, "ru", "/en/privacy/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/ru/privacy/"


def test_a_missing_page_keeps_its_path_in_the_other_language(member_client):
    response = _switch(member_client, "ru", "/en/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/ru/no-such-page/"


def test_an_address_on_another_site_is_not_followed(member_client):
    response = _switch(member_client, "ru", "https://evil.example/en/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/ru/"


def test_an_unknown_language_is_refused_with_a_message(member_client):
    response = _switch(member_client, "xx", "/en/events/")
    assert response.status_code == 400
    assert "language" in response.content.decode().lower()


def test_a_members_choice_is_stored_for_their_e_mails(member_client, member):
    _switch(member_client, "ru", "/en/events/")
    member.refresh_from_db()
    assert member.language == "ru"
    _switch(member_client, "en", "/ru/events/", HTTP_ACCEPT_LANGUAGE="ru")
    member.refresh_from_db()
    assert member.language == "en"


def test_the_choice_follows_the_member_to_their_next_sign_in(client, member, home):
    client.force_login(member)
    _switch(client, "ru", "/en/", HTTP_ACCEPT_LANGUAGE="en")
    client.logout()
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    # Another browser, which asks for English: after signing in, / opens in Russian.
    client.force_login(member)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_a_visitor_can_switch_too(client, home):
    response = _switch(client, "ru", "/en/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/ru/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_the_switcher_works_without_script(member_client, home):
    html = member_client.get("/en/").content.decode()
    assert f'action="{reverse("set_language")}" method="post"' in html
    assert 'name="next" type="hidden" value="/en/"' in html
    assert '<button class="mp-button mp-button--secondary mp-button--small" type="submit">' in html
