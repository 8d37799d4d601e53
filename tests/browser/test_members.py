import re

import pytest
from django.core import mail

from core.roles import Role
from members.models import User
from tests.browser.conftest import assert_accessible, fresh_totp_code, sign_in
from tests.factories.members import DEFAULT_PASSWORD, make_member
from tests.search.builders import make_searchable

# serialized_rollback: the pages, roles and countries that migrations create come back after
# each test's flush (the journey ends on the dashboard, a Wagtail page).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PASSWORD = "a-long-and-unusual-passphrase-91"


def submit(page):
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_secretariat_invites_and_invitee_joins_with_totp(page, browser, live_server, language):
    from taxonomy.models import Country

    secretariat = make_member(Role.SECRETARIAT, is_staff=True)
    georgia = Country.objects.get(code="GE")

    # The secretariat invites a government official.
    sign_in(page, secretariat.email, DEFAULT_PASSWORD, language)
    page.goto(f"/{language}/members/invitations/new/")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.fill("input[name=email]", "nino.beridze@example.ge")
    page.fill("input[name=first_name]", "Nino")
    page.fill("input[name=last_name]", "Beridze")
    page.select_option("select[name=role]", Role.GOVERNMENT)
    page.check("input[name=focal_point]")
    page.select_option("select[name=country]", str(georgia.pk))
    submit(page)
    assert page.url.endswith(f"/{language}/members/invitations/")
    assert "nino.beridze@example.ge" in page.locator("main table").inner_text()
    assert_accessible(page)

    # The invitee opens the link from the e-mail in a browser of their own.
    body = mail.outbox[-1].body
    path = re.search(r"https?://[^/\s]+(/\S+)", body).group(1)
    assert path.startswith(f"/{language}/members/invitations/accept/")
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    invitee = context.new_page()
    invitee.goto(path)
    assert invitee.url.endswith(f"/{language}/accounts/signup/")
    assert invitee.locator("input[name=email]").input_value() == "nino.beridze@example.ge"
    assert invitee.locator("input[name=first_name]").input_value() == "Nino"
    assert_accessible(invitee)
    invitee.fill("input[name=password1]", NEW_PASSWORD)
    invitee.fill("input[name=password2]", NEW_PASSWORD)
    submit(invitee)

    # Straight on to the authenticator app: the test reads the secret as a person would type it.
    assert "/accounts/2fa/totp/activate/" in invitee.url
    assert_accessible(invitee)
    secret = invitee.locator("#authenticator_secret").input_value()
    invitee.fill("input[name=code]", fresh_totp_code(secret))
    submit(invitee)
    assert "/accounts/2fa/recovery-codes/" in invitee.url
    assert len(invitee.locator("#recovery_codes").input_value().split()) == 10
    assert_accessible(invitee)
    with invitee.expect_navigation():
        invitee.locator("main a.mp-button:not(.mp-button--secondary)").click()
    assert invitee.url.endswith(f"/{language}/")
    assert "Nino" in invitee.locator("h1").inner_text()
    assert_accessible(invitee)
    context.close()

    user = User.objects.get(email="nino.beridze@example.ge")
    assert user.groups.filter(name=Role.GOVERNMENT).exists()
    assert user.profile.focal_point and user.profile.country == georgia
    assert user.authenticator_set.filter(type="totp").exists()


def test_member_finds_a_focal_point_in_the_directory(page):
    from members.models import Profile

    official = make_member(Role.GOVERNMENT, first_name="Armen", last_name="Hakobyan")
    Profile.objects.create(user=official, focal_point=True, title="Head of unit")
    # The directory's box asks the search service; make the new profile searchable now.
    make_searchable()
    member = make_member(Role.OBSERVER)
    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.goto("/en/members/")
    assert_accessible(page)
    finder = page.get_by_role("search", name="Find members")
    finder.locator("input[name=q]").fill("Hakobyan")
    with page.expect_navigation():
        finder.get_by_role("button").click()
    card = page.locator(".mp-directory__cards > li")
    assert card.count() == 1
    assert "National focal point" in card.inner_text()
    with page.expect_navigation():
        card.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "Armen Hakobyan"
    assert_accessible(page)
    page.goto("/en/members/profile/")
    assert_accessible(page)
