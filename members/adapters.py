from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is open only to holders of a valid invitation (see members.invitations)."""

    def is_open_for_signup(self, request) -> bool:
        return bool(request.session.get("invitation_id"))
