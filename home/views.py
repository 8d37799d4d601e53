from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_page
from django.views.decorators.csrf import requires_csrf_token

from core.access import secretariat_required
from home.selectors import secretariat_dashboard_for


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
def secretariat_dashboard(request):
    """The secretariat's work queues and participation charts, each linking to where the work
    is done (the admin, or the member site's management pages)."""
    return render(
        request,
        "home/secretariat_dashboard.html",
        {"dashboard": secretariat_dashboard_for(user=request.user)},
    )
