"""Members choose the language their e-mails are written in (issue 12, item 4)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.roles import Role
from members.models import Invitation, User
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase-2026"


def _sign_up(client, token: str, **extra) -> object:
    client.get(reverse("members:invitation_accept", kwargs={"token": token}))
    data = {
        "first_name": "Olga",
        "last_name": "Ivanova",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_invitation_to_a_russian_speaking_invitee_goes_out_in_russian(
    secretariat_client, django_capture_on_commit_callbacks
):
    # The secretariat works in English and picks the invitee's language.
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("members:invitation_create"),
            {"email": "olga@example.org", "role": Role.GOVERNMENT, "language": "ru"},
        )
    assert response.status_code == 302
    assert Invitation.objects.get().language == "ru"
    message = mail.outbox[-1]
    assert "Приглашение на Платформу миграционного партнёрства" in message.subject
    assert "/ru/members/invitations/accept/" in message.body


def test_resent_invitation_keeps_its_language(
    secretariat_client, invite, django_capture_on_commit_callbacks
):
    invitation, _token = invite(email="olga@example.org", language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(reverse("members:invitation_resend", kwargs={"pk": invitation.pk}))
    assert "Приглашение" in mail.outbox[-1].subject


def test_sign_up_offers_the_invitations_language_and_stores_the_choice(client, invite):
    _invitation, token = invite(email="olga@example.org", language="ru")
    client.get(reverse("members:invitation_accept", kwargs={"token": token}))
    page = client.get(reverse("account_signup")).content.decode()
    assert 'name="language"' in page
    assert re.search(r'<option value="ru"[^>]*\bselected\b', page)

    response = _sign_up(client, token, language="en")
    assert response.status_code == 302
    assert User.objects.get(email="olga@example.org").language == "en"


def test_sign_up_without_a_choice_keeps_the_invitations_language(client, invite):
    _invitation, token = invite(email="olga@example.org", language="ru")
    assert _sign_up(client, token).status_code == 302
    assert User.objects.get(email="olga@example.org").language == "ru"


def test_member_changes_language_in_profile(member_client, member):
    from tests.members.test_profiles import profile_data

    response = member_client.post(reverse("members:profile_edit"), profile_data(language="ru"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "ru"
    page = member_client.get(reverse("members:profile_edit")).content.decode()
    assert re.search(r'<option value="ru"[^>]*\bselected\b', page)


def test_profile_refuses_an_unknown_language(member_client, member):
    from tests.members.test_profiles import profile_data

    response = member_client.post(reverse("members:profile_edit"), profile_data(language="xx"))
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.language == "en"


def test_member_with_russian_gets_account_email_in_russian(client):
    russian = make_member(Role.OBSERVER, language="ru")
    english = make_member(Role.OBSERVER)
    # Both ask from the English interface; each gets the e-mail in their own language.
    for user in (russian, english):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
        assert response.status_code == 302
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert "Письмо для сброса пароля" in by_recipient[russian.email].subject
    assert "Password Reset Email" in by_recipient[english.email].subject


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_invitation_goes_out_in_every_shipped_language(code, invite):
    _invitation, _token = invite(email=f"{code}@example.org", language=code)
    with translation.override(code):
        expected = translation.gettext("You are invited to the Migration Partnership Platform")
    assert expected in mail.outbox[-1].subject
    assert f"/{code}/members/invitations/accept/" in mail.outbox[-1].body
