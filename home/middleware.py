"""A signed-in member's addresses without a language prefix open in their preferred language.

LocaleMiddleware picks the language of an unprefixed address (``/``, a link in an old e-mail)
from the cookie or the browser; for a member, the language they chose in the switcher or their
profile (``User.language``) comes first, so the choice follows them to any browser they sign in
on. Prefixed addresses are left alone (``/en/...`` is English whoever asks), and so are the
unprefixed ones that answer by themselves (the Wagtail admin keeps its own language choice).
"""

from __future__ import annotations

from django.urls import is_valid_path
from django.utils import translation

from home.languages import is_interface_language


class MemberLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and translation.get_language_from_path(request.path_info) is None
            and is_interface_language(user.language)
            # Only where LocaleMiddleware would add a prefix: "/" and the like.
            and not is_valid_path(request.path_info)
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)
