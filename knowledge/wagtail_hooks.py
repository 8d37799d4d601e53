from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.access import is_secretariat
from core.documents import DOCUMENT_OWNERS_HOOK, IMAGE_OWNERS_HOOK, pages_using
from knowledge.models import (
    CountryIndexPage,
    CountryProfilePage,
    LibraryIndexPage,
    PracticeNotePage,
)

# --- the documents and images the library's pages use (core.documents asks) ----------------
LIBRARY_PAGES = (PracticeNotePage, CountryProfilePage, CountryIndexPage, LibraryIndexPage)


@hooks.register(DOCUMENT_OWNERS_HOOK)
def library_pages_using_document(document):
    """Notes and profiles showing the document in a block or linking it from their text."""
    return pages_using(document, LIBRARY_PAGES)


@hooks.register(IMAGE_OWNERS_HOOK)
def library_pages_using_image(image):
    return pages_using(image, LIBRARY_PAGES)


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
        return is_secretariat(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import practices"), reverse("knowledge_import"), icon_name="upload", order=310
    )


from knowledge import dashboard as _dashboard  # noqa: E402, F401 - registers its dashboard panel
from knowledge import dashboard_requests as _requests  # noqa: E402, F401 - requests' panels
from knowledge import reports as _reports  # noqa: E402, F401 - its donor report section
from knowledge import reports_requests as _reports_requests  # noqa: E402, F401 - requests section
from knowledge import searchable as _searchable  # noqa: E402, F401 - registers its search sources
