from django import forms
from django.conf import settings
from django.urls import path, reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, admin_views
from .models import Topic


def _other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != "en"]


class TopicForm(WagtailAdminModelForm):
    """One field per interface language, kept in the topic's JSON translations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in _other_languages():
            self.fields[f"name_{code}"].initial = self.instance.name_translations.get(code, "")
            self.fields[f"description_{code}"].initial = self.instance.description_translations.get(
                code, ""
            )

    def save(self, commit=True):
        topic = self.instance
        for code, _name in _other_languages():
            for field, translations in (
                ("name", topic.name_translations),
                ("description", topic.description_translations),
            ):
                text = self.cleaned_data.get(f"{field}_{code}", "").strip()
                if text:
                    translations[code] = text
                else:
                    translations.pop(code, None)
        return super().save(commit=commit)


for _code, _language in _other_languages():
    TopicForm.base_fields[f"name_{_code}"] = forms.CharField(
        label=format_lazy("{} ({})", _("name"), _language), max_length=120, required=False
    )
    TopicForm.base_fields[f"description_{_code}"] = forms.CharField(
        label=format_lazy("{} ({})", _("description"), _language),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    TopicForm.declared_fields[f"name_{_code}"] = TopicForm.base_fields[f"name_{_code}"]
    TopicForm.declared_fields[f"description_{_code}"] = TopicForm.base_fields[
        f"description_{_code}"
    ]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "comment"
    menu_label = _("Discussion topics")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug", "position"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            MultiFieldPanel(
                [
                    FieldPanel(f"{field}_{code}")
                    for code, _name in _other_languages()
                    for field in ("name", "description")
                ],
                heading=_("Other languages"),
            ),
            FieldPanel("restricted_groups", widget=forms.CheckboxSelectMultiple),
            FieldPanel("position"),
        ],
        base_form_class=TopicForm,
    )


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
from discussions import reports as _reports  # noqa: E402, F401 - registers its donor report section
from discussions import searchable as _searchable  # noqa: E402, F401 - registers its search sources
