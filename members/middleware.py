"""The site gate: anonymous visitors reach only an explicit allow-list.

Everything else redirects to sign-in (or answers 401 for JSON). Wagtail pages are let through
here and judged by the ``before_serve_page`` hook in ``home/wagtail_hooks.py``, because only the
page itself knows whether it is public (the landing page and pages marked public).
"""

from functools import cache

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import patch_cache_control

# URL names anonymous visitors may reach. Keep this list short and reviewed: a test walks
# every URL pattern and fails when one is neither here nor answered for members only.
ANONYMOUS_URL_NAMES = frozenset(
    {
        "health",
        "set_language",
        "javascript-catalog",
        # allauth: sign-in, password reset, e-mail confirmation, sign-up (closed without an
        # invitation), and the second step of sign-in with MFA.
        "account_login",
        "account_logout",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_reset_password_from_key",
        "account_reset_password_from_key_done",
        "account_confirm_email",
        "account_email_verification_sent",
        "account_inactive",
        "account_login_code_confirm",
        "account_reauthenticate",
        "mfa_authenticate",
        "members:invitation_accept",
        "wagtail_serve",
        "robots_txt",
        "discussions:unsubscribe",
        # Calendar apps fetch without a session; the secret token in the URL is the key.
        "events:feed",
        # Anyone holding a certificate's code may check it (name, event, date, validity only).
        "verify:form",
        "verify:certificate",
    }
)
ANONYMOUS_PATH_PREFIXES = (settings.STATIC_URL,)


def _url_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


class MembersOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.path_info.startswith(self.admin_path()):
            from members.selectors import admin_access

            if not admin_access(request.user):
                # Wagtail would send a member without admin access to sign in, and allauth
                # would send the signed-in member straight back: a loop. Say no, once.
                return render(request, "members/admin_denied.html", status=403)
        if request.path_info == self.wagtail_login_path():
            # Wagtail's own sign-in form would skip allauth's rate limits and the MFA step.
            return redirect_to_login(
                request.GET.get("next") or reverse("wagtailadmin_home"),
                login_url=reverse("account_login"),
            )
        if request.user.is_authenticated or self.is_allowed(request.path_info):
            return self.get_response(request)
        if request.path_info.startswith("/api/") or "application/json" in request.headers.get(
            "Accept", ""
        ):
            return JsonResponse({"error": "authentication required"}, status=401)
        return redirect_to_login(request.get_full_path())

    @staticmethod
    @cache
    def wagtail_login_path() -> str:
        return reverse("wagtailadmin_login")

    @staticmethod
    @cache
    def admin_path() -> str:
        return reverse("wagtailadmin_home")

    @staticmethod
    def is_allowed(path: str) -> bool:
        if path.startswith(ANONYMOUS_PATH_PREFIXES):
            return True
        name = _url_name(path)
        # An unknown path is let through so that it 404s the same for everyone.
        return name is None or name in ANONYMOUS_URL_NAMES


class PrivateCacheMiddleware:
    """Pages shown to a signed-in member never sit in a shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


# Where a member who must enrol in MFA may still go: the enrolment itself, signing out, and
# what those pages need.
MFA_ENROLMENT_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_index",
        "mfa_reauthenticate",
        "mfa_generate_recovery_codes",
        "mfa_view_recovery_codes",
        "mfa_download_recovery_codes",
        "account_reauthenticate",
        "account_logout",
        "set_language",
        "javascript-catalog",
        "health",
    }
)


class MFARequiredMiddleware:
    """The secretariat and anyone who can reach the Wagtail admin enrol in TOTP before anything.

    The outcome is kept on the session with the member's roles, so later requests cost only the
    role lookup the access layer makes anyway; a change of role is checked again.
    """

    session_key = "members_mfa_ok"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path_info.startswith(ANONYMOUS_PATH_PREFIXES)
            and request.session.get(self.session_key) != self.signature(user)
        ):
            from members.selectors import mfa_enrolled, mfa_required

            if not mfa_required(user) or mfa_enrolled(user):
                request.session[self.session_key] = self.signature(user)
            elif _url_name(request.path_info) not in MFA_ENROLMENT_URL_NAMES:
                from django.contrib import messages
                from django.shortcuts import redirect
                from django.utils.translation import gettext as _

                messages.info(
                    request,
                    _("Your role requires two-factor authentication. Set it up to continue."),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def signature(user) -> str:
        from core.access import _group_names

        groups = ",".join(sorted(_group_names(user)))
        return f"{int(user.is_staff)}{int(user.is_superuser)}:{groups}"
