from django.contrib.auth.views import redirect_to_login
from wagtail import hooks


@hooks.register("before_serve_page")
def members_only_pages(page, request, serve_args, serve_kwargs):
    """The page half of the site gate: visitors see only pages that declare themselves public."""
    if request.user.is_authenticated:
        return None
    if getattr(page.specific, "is_public", False):
        return None
    return redirect_to_login(request.get_full_path())
