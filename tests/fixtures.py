"""Members of every role, and clients signed in as them."""

import pytest

from core.roles import Role
from tests.factories.members import make_member


@pytest.fixture
def member(db):
    """An ordinary member (observer) with no special rights."""
    return make_member(Role.OBSERVER)


@pytest.fixture
def other_member(db):
    return make_member(Role.OBSERVER)


@pytest.fixture
def expert(db):
    return make_member(Role.EXPERT)


@pytest.fixture
def official(db):
    return make_member(Role.GOVERNMENT)


@pytest.fixture
def secretariat(db):
    return make_member(Role.SECRETARIAT, is_staff=True)


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def member_client(client, member):
    return _client_for(client, member)


@pytest.fixture
def expert_client(client, expert):
    return _client_for(client, expert)


@pytest.fixture
def official_client(client, official):
    return _client_for(client, official)


@pytest.fixture
def secretariat_client(client, secretariat):
    return _client_for(client, secretariat)
