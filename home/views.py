from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST

from core.access import secretariat_required
from home.forms import StyleGuideForm
from home.languages import is_interface_language, safe_next, translated_path
from home.selectors import secretariat_dashboard_for
from members.services import member_language_set


@cache_page(60 * 60)
def robots_txt(request):
    # A members-only site has nothing for crawlers.
    return HttpResponse("User-agent: *\nDisallow: /\n", content_type="text/plain")


@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request: no context processor may touch a database that may be down.
    return HttpResponseServerError(loader.get_template("500.html").render({}))


@secretariat_required
def styleguide(request):
    """Every component of the design system with its real markup (static/css/site.css)."""
    # Sent empty on purpose: the guide shows each field's error and the summary above them.
    form = StyleGuideForm(data={"email": "not an address", "format": "online"})
    form.is_valid()
    page_obj = Paginator(range(1, 201), 10).get_page(request.GET.get("page", 7))
    return render(request, "home/styleguide.html", {"form": form, "page_obj": page_obj})


@require_POST
def set_language(request):
    """Switch the interface language: to the same page in the chosen language, remembered in a
    cookie for this browser and, for a member, in their preferred language (their e-mails too)."""
    language = request.POST.get("language")
    if not is_interface_language(language):
        return HttpResponseBadRequest(_("Choose one of the languages the platform is offered in."))
    next_url = safe_next(request, request.POST.get("next") or request.META.get("HTTP_REFERER"))
    if request.user.is_authenticated:
        member_language_set(user=request.user, language=language)
    response = redirect(translated_path(request, next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@secretariat_required
def secretariat_dashboard(request):
    """The secretariat's work queues and participation charts, each linking to where the work
    is done (the admin, or the member site's management pages)."""
    return render(
        request,
        "home/secretariat_dashboard.html",
        {"dashboard": secretariat_dashboard_for(user=request.user)},
    )
