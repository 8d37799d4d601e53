from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from knowledge.models import PracticeNotePage


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
