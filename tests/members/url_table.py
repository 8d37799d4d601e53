from tests.url_expectations import Expect


def _other_member(request) -> dict:
    return {"pk": request.getfixturevalue("other_member").pk}


def _invitation(request) -> dict:
    from core.roles import Role
    from members import services

    invitation = services.invitation_create(
        email="invitee@example.org", role=Role.OBSERVER, invited_by=None
    )
    return {"pk": invitation.pk}


def _token(request) -> dict:
    from django.core import mail

    from core.roles import Role
    from members import services

    with request.getfixturevalue("django_capture_on_commit_callbacks")(execute=True):
        services.invitation_create(email="token@example.org", role=Role.OBSERVER, invited_by=None)
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/invitations/accept/" in line
    )
    return {"token": link.rstrip("/").rsplit("/", 1)[-1]}


def _deletion_request(request) -> dict:
    from members import services

    deletion = services.deletion_request_create(user=request.getfixturevalue("other_member"))
    return {"pk": deletion.pk}


_pk = {"setup": _other_member, "kwargs": lambda c: {"pk": c["pk"]}}
_secretariat_only = {"member": 403, "secretariat": 200}

# allauth's pages. Visitors reach sign-in and recovery; the rest need a signed-in member.
# Experts and the secretariat have TOTP set up (tests.factories.members.make_member), which
# changes the answers of the MFA pages for them.
_open = Expect(anonymous=200, member=302, anonymous_to_login=False)
EXPECTED = {
    "account_login": _open,
    "account_signup": Expect(anonymous=200, member=302, anonymous_to_login=False),
    "account_reset_password": Expect(anonymous=200, member=200),
    "account_reset_password_done": Expect(anonymous=200, member=200),
    "account_reset_password_from_key_done": Expect(anonymous=200, member=200),
    "account_email_verification_sent": Expect(anonymous=200, member=200),
    "account_inactive": Expect(anonymous=200, member=200),
    "account_logout": Expect(anonymous=302, member=200, anonymous_to_login=False),
    "account_change_password": Expect(),
    "account_set_password": Expect(member=302),
    "account_email": Expect(),
    "account_reauthenticate": Expect(anonymous=302, member=200, anonymous_to_login=False),
    "mfa_index": Expect(),
    "mfa_activate_totp": Expect(member=302),
    "mfa_authenticate": Expect(anonymous=302, member=302, anonymous_to_login=False),
    "mfa_reauthenticate": Expect(member=302, expert=200, secretariat=200),
    "mfa_deactivate_totp": Expect(member=404, expert=302, secretariat=302),
    "mfa_generate_recovery_codes": Expect(member=302),
    "mfa_view_recovery_codes": Expect(member=404),
    "mfa_download_recovery_codes": Expect(member=404),
    "account_confirm_email": Expect(skip_reason="needs a key; covered in tests/members"),
    "account_confirm_login_code": Expect(skip_reason="login by code is off"),
    "account_reset_password_from_key": Expect(skip_reason="needs a key; covered in tests/members"),
    "usersessions_list": Expect(),
    # members
    "members:directory": Expect(),
    "members:member_detail": Expect(**_pk),
    "members:member_photo": Expect(member=404, **_pk),  # no photo uploaded
    "members:member_manage": Expect(**_secretariat_only, **_pk),
    "members:profile_edit": Expect(),
    "members:notifications": Expect(),
    "members:my_data": Expect(),
    "members:my_data_download": Expect(),
    "members:deletion_request_cancel": Expect(member=302, method="post"),
    "members:invitation_list": Expect(**_secretariat_only),
    "members:invitation_create": Expect(**_secretariat_only),
    "members:invitation_bulk": Expect(**_secretariat_only),
    "members:invitation_resend": Expect(
        member=403,
        secretariat=302,
        method="post",
        setup=_invitation,
        kwargs=lambda c: {"pk": c["pk"]},
    ),
    "members:invitation_revoke": Expect(
        member=403,
        secretariat=302,
        method="post",
        setup=_invitation,
        kwargs=lambda c: {"pk": c["pk"]},
    ),
    # A visitor with a valid link goes on to sign-up; a signed-in member is told to sign out.
    "members:invitation_accept": Expect(
        anonymous=302,
        member=409,
        anonymous_to_login=False,
        setup=_token,
        kwargs=lambda c: {"token": c["token"]},
    ),
    "members:deletion_request_list": Expect(**_secretariat_only),
    "members:deletion_request_confirm": Expect(
        member=403,
        secretariat=302,
        method="post",
        setup=_deletion_request,
        kwargs=lambda c: {"pk": c["pk"]},
    ),
}


# The secretariat's screens in the Wagtail admin (members/wagtail_hooks.py).
def _organisation(request) -> dict:
    from members.models import Organisation

    return {"pk": Organisation.objects.create(name="Ministry of Labour").pk}


_FRAGMENT = "an HTML fragment the listing fetches (no <h1>); its page is tested"
# Members without admin access are told so at once (403); experts reach the admin but not these.
_admin = {"anonymous": 302, "member": 403, "expert": 302, "official": 403, "secretariat": 200}
_with_invitation = {"setup": _invitation, "kwargs": lambda c: {"pk": c["pk"]}}
_with_organisation = {"setup": _organisation, "kwargs": lambda c: {"pk": c["pk"]}}
EXPECTED.update(
    {
        "invitations:index": Expect(**_admin),
        "invitations:index_results": Expect(skip_reason=_FRAGMENT),
        # Invitations are created by the invitation form, which sends the token.
        "invitations:add": Expect(**{**_admin, "secretariat": 302}),
        "invitations:edit": Expect(**_admin, **_with_invitation),
        "invitations:delete": Expect(**_admin, **_with_invitation),
        "invitations:inspect": Expect(**_admin, **_with_invitation),
        "invitations:history": Expect(**_admin, **_with_invitation),
        "invitations:history_results": Expect(skip_reason=_FRAGMENT),
        "invitations:usage": Expect(**_admin, **_with_invitation),
        "organisations:index": Expect(**_admin),
        "organisations:index_results": Expect(skip_reason=_FRAGMENT),
        "organisations:add": Expect(**_admin),
        "organisations:edit": Expect(**_admin, **_with_organisation),
        "organisations:delete": Expect(**_admin, **_with_organisation),
        "organisations:history": Expect(**_admin, **_with_organisation),
        "organisations:history_results": Expect(skip_reason=_FRAGMENT),
        "organisations:usage": Expect(**_admin, **_with_organisation),
    }
)
