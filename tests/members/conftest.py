from __future__ import annotations

import re

import pytest
from django.core import mail

from core.roles import Role
from members import services


def token_from_outbox() -> str:
    body = mail.outbox[-1].body
    match = re.search(r"/invitations/accept/([^/\s]+)/", body)
    assert match, body
    return match.group(1)


@pytest.fixture
def invite(django_capture_on_commit_callbacks, secretariat):
    """Invite someone and return (invitation, token) as the e-mail carries it."""

    def _invite(email: str = "newcomer@example.org", role: str = Role.OBSERVER, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = services.invitation_create(
                email=email, role=role, invited_by=secretariat, **kwargs
            )
        return invitation, token_from_outbox()

    return _invite


@pytest.fixture
def country(db):
    from taxonomy.models import Country

    return Country.objects.get(code="GE")


@pytest.fixture
def theme(db):
    from taxonomy.models import Theme

    return Theme.objects.order_by("pk").first()


@pytest.fixture(autouse=True)
def _english():
    """reverse() follows the active language, which a request to a /ru/ page leaves behind."""
    from django.utils import translation

    with translation.override("en"):
        yield


# The search engines: each search test runs on the database engine and on Elasticsearch.
from tests.search.conftest import (  # noqa: E402, F401
    engine,
    es_index,
    index_now,
    search_down,
)
