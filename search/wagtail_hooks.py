from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.access import is_secretariat
from search import admin_views


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return is_secretariat(request.user)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [path("search/zero-results/", admin_views.zero_results, name="search_zero_results")]


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return SecretariatMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        icon_name="search",
        order=900,
    )
