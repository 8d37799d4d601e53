"""A member without admin access who opens /admin/ is told so at once (issue 12, item 2)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.roles import Role
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.OBSERVER, Role.GOVERNMENT])
@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/login/?next=/admin/"])
def test_member_without_admin_access_gets_403_in_one_response(client, role, path):
    client.force_login(make_member(role))
    response = client.get(path)
    assert response.status_code == 403
    body = response.content.decode()
    assert "The administration area is closed to you" in body
    assert "write to the secretariat" in body
    assert 'href="/"' in body
    # Following redirects would only repeat the same answer: there are none.
    assert client.get(path, follow=True).redirect_chain == []


def test_member_denied_admin_in_russian(client, member):
    client.force_login(member)
    client.cookies["django_language"] = "ru"
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 403
    assert "Административный раздел" in response.content.decode()


def test_anonymous_visitor_still_goes_to_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.EXPERT])
def test_admin_roles_reach_the_admin(client, role):
    client.force_login(make_member(role, is_staff=role == Role.SECRETARIAT))
    assert client.get("/admin/").status_code == 200
