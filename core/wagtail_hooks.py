"""The access layer in Wagtail: one guard for downloads, and the admin narrowed to tiers."""

from django.http import Http404
from wagtail import hooks
from wagtail.documents import wagtail_hooks as wagtaildocs_hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from core.admin_access import TieredPagePermissionPolicy, filter_files, filter_pages
from core.documents import can_download_document


@hooks.register("before_serve_document")
def guard_documents(document, request):
    """Every document download asks the one guard; what a member may not see is not there."""
    if not can_download_document(request.user, document):
        raise Http404


# Wagtail's own check of private collections would send a signed-in member outside the
# collection's groups to the sign-in page (and back: a loop), and turn away secretariat staff
# who are not in those groups. The guard above applies the same restrictions with the access
# layer's keys and answers 404, so Wagtail's copy is withdrawn (imported first so that it is
# registered). Removed unconditionally: if Wagtail ever registers it differently, start-up fails
# here (ValueError) rather than the check silently coming back.
hooks._hooks["before_serve_document"].remove((wagtaildocs_hooks.check_view_restrictions, 0))


# --- the admin: explorer, page search and site history ask the page policy (its
# ``explorable_instances`` already narrows the explorer); choosers ask the hooks
register_permission_policy(Page, TieredPagePermissionPolicy(Page))


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    return filter_pages(request.user, pages)


@hooks.register("construct_document_chooser_queryset")
def chooser_documents(documents, request):
    return filter_files(request.user, documents)


@hooks.register("construct_image_chooser_queryset")
def chooser_images(images, request):
    return filter_files(request.user, images)
