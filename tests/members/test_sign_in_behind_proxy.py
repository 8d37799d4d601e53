"""Failed sign-ins are counted per account and per visitor behind the reverse proxy, and
sign-ins at once on the embedded SQLite database do not fail (issue 12, item 8)."""

from __future__ import annotations

import importlib
import sys

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories.members import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

THROTTLED = "Too many failed login attempts"
PROXY = "10.0.0.2"  # the reverse proxy: every request reaches Django from it
CLIENT_A = "203.0.113.7"
CLIENT_B = "198.51.100.23"


@pytest.fixture
def behind_one_proxy(monkeypatch):
    """The production settings as deployed behind one nginx (platform/deploy/env.example)."""
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("SITE_URL", "https://platform.example.org")
    monkeypatch.setenv("ALLAUTH_TRUSTED_PROXY_COUNT", "1")
    sys.modules.pop("config.settings.production", None)
    production = importlib.import_module("config.settings.production")
    sys.modules.pop("config.settings.production", None)
    with override_settings(
        ALLAUTH_TRUSTED_PROXY_COUNT=production.ALLAUTH_TRUSTED_PROXY_COUNT,
        ALLAUTH_TRUSTED_CLIENT_IP_HEADER=production.ALLAUTH_TRUSTED_CLIENT_IP_HEADER,
        ACCOUNT_RATE_LIMITS=production.ACCOUNT_RATE_LIMITS,
    ):
        yield production


def _sign_in(client: Client, user, password: str, client_ip: str):
    # nginx appends the address it saw to X-Forwarded-For; a visitor may send their own first.
    return client.post(
        reverse("account_login"),
        {"login": user.email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"1.2.3.4, {client_ip}",
    )


def test_production_reads_the_proxy_count_from_the_environment(behind_one_proxy):
    assert behind_one_proxy.ALLAUTH_TRUSTED_PROXY_COUNT == 1
    assert behind_one_proxy.ALLAUTH_TRUSTED_CLIENT_IP_HEADER is None


def test_wrong_passwords_from_one_visitor_do_not_lock_out_another(
    behind_one_proxy, member, other_member
):
    attacker = Client()
    for _ in range(10):
        response = _sign_in(attacker, member, "wrong-password", CLIENT_A)
    assert THROTTLED in response.content.decode()
    # Also against a second account: the limit per address applies to A.
    assert THROTTLED in _sign_in(attacker, other_member, "wrong", CLIENT_A).content.decode()

    # Another visitor behind the same proxy signs in to their own account.
    visitor = Client()
    response = _sign_in(visitor, other_member, DEFAULT_PASSWORD, CLIENT_B)
    assert response.status_code == 302, response.content.decode()[:500]
    assert visitor.get(reverse("members:profile_edit")).status_code == 200


def test_the_attacked_account_stays_locked_for_its_limit(behind_one_proxy, member):
    """What allauth's per-account ("key") limit means: after five wrong passwords for one
    address, that account refuses even the right password, from anywhere, for five minutes.
    That is the brute-force guard for the account; everyone else signs in."""
    attacker = Client()
    for _ in range(5):
        _sign_in(attacker, member, "wrong-password", CLIENT_A)
    response = _sign_in(Client(), member, DEFAULT_PASSWORD, CLIENT_B)
    assert THROTTLED in response.content.decode()


def test_without_a_trusted_proxy_the_forwarded_address_is_ignored(member, other_member):
    # What happened before: every visitor counted as the proxy, so one visitor's wrong
    # passwords locked everyone out. A visitor also cannot pick their own address.
    attacker = Client()
    for _ in range(5):
        _sign_in(attacker, member, "wrong-password", CLIENT_A)
    response = _sign_in(Client(), other_member, DEFAULT_PASSWORD, CLIENT_B)
    assert THROTTLED in response.content.decode()
