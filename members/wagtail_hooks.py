"""The secretariat's tools in the Wagtail admin.

Members are listed, filtered (role, active, last sign-in) and edited by Wagtail's own user
screens: changing a member's groups changes their role, and unticking "active" deactivates them
(the receiver in members/receivers.py then ends all their sessions). Here: invitations and their
state, organisations, and shortcuts to the invitation and deletion-request pages.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.access import is_secretariat
from core.media import MEDIA_OWNERS_HOOK
from members.models import Invitation, Organisation


class InvitationPermissionPolicy(ModelPermissionPolicy):
    """Invitations are created by the invitation form (which makes and mails the token)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Invitation, InvitationPermissionPolicy(Invitation))


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    list_display = ["email", "role", "country", "status", "expires_at", "sent_at", "accepted_at"]
    list_filter = ["role", "country", "accepted_at", "revoked_at"]
    search_fields = ["email", "first_name", "last_name"]
    form_fields = ["first_name", "last_name", "role", "focal_point", "country", "organisation"]
    inspect_view_enabled = True
    copy_view_enabled = False


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    form_fields = ["name", "kind", "country"]
    copy_view_enabled = False


class MembershipGroup(ViewSetGroup):
    menu_label = _("Membership")
    menu_icon = "group"
    menu_order = 250
    items = (InvitationViewSet("invitations"), OrganisationViewSet("organisations"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return MembershipGroup()


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def invite_menu_item():
    return SecretariatMenuItem(
        _("Invite members"), reverse("members:invitation_create"), icon_name="mail", order=251
    )


@hooks.register("register_admin_menu_item")
def deletion_requests_menu_item():
    return SecretariatMenuItem(
        _("Deletion requests"),
        reverse("members:deletion_request_list"),
        icon_name="warning",
        order=252,
    )


@hooks.register(MEDIA_OWNERS_HOOK)
def profiles_with_photo(name: str):
    """A photo under MEDIA_URL shows to those who may see the profile (core.media asks)."""
    from members.models import Profile

    return Profile.objects.filter(photo=name)


from members import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from members import searchable as _searchable  # noqa: E402, F401 - registers its search sources
