"""The donor report: the secretariat picks a period and reads, prints or downloads it.

Only the secretariat may know the report exists: anyone else gets 404, like a page they may not
see. The period comes by GET, so a report can be bookmarked and shared within the secretariat;
a period that cannot be read answers 400 with the form and its errors.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from core.access import is_secretariat
from core.pdf import pdf_response, render_pdf
from home.reports import (
    PeriodForm,
    default_period,
    period_presets,
    report_sections,
    report_workbook,
    shown_sections,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period_or_form(request):
    """The period asked for (the default when none was), or the bound form with its errors."""
    today = timezone.localdate()
    if "start" not in request.GET and "end" not in request.GET:
        period = default_period(today)
        return period, PeriodForm(initial={"start": period.start, "end": period.end})
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return None, form
    return form.period, form


def _context(request, period, form) -> dict:
    generated_at = timezone.now()
    return {
        "form": form,
        "period": period,
        "presets": period_presets(timezone.localdate()),
        "generated_at": generated_at,
        "sections": shown_sections(report_sections(period)) if period else [],
        "query": request.GET.urlencode() if period and request.GET else "",
    }


def _secretariat_only(request) -> None:
    if not is_secretariat(request.user):
        raise Http404


def donor_report(request):
    """The report for a period as a page, printable as a document."""
    _secretariat_only(request)
    period, form = _period_or_form(request)
    context = _context(request, period, form)
    status = 200 if period else 400
    return render(request, "home/report/report.html", context, status=status)


def donor_report_pdf(request):
    _secretariat_only(request)
    period, form = _period_or_form(request)
    if period is None:
        return render(request, "home/report/report.html", _context(request, None, form), status=400)
    context = _context(request, period, form)
    body = render_pdf("home/report/report_pdf.html", context, language=get_language())
    return pdf_response(request, body, f"activity-report-{period.start}-{period.end}.pdf")


def donor_report_xlsx(request):
    _secretariat_only(request)
    period, form = _period_or_form(request)
    if period is None:
        return render(request, "home/report/report.html", _context(request, None, form), status=400)
    body = report_workbook(
        period=period, sections=report_sections(period), generated_at=timezone.now()
    )
    response = HttpResponse(body, content_type=XLSX)
    filename = f"activity-report-{period.start}-{period.end}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
