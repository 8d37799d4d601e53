import hashlib
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from members import services
from members.models import Invitation, Organisation, User
from tests.members.conftest import token_from_outbox

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-unusual-passphrase-91"


def accept_url(token: str) -> str:
    return reverse("members:invitation_accept", kwargs={"token": token})


def sign_up(client, token: str, email: str = "ignored@example.org"):
    response = client.get(accept_url(token))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_signup")
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "first_name": "Nino",
            "last_name": "Beridze",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_token_is_long_random_and_stored_only_hashed(invite):
    invitation, token = invite()
    assert len(token) >= 43  # 32 bytes in URL-safe base64: 256 bits
    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(value) for value in Invitation.objects.values().get().values())
    assert token not in stored
    assert invitation.expires_at - timezone.now() > timedelta(days=13, hours=23)


def test_invitation_email_is_sent_after_commit_only(
    secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            email="later@example.org", role=Role.EXPERT, invited_by=secretariat
        )
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert mail.outbox[0].to == ["later@example.org"]
    assert Invitation.objects.get().send_count == 1


def test_accepting_leads_to_signup_with_fixed_email_and_applies_invitation(client, invite, country):
    organisation = Organisation.objects.create(name="State Migration Service", country=country)
    invitation, token = invite(
        email="nino@example.ge",
        role=Role.GOVERNMENT,
        country=country,
        organisation=organisation,
        focal_point=True,
    )
    client.get(accept_url(token))
    page = client.get(reverse("account_signup"))
    assert page.status_code == 200
    assert 'value="nino@example.ge"' in page.content.decode()
    assert "disabled" in page.content.decode()

    response = sign_up(client, token, email="attacker@example.org")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert not User.objects.filter(email="attacker@example.org").exists()
    user = User.objects.get(email="nino@example.ge")  # the posted address was ignored
    assert user.first_name == "Nino"
    assert list(user.groups.values_list("name", flat=True)) == [Role.GOVERNMENT]
    assert user.profile.country == country
    assert user.profile.organisation == organisation
    assert user.profile.focal_point is True
    # Clicking the link proved the address: no verification e-mail, verified at once.
    assert EmailAddress.objects.get(user=user).verified
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert invitation.status == Invitation.Status.ACCEPTED


def test_token_works_once(client, invite):
    _invitation, token = invite()
    sign_up(client, token)
    client.logout()
    response = client.get(accept_url(token))
    assert response.status_code == 410
    assert "already been accepted" in response.content.decode()
    assert User.objects.count() == 2  # the secretariat and the one newcomer


def test_expired_token_is_refused_clearly(client, invite):
    invitation, token = invite()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(accept_url(token))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_revoked_token_is_refused_and_signup_stays_closed(client, invite, secretariat):
    invitation, token = invite()
    client.get(accept_url(token))  # opened before the revocation
    services.invitation_revoke(invitation=invitation, by=secretariat)
    assert client.get(accept_url(token)).status_code == 410
    response = client.post(
        reverse("account_signup"),
        {"email": invitation.email, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert "Membership is by invitation" in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


@pytest.mark.parametrize("token", ["nope", "x" * 43, "a" * 500])
def test_unknown_tokens_get_404_not_500(client, token):
    response = client.get(accept_url(token))
    assert response.status_code == 404
    assert "do not recognise" in response.content.decode()


def test_signup_without_invitation_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "Membership is by invitation" in response.content.decode()
    client.post(
        reverse("account_signup"),
        {"email": "walk-in@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_resend_replaces_the_token(client, invite, secretariat, django_capture_on_commit_callbacks):
    invitation, old = invite()
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(invitation=invitation, by=secretariat)
    new = token_from_outbox()
    assert new != old
    assert client.get(accept_url(old)).status_code == 404
    assert client.get(accept_url(new)).status_code == 302
    invitation.refresh_from_db()
    assert invitation.send_count == 2


def test_cannot_invite_a_member_or_twice(invite, secretariat):
    invite(email="twice@example.org")
    with pytest.raises(Exception, match="pending invitation"):
        services.invitation_create(email="TWICE@example.org", role=Role.OBSERVER, invited_by=None)
    with pytest.raises(Exception, match="already a member"):
        services.invitation_create(email=secretariat.email, role=Role.OBSERVER, invited_by=None)


def test_bulk_invite_by_paste_reports_bad_lines(
    secretariat_client, secretariat, django_capture_on_commit_callbacks
):
    text = (
        "email,first name,last name\n"
        "ana@example.md,Ana,Rusu\n"
        "not-an-address\n"
        f"{secretariat.email}\n"
        "\n"
        "ivan@example.ua;Ivan\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("members:invitation_bulk"), {"people": text, "role": Role.EXPERT}
        )
    assert response.status_code == 200  # stays on the page to show the bad lines
    body = response.content.decode()
    assert "Line 3" in body and "Line 4" in body
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "ana@example.md",
        "ivan@example.ua;ivan",
    ] or sorted(Invitation.objects.values_list("email", flat=True)) == ["ana@example.md"]
    assert {m.to[0] for m in mail.outbox} >= {"ana@example.md"}
    assert Invitation.objects.get(email="ana@example.md").first_name == "Ana"


def test_bulk_invite_by_upload(secretariat_client, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "people.csv", b"a@example.org,A,One\nb@example.org,B,Two\n", "text/csv"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("members:invitation_bulk"), {"upload": upload, "role": Role.OBSERVER}
        )
    assert response.status_code == 302
    assert Invitation.objects.count() == 2
    assert len(mail.outbox) == 2


def test_secretariat_invites_through_the_form(
    secretariat_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            reverse("members:invitation_create"),
            {"email": "Expert@Example.org", "role": Role.EXPERT},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "expert@example.org"
    assert invitation.role == Role.EXPERT
    assert mail.outbox[0].to == ["expert@example.org"]


def test_invitation_list_filters_by_status(
    secretariat_client, invite, django_assert_max_num_queries
):
    invite(email="one@example.org")
    invitation, _token = invite(email="two@example.org")
    services.invitation_revoke(invitation=invitation, by=None)
    with django_assert_max_num_queries(12):
        response = secretariat_client.get(reverse("members:invitation_list"), {"status": "revoked"})
    body = response.content.decode()
    assert "two@example.org" in body and "one@example.org" not in body
