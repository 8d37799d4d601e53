from django.http import Http404
from wagtail import hooks

from core.documents import can_download_document


@hooks.register("before_serve_document")
def guard_documents(document, request):
    """Every document download asks the one guard; what a member may not see is not there."""
    if not can_download_document(request.user, document):
        raise Http404
