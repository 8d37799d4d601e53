"""Whole-site guards: migrations, deploy checks, every URL for visitors and members."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from members.middleware import ANONYMOUS_URL_NAMES
from tests.test_guards_helpers import named_patterns

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _production_env(**overrides: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k3y-" + "".join(chr(65 + i % 26) + str(i) for i in range(40)),
        "ALLOWED_HOSTS": "platform.example.org",
        "SITE_URL": "https://platform.example.org",
        **overrides,
    }


def test_production_settings_pass_deploy_check():
    env = _production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "missing",
    [{"SECRET_KEY": ""}, {"ALLOWED_HOSTS": ""}, {"SITE_URL": ""}],
    ids=["no-secret", "no-hosts", "no-site-url"],
)
def test_production_settings_refuse_to_start_without_secrets(missing):
    env = _production_env(**missing)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr


def test_allow_list_names_only_existing_urls():
    """A typo in the allow-list would silently lock visitors out of a page they need."""
    names = set(named_patterns())
    # allauth registers sign-in by e-mailed code only when that login method is switched on.
    optional = {"account_login_code_confirm"}
    assert ANONYMOUS_URL_NAMES - names - optional == set()
