from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

INVITATION_SESSION_KEY = "invitation_id"


def invitation_from_session(request):
    """The still-usable invitation this browser opened, if any."""
    from members.models import Invitation

    invitation_id = request.session.get(INVITATION_SESSION_KEY)
    if not invitation_id:
        return None
    invitation = Invitation.objects.filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_usable:
        return None
    return invitation


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open only to holders of a valid invitation (see members.views)."""

    def is_open_for_signup(self, request) -> bool:
        return invitation_from_session(request) is not None

    def save_user(self, request, user, form, commit=True):
        from members import services

        invitation = invitation_from_session(request)
        if invitation is None:
            raise ValidationError("Sign-up needs a valid invitation.")
        user = super().save_user(request, user, form, commit=False)
        # The address is the invitation's, whatever the form was sent with.
        user.email = invitation.email
        user.save()
        services.invitation_accept(
            invitation=invitation, user=user, language=form.cleaned_data.get("language")
        )
        request.session.pop(INVITATION_SESSION_KEY, None)
        # The newcomer chose their password a moment ago: that counts as the fresh proof that
        # setting up the authenticator app asks for, instead of asking for it again at once.
        from allauth.account.internal.flows.login import record_authentication

        record_authentication(request, user, method="password", reauthenticated=True)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Account e-mails (password reset, address confirmation, security notices) are
        written in the recipient's preferred language, not the one of whoever asked."""
        from members.selectors import language_for_email

        language = language_for_email(email) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def get_signup_redirect_url(self, request) -> str:
        # Newcomers are offered TOTP at once; for roles that require it the gate insists.
        return reverse("mfa_activate_totp")
