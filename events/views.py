"""Thin views: parse the request, ask access, call one service or selector, answer.

What a member may not see answers 404 (``access.event_or_404``); the secretariat's tools answer
403 to everyone else (``access.require_manager``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.links import localized_url
from core.params import bounded_int
from events import access, exports, selectors, services
from events.calendar import build_calendar, event_ics
from events.forms import ConsultationResponseForm, MessageForm, RegistrationForm
from events.links import absolute_url
from events.models import ConsultationPage, EventPage, Registration, RegistrationStatus


def _event(request, event_id: int) -> EventPage:
    return access.event_or_404(request.user, EventPage.objects.live().filter(pk=event_id).first())


def _managed_event(request, event_id: int) -> EventPage:
    access.require_manager(request.user)
    return get_object_or_404(EventPage, pk=event_id)


def _consultation(request, page_id: int) -> ConsultationPage:
    consultation = ConsultationPage.objects.live().filter(pk=page_id).first()
    return access.event_or_404(request.user, consultation)


@require_POST
def register(request, event_id: int):
    event = _event(request, event_id)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check your answers."))
        return redirect(localized_url(event, request))
    try:
        registration = services.registration_create(
            event=event, user=request.user, answers=form.cleaned_data
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("You cannot register for this event."))
        return redirect(localized_url(event, request))
    notes: dict[str, str] = {
        RegistrationStatus.CONFIRMED: _("Your place is confirmed. A confirmation is on its way."),
        RegistrationStatus.WAITLISTED: _("The event is full: you are on the waiting list."),
        RegistrationStatus.PENDING: _("Thank you. The secretariat will confirm your place."),
    }
    messages.success(request, notes[registration.status])
    return redirect(localized_url(event, request))


@require_POST
def cancel(request, event_id: int):
    event = _event(request, event_id)
    registration = access.cancel_or_404(
        request.user, selectors.registration_of(event=event, user=request.user)
    )
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(localized_url(event, request))


@require_GET
def event_calendar(request, event_id: int):
    event = _event(request, event_id)
    registration = selectors.registration_of(event=event, user=request.user)
    include_link = access.can_see_online_link(request.user, event, registration)
    response = HttpResponse(
        event_ics(event, registration=registration, include_link=include_link),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_GET
def feed(request, token: str):
    """A member's events for calendar apps, which carry no session: the token is the key."""
    user = selectors.feed_owner(token=token)
    entries = selectors.member_feed(user=user)
    body = build_calendar(entries, name=_("My events"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def feed_manage(request):
    if request.method == "POST":
        services.feed_token_rotate(user=request.user)
        messages.success(request, _("A new address was made; the old one no longer works."))
        return redirect("events:feed_manage")
    token = services.feed_token_get_or_create(user=request.user)
    url = absolute_url(reverse("events:feed", kwargs={"token": token.token}))
    webcal = "webcal://" + url.split("://", 1)[1]
    return render(request, "events/feed_manage.html", {"feed_url": url, "webcal_url": webcal})


def _manage_page(request, event: EventPage, form: MessageForm, status: int = 200):
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "registrations": selectors.registrants(event=event),
            "seats": selectors.seat_counts(event=event),
            "message_form": form,
        },
        status=status,
    )


@require_GET
def manage(request, event_id: int):
    event = _managed_event(request, event_id)
    return _manage_page(request, event, MessageForm())


@require_POST
def decide(request, registration_id: int):
    access.require_manager(request.user)
    registration = get_object_or_404(Registration, pk=registration_id)
    approve = request.POST.get("decision") == "approve"
    services.registration_decide(registration=registration, approve=approve)
    messages.success(request, _("Decision recorded."))
    return redirect("events:manage", event_id=registration.event_id)


@require_POST
def attendance(request, event_id: int):
    event = _managed_event(request, event_id)
    # A number too large to be an id is nobody's registration: it is dropped.
    ids = [bounded_int(v, minimum=1) for v in request.POST.getlist("attended")]
    services.attendance_mark(event=event, attended_ids=[pk for pk in ids if pk is not None])
    messages.success(request, _("Attendance saved."))
    return redirect("events:manage", event_id=event.pk)


@require_POST
def message(request, event_id: int):
    event = _managed_event(request, event_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, event, form, status=400)
    services.registrants_message(
        event=event,
        subject=form.cleaned_data["subject"],
        body=form.cleaned_data["body"],
        statuses=form.cleaned_data["statuses"],
        sender=request.user,
    )
    messages.success(request, _("Your message is being sent."))
    return redirect("events:manage", event_id=event.pk)


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def export_csv(request, event_id: int):
    event = _managed_event(request, event_id)
    header, rows = exports.registrant_rows(selectors.registrants(event=event))
    return _attachment(
        exports.to_csv(header, rows), "text/csv; charset=utf-8", f"registrants-{event.pk}.csv"
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
def export_xlsx(request, event_id: int):
    event = _managed_event(request, event_id)
    header, rows = exports.registrant_rows(selectors.registrants(event=event))
    body = exports.to_xlsx([(_("Registrants"), header, rows)])
    return _attachment(body, XLSX, f"registrants-{event.pk}.xlsx")


@require_POST
def consultation_respond(request, page_id: int):
    consultation = _consultation(request, page_id)
    form = ConsultationResponseForm(request.POST, questions=consultation.questions.all())
    form.is_valid()
    try:
        outcome = services.consultation_response_record(
            consultation=consultation,
            user=request.user,
            answers=form.answers(),
            submit="submit" in request.POST,
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(localized_url(consultation, request))
    if outcome.missing:
        messages.error(
            request,
            _("Your draft is saved, but these questions need an answer before you submit: %s")
            % "; ".join(outcome.missing),
        )
    elif outcome.submitted:
        messages.success(
            request, _("Your answers are submitted. You can change them until the deadline.")
        )
    else:
        messages.success(request, _("Your draft is saved."))
    return redirect(localized_url(consultation, request))


@require_GET
def consultation_answers(request, page_id: int):
    consultation = _consultation(request, page_id)
    access.answers_or_404(request.user, consultation)
    return render(
        request,
        "events/consultation_answers.html",
        {
            "consultation": consultation,
            "questions": list(consultation.questions.all()),
            "responses": selectors.consultation_answers(consultation=consultation),
            "can_manage": access.can_manage_events(request.user),
        },
    )


@require_GET
def consultation_export(request, page_id: int):
    access.require_manager(request.user)
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    responses = selectors.consultation_answers(consultation=consultation, submitted_only=False)
    header, rows = exports.consultation_rows(consultation, responses)
    body = exports.to_xlsx([(_("Answers"), header, rows)])
    return _attachment(body, XLSX, f"consultation-{consultation.pk}.xlsx")
