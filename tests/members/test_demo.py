import io

import pytest
from allauth.mfa.models import Authenticator

from core.roles import Role
from home.demo import DemoContext
from members import demo
from members.models import Organisation, Profile, User

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_covers_every_role():
    out = io.StringIO()
    for _ in range(2):
        ctx = DemoContext(password="demo-password-for-tests", stdout=out)
        demo.seed(ctx)
    assert User.objects.filter(email__endswith=demo.DOMAIN).count() == len(demo.MEMBERS)
    assert Organisation.objects.count() == len(demo.ORGANISATIONS)
    assert set(ctx.shared["members"]) == set(Role.values)
    assert all(ctx.shared["members"][role] for role in Role.values)
    secretariat = User.objects.get(email=f"secretariat@{demo.DOMAIN}")
    assert Authenticator.objects.filter(user=secretariat, type="totp").count() == 1
    assert demo.DEMO_TOTP_SECRET in out.getvalue()
    assert Profile.objects.filter(focal_point=True).count() >= 4
    assert secretariat.check_password("demo-password-for-tests")


def test_dashboard_panel_links_invitations_for_the_secretariat_only(client, member, secretariat):
    client.force_login(member)
    assert "/members/invitations/" not in client.get("/en/").content.decode()
    client.force_login(secretariat)
    assert "/members/invitations/" in client.get("/en/").content.decode()
