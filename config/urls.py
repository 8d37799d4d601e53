from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.media import serve_media
from home import views as home_views
from home.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("i18n/setlang/", home_views.set_language, name="set_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Uploaded files, in development too: each asks the access layer (core/media.py).
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("library/", include("knowledge.urls")),
    path("events/", include("events.urls")),
    path("verify/", include("events.urls_verify")),
    path("discussions/", include("discussions.urls")),
    path("search/", include("search.urls")),
    path("styleguide/", home_views.styleguide, name="styleguide"),
    path("secretariat/", home_views.secretariat_dashboard, name="secretariat_dashboard"),
    path("secretariat/report/", include("home.urls_report")),
    # Wagtail's page tree comes last: it answers every path the apps above do not.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
