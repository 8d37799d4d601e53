from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, admin_views
from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "comment"
    menu_label = _("Discussion topics")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "name_ru"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_ru"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("description_ru"),
        FieldPanel("restricted_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("position"),
    ]


register_snippet(TopicViewSet)


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_moderate(request.user)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("discussions/moderation/", admin_views.queue, name="discussions_moderation"),
        path("discussions/moderation/<id:pk>/", admin_views.act, name="discussions_moderation_act"),
        path(
            "discussions/moderation/lift/<id:user_id>/",
            admin_views.lift,
            name="discussions_moderation_lift",
        ),
        path("discussions/moderation/log/", admin_views.log, name="discussions_moderation_log"),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return SecretariatMenuItem(
        _("Flagged posts"), reverse("discussions_moderation"), icon_name="warning", order=320
    )


from discussions import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from discussions import searchable as _searchable  # noqa: E402, F401 - registers its search sources
