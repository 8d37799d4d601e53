"""The secretariat's spreadsheet import in the Wagtail admin: upload, dry-run report, confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.access import is_secretariat
from knowledge.forms import ImportForm
from knowledge.imports import (
    COLUMNS,
    ImportFileError,
    import_library,
    practices_import,
    upload_stage,
    upload_take,
)

SESSION_KEY = "knowledge_import"


def _guard(request):
    if not is_secretariat(request.user):
        raise PermissionDenied


def import_upload(request):
    _guard(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    library = import_library()
    if request.method == "POST" and form.is_valid() and library is not None:
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            report = practices_import(name=upload.name, data=data, library=library, dry_run=True)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            stored = upload_stage(name=upload.name, data=data)
            request.session[SESSION_KEY] = {
                "path": stored,
                "name": upload.name,
                "skip_bad_rows": form.cleaned_data["skip_bad_rows"],
            }
    return TemplateResponse(
        request,
        "knowledge/admin/import.html",
        {
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "library": library,
            "pending": request.session.get(SESSION_KEY),
        },
    )


@require_POST
def import_confirm(request):
    _guard(request)
    pending = request.session.pop(SESSION_KEY, None)
    library = import_library()
    data = upload_take(path=pending["path"]) if pending and library is not None else None
    if data is None or library is None:
        messages.error(
            request, _("Upload the file again: the checked file is no longer available.")
        )
        return redirect("knowledge_import")
    report = practices_import(
        name=pending["name"],
        data=data,
        library=library,
        user=request.user,
        skip_bad_rows=pending["skip_bad_rows"],
    )
    if report.imported:
        messages.success(
            request,
            ngettext(
                "Imported: %(created)s new practice, %(updated)s updated.",
                "Imported: %(created)s new practices, %(updated)s updated.",
                len(report.created),
            )
            % {"created": len(report.created), "updated": len(report.updated)},
        )
    else:
        messages.error(request, _("Nothing was imported: some rows are bad."))
    return TemplateResponse(
        request,
        "knowledge/admin/import.html",
        {"form": ImportForm(), "report": report, "columns": COLUMNS, "library": library},
    )
