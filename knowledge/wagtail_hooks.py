from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.models import (
    Country,
    GCMObjective,
    PracticeNotePage,
    ResourceType,
    TargetGroup,
    Theme,
)


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "code", "eastern_partnership", "active"]
    list_filter = ["eastern_partnership", "active"]
    search_fields = ["name", "code"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "active"]
    search_fields = ["name"]


class GCMObjectiveViewSet(SnippetViewSet):
    model = GCMObjective
    icon = "list-ol"
    list_display = ["number", "name", "active"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug", "active"]


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-full"
    list_display = ["name", "slug", "active"]


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


# --- practice notes and their documents ----------------------------------------------------
@hooks.register("before_serve_document")
def guard_note_documents(document, request):
    """A document used by restricted notes goes only to those who may read one of them."""
    from knowledge.access import can_download_document

    if not can_download_document(request.user, document):
        raise Http404


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts(parent_page, pages, request):
    """Experts see published notes and their own drafts, not colleagues' unfinished work."""
    from core.access import is_secretariat

    if is_secretariat(request.user):
        return pages
    note_type = ContentType.objects.get_for_model(PracticeNotePage)
    return pages.exclude(Q(content_type=note_type, live=False) & ~Q(owner=request.user))


@hooks.register("register_admin_urls")
def import_urls():
    from knowledge import admin_views

    return [
        path("library/import/", admin_views.import_upload, name="knowledge_import"),
        path(
            "library/import/confirm/", admin_views.import_confirm, name="knowledge_import_confirm"
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from core.access import is_secretariat

        return is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import practices"), reverse("knowledge_import"), icon_name="upload", order=310
    )


from knowledge import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from knowledge import search as _search  # noqa: E402, F401 - registers its search sources
