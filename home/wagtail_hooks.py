from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page

from core.access import passes_privacy
from home.models import HomePage, StandardPage


def is_public(page: Page) -> bool:
    """Visitors may see the home page and the standard pages marked public; nothing else."""
    specific = page.specific
    return isinstance(specific, (HomePage, StandardPage)) and specific.is_public


@hooks.register("before_serve_page")
def members_only_pages(page, request, serve_args, serve_kwargs):
    """The page half of the site gate: visitors see only pages that declare themselves public."""
    if request.user.is_authenticated:
        return None
    if is_public(page):
        return None
    return redirect_to_login(request.get_full_path())


@hooks.register("on_serve_page", order=-1)
def privacy_through_the_access_layer(serve):
    """Wagtail's "Privacy" rules, judged by ``core.access`` for signed-in members.

    Outermost, so it replaces Wagtail's own check for them (the only other ``on_serve_page``
    hook): that one would send a signed-in member to the sign-in page, and would not let the
    secretariat in. A member outside the rule is told the page does not exist, as listings and
    search never show it.
    """

    def inner(page, request, serve_args, serve_kwargs):
        if not request.user.is_authenticated:
            return serve(page, request, serve_args, serve_kwargs)
        if not passes_privacy(request.user, page):
            raise Http404
        return page.serve(request, *serve_args, **serve_kwargs)

    return inner


from home import searchable as _searchable  # noqa: E402, F401 - registers the plain pages' search source
