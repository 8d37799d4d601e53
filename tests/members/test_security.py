import importlib
import sys

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client, override_settings
from django.urls import reverse

from core.roles import Role
from members import services
from tests.factories.members import DEFAULT_PASSWORD, TOTP_SECRET, make_member

pytestmark = pytest.mark.django_db


def password_step(client, user, password=DEFAULT_PASSWORD):
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def code_step(client, code):
    return client.post(reverse("mfa_authenticate"), {"code": code})


def is_signed_in(client) -> bool:
    response = client.get(reverse("members:profile_edit"))
    return response.status_code == 200


def test_failed_sign_ins_are_throttled(client, member):
    throttled = "Too many failed login attempts"
    for _ in range(5):
        response = password_step(client, member, "wrong-password")
        assert response.status_code == 200 and throttled not in response.content.decode()
    assert throttled in password_step(client, member, "wrong-password").content.decode()
    # Even the right password is refused while throttled.
    response = password_step(client, member)
    assert throttled in response.content.decode()
    assert not is_signed_in(client)


def test_sign_in_with_totp_and_session_id_changes(client):
    user = make_member(Role.SECRETARIAT, is_staff=True)
    response = password_step(client, user)
    assert response["Location"] == reverse("mfa_authenticate")
    key_before = client.session.session_key
    assert key_before
    response = code_step(client, pyotp.TOTP(TOTP_SECRET).now())
    assert response.status_code == 302
    assert client.session.session_key != key_before
    assert is_signed_in(client)


def test_totp_code_cannot_be_reused(client):
    user = make_member(Role.EXPERT)
    code = pyotp.TOTP(TOTP_SECRET).now()
    password_step(client, user)
    assert code_step(client, code).status_code == 302
    other = Client()
    password_step(other, user)
    response = code_step(other, code)
    assert response.status_code == 200  # the form again, with an error
    assert not is_signed_in(other)


def test_recovery_code_works_once(client):
    user = make_member(Role.EXPERT)
    codes = RecoveryCodes.activate(user).generate_codes()
    password_step(client, user)
    assert code_step(client, codes[0]).status_code == 302
    other = Client()
    password_step(other, user)
    assert code_step(other, codes[0]).status_code == 200
    assert not is_signed_in(other)
    assert code_step(other, codes[1]).status_code == 302


def test_mfa_required_for_admin_roles_until_enrolled(client):
    user = make_member(Role.SECRETARIAT, mfa=False)
    client.force_login(user)
    response = client.get("/en/members/")
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get("/admin/").status_code == 302
    # Enrolment and signing out stay reachable.
    assert client.get(reverse("account_logout")).status_code == 200
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/en/members/").status_code == 200


def test_mfa_is_offered_not_forced_to_ordinary_members(member_client):
    assert member_client.get("/en/members/").status_code == 200


def test_promotion_to_secretariat_requires_mfa_on_next_request(client):
    user = make_member(Role.OBSERVER)
    client.force_login(user)
    assert client.get("/en/members/").status_code == 200
    services.member_set_role(user=user, role=Role.SECRETARIAT)
    assert client.get("/en/members/")["Location"] == reverse("mfa_activate_totp")


def test_deactivation_ends_every_session_at_once(secretariat_client, member):
    laptop, phone = Client(), Client()
    laptop.force_login(member)
    phone.force_login(member)
    assert is_signed_in(laptop) and is_signed_in(phone)
    response = secretariat_client.post(
        reverse("members:member_manage", kwargs={"pk": member.pk}), {"action": "deactivate"}
    )
    assert response.status_code == 302
    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert is_signed_in(secretariat_client)


def test_deactivation_in_wagtail_user_editor_ends_sessions_too(member):
    laptop = Client()
    laptop.force_login(member)
    member.is_active = False
    member.save()
    assert not is_signed_in(laptop)


def test_password_reset_does_not_sign_in(client, member, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": member.email})
    link = next(line for line in mailoutbox[-1].body.splitlines() if "/password/reset/key/" in line)
    path = link[link.index("/en/") :].strip()
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    client.post(
        form_url,
        {"password1": "another-long-passphrase-77", "password2": "another-long-passphrase-77"},
    )
    assert not is_signed_in(client)


@pytest.fixture
def production_settings(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("SITE_URL", "https://testserver")
    sys.modules.pop("config.settings.production", None)
    module = importlib.import_module("config.settings.production")
    names = [
        name
        for name in dir(module)
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_"))
        or name in {"X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY"}
    ]
    with override_settings(**{name: getattr(module, name) for name in names}):
        yield module
    sys.modules.pop("config.settings.production", None)


def test_security_headers_and_cookie_flags_in_production(production_settings, member):
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": DEFAULT_PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == "/" and not cookie["domain"]

    page = client.get("/en/members/", secure=True)
    assert page.status_code == 200
    assert "max-age=31536000" in page["Strict-Transport-Security"]
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    # Plain HTTP is sent to HTTPS.
    assert client.get("/en/members/")["Location"].startswith("https://")


def test_wagtail_admin_sign_in_goes_through_allauth(client, secretariat):
    response = client.post("/admin/login/", {"username": secretariat.email, "password": "x"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=/admin/" in response["Location"]
    assert "/accounts/login/" in client.get("/admin/pages/")["Location"]
