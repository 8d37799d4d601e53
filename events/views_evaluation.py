"""Evaluation and certificates: thin views over ``events.evaluation`` and ``events.certificates``.

The participant's pages answer 404 to a member who is not a participant (nothing to see); the
secretariat's answer 403 to everyone else (``access.require_manager``), like the other tools.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.links import localized_url
from core.pdf import pdf_response
from events import access, certificates, evaluation
from events.forms_evaluation import EvaluationForm, RevokeForm, VerifyForm
from events.models import Certificate, EvaluationPhase, EventPage, Registration

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _event(request, event_id: int) -> EventPage:
    return access.event_or_404(request.user, EventPage.objects.live().filter(pk=event_id).first())


def _managed_event(request, event_id: int) -> EventPage:
    access.require_manager(request.user)
    return get_object_or_404(EventPage, pk=event_id)


def _answer(request, event_id: int, phase: str):
    event = _event(request, event_id)
    registration = get_object_or_404(Registration, event=event, user=request.user)
    openness = evaluation.can_answer(request.user, event, phase, registration=registration)
    questions = evaluation.questions_for(event=event, phase=phase)
    template = "events/evaluation/form.html"
    context = {"event": event, "phase": phase, "openness": openness}
    if not openness.allowed:
        return render(request, template, context, status=200 if request.method == "GET" else 409)
    form = EvaluationForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST":
        if form.is_valid():
            try:
                evaluation.evaluation_submit(
                    registration=registration, phase=phase, answers=form.cleaned_data
                )
            except evaluation.AlreadySubmitted:
                messages.info(request, _("You have already answered. Thank you."))
            else:
                messages.success(request, _("Thank you: your answers are recorded anonymously."))
            return redirect(localized_url(event, request))
        return render(request, template, {**context, "form": form}, status=400)
    return render(request, template, {**context, "form": form})


@require_http_methods(["GET", "POST"])
def evaluation_form(request, event_id: int):
    return _answer(request, event_id, EvaluationPhase.POST)


@require_http_methods(["GET", "POST"])
def pretest_form(request, event_id: int):
    return _answer(request, event_id, EvaluationPhase.PRE)


@require_GET
def results(request, event_id: int):
    event = _managed_event(request, event_id)
    return render(
        request,
        "events/evaluation/results.html",
        {
            "event": event,
            "results": evaluation.results_for(event=event),
            "min_responses": evaluation.MIN_RESPONSES,
        },
    )


@require_GET
def results_export(request, event_id: int):
    event = _managed_event(request, event_id)
    results = evaluation.results_for(event=event)
    if not results.shown:
        return render(
            request,
            "events/evaluation/results.html",
            {"event": event, "results": results, "min_responses": evaluation.MIN_RESPONSES},
            status=409,
        )
    response = HttpResponse(evaluation.results_xlsx(results), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="evaluation-{event.pk}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def certificate_download(request, event_id: int):
    """The member's own certificate: there is no URL for anyone else's."""
    event = _event(request, event_id)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user"), event=event, user=request.user
    )
    eligible = certificates.eligibility(registration)
    if not eligible.allowed:
        messages.error(request, str(eligible.reason))
        return redirect(localized_url(event, request))
    certificate = certificates.certificate_issue(registration=registration)
    return pdf_response(
        request, certificates.certificate_pdf(certificate), f"certificate-{certificate.code}.pdf"
    )


@require_GET
def certificate_list(request, event_id: int):
    event = _managed_event(request, event_id)
    return render(
        request,
        "events/evaluation/certificates.html",
        {"event": event, "certificates": certificates.certificates_of(event=event)},
    )


@require_http_methods(["GET", "POST"])
def certificate_revoke(request, certificate_id: int):
    access.require_manager(request.user)
    certificate = get_object_or_404(
        Certificate.objects.select_related("registration__event"), pk=certificate_id
    )
    event = certificate.registration.event
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            certificates.certificate_revoke(
                certificate=certificate, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The certificate is revoked."))
            return redirect("events:certificate_list", event_id=event.pk)
        status = 400
    else:
        status = 200
    return render(
        request,
        "events/evaluation/revoke.html",
        {"event": event, "certificate": certificate, "form": form},
        status=status,
    )


@require_GET
def verify_form(request):
    """Anyone: type a code (the page outside the members-only gate, with ``verify``)."""
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        certificate = certificates.certificate_by_code(form.cleaned_data["code"])
        if certificate is not None:
            return redirect("verify:certificate", code=certificate.code)
        return render(
            request,
            "events/evaluation/verify.html",
            {"form": form, "unknown": True},
            status=404,
        )
    return render(
        request,
        "events/evaluation/verify.html",
        {"form": form},
        status=400 if request.GET else 200,
    )


@require_GET
def verify(request, code: str):
    """Only the name, the event and its dates, and whether the certificate stands."""
    certificate = certificates.certificate_by_code(code)
    if certificate is None:
        return render(
            request,
            "events/evaluation/verify.html",
            {"form": VerifyForm(initial={"code": code}), "unknown": True},
            status=404,
        )
    event = certificate.registration.event
    return render(
        request,
        "events/evaluation/verify.html",
        {"form": VerifyForm(), "certificate": certificate, "event": event},
    )
