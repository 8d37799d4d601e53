"""The taxonomy as snippets, grouped under one admin menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.forms import NAME_LANGUAGES, TermForm, name_field
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme


def term_panels(*before: str, after: tuple[str, ...] = ()) -> ObjectList:
    """A term's form: its own fields around the English name and one name a language."""
    return ObjectList(
        [
            *(FieldPanel(field) for field in before),
            FieldPanel("name"),
            *(FieldPanel(name_field(language)) for language in NAME_LANGUAGES),
            *(FieldPanel(field) for field in after),
            FieldPanel("active"),
        ],
        base_form_class=TermForm,
    )


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "code", "eastern_partnership", "active"]
    list_filter = ["eastern_partnership", "active"]
    search_fields = ["name", "code"]
    edit_handler = term_panels(after=("code", "slug", "eastern_partnership"))


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "active"]
    search_fields = ["name"]
    edit_handler = term_panels(after=("slug", "description"))


class GCMObjectiveViewSet(SnippetViewSet):
    model = GCMObjective
    icon = "list-ol"
    list_display = ["number", "name", "active"]
    search_fields = ["name"]
    edit_handler = term_panels("number")


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "active"]
    edit_handler = term_panels(after=("slug",))


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-full"
    list_display = ["name", "slug", "active"]
    edit_handler = term_panels(after=("slug",))


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (
        CountryViewSet,
        ThemeViewSet,
        GCMObjectiveViewSet,
        TargetGroupViewSet,
        ResourceTypeViewSet,
    )


register_snippet(TaxonomyGroup)
