"""Thin views: parse the request, ask access, call one service, answer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.links import localized_url
from events import access, exports, selectors, services
from events.calendar import build_calendar, event_ics
from events.forms import ConsultationResponseForm, MessageForm, RegistrationForm
from events.models import (
    CalendarFeedToken,
    ConsultationPage,
    EventPage,
    Registration,
    RegistrationStatus,
)


def _event(request, event_id: int) -> EventPage:
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None or not access.can_view_event(request.user, event):
        raise Http404
    return event


def _managed_event(request, event_id: int) -> EventPage:
    if not access.can_manage_events(request.user):
        raise PermissionDenied
    return get_object_or_404(EventPage, pk=event_id)


def _consultation(request, page_id: int) -> ConsultationPage:
    consultation = ConsultationPage.objects.live().filter(pk=page_id).first()
    if consultation is None or not access.can_view_event(request.user, consultation):
        raise Http404
    return consultation


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
    notes = {
        RegistrationStatus.CONFIRMED: _("Your place is confirmed. A confirmation is on its way."),
        RegistrationStatus.WAITLISTED: _("The event is full: you are on the waiting list."),
        RegistrationStatus.PENDING: _("Thank you. The secretariat will confirm your place."),
    }
    messages.success(request, notes[registration.status])
    return redirect(localized_url(event, request))


@require_POST
def cancel(request, event_id: int):
    event = _event(request, event_id)
    registration = selectors.registration_of(event=event, user=request.user)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        raise Http404
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(localized_url(event, request))


@require_GET
def event_calendar(request, event_id: int):
    event = _event(request, event_id)
    registration = selectors.registration_of(event=event, user=request.user)
    include_link = access.can_see_online_link(request.user, event, registration)
    response = HttpResponse(
        event_ics(event, include_link=include_link), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_GET
def feed(request, token: str):
    """A member's events for calendar apps, which carry no session: the token is the key."""
    feed_token = CalendarFeedToken.objects.filter(token=token).select_related("user").first()
    if feed_token is None or not feed_token.user.is_active:
        raise Http404
    user = feed_token.user
    pairs = selectors.member_feed_events(user=user)
    events = [event for event, _registration in pairs]
    sequences = {e.pk: (e.ledger.sequence if hasattr(e, "ledger") else 0) for e in events}
    link_for = {e.pk for e, r in pairs if access.can_see_online_link(user, e, r)}
    body = build_calendar(
        events, sequences=sequences, link_for=link_for, name=_("My events"), method="PUBLISH"
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def feed_manage(request):
    if request.method == "POST":
        services.feed_token_rotate(user=request.user)
        messages.success(request, _("A new address was made; the old one no longer works."))
        return redirect("events:feed_manage")
    token = services.feed_token_get_or_create(user=request.user)
    url = request.build_absolute_uri(reverse("events:feed", kwargs={"token": token.token}))
    webcal = "webcal://" + url.split("://", 1)[1]
    return render(request, "events/feed_manage.html", {"feed_url": url, "webcal_url": webcal})


@require_GET
def manage(request, event_id: int):
    event = _managed_event(request, event_id)
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "registrations": selectors.registrants(event=event),
            "seats": selectors.seat_counts(event=event),
            "message_form": MessageForm(),
        },
    )


@require_POST
def decide(request, registration_id: int):
    if not access.can_manage_events(request.user):
        raise PermissionDenied
    registration = get_object_or_404(Registration, pk=registration_id)
    approve = request.POST.get("decision") == "approve"
    services.registration_decide(registration=registration, approve=approve)
    messages.success(request, _("Decision recorded."))
    return redirect("events:manage", event_id=registration.event_id)


@require_POST
def attendance(request, event_id: int):
    event = _managed_event(request, event_id)
    ids = [int(v) for v in request.POST.getlist("attended") if v.isdigit()]
    services.attendance_mark(event=event, attended_ids=ids)
    messages.success(request, _("Attendance saved."))
    return redirect("events:manage", event_id=event.pk)


@require_POST
def message(request, event_id: int):
    event = _managed_event(request, event_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        services.registrants_message(
            event=event,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            statuses=form.cleaned_data["statuses"],
            sender=request.user,
        )
        messages.success(request, _("Your message is being sent."))
        return redirect("events:manage", event_id=event.pk)
    return render(
        request,
        "events/manage.html",
        {
            "event": event,
            "registrations": selectors.registrants(event=event),
            "seats": selectors.seat_counts(event=event),
            "message_form": form,
        },
        status=400,
    )


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
    submit = "submit" in request.POST
    try:
        services.consultation_response_save(
            consultation=consultation, user=request.user, answers=form.answers(), submit=submit
        )
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(localized_url(consultation, request))
    except ValidationError as exc:
        missing = exc.message_dict.get("missing", [])
        services.consultation_response_save(
            consultation=consultation, user=request.user, answers=form.answers(), submit=False
        )
        messages.error(
            request,
            _("Your draft is saved, but these questions need an answer before you submit: %s")
            % "; ".join(missing),
        )
        return redirect(localized_url(consultation, request))
    if submit:
        messages.success(
            request, _("Your answers are submitted. You can change them until the deadline.")
        )
    else:
        messages.success(request, _("Your draft is saved."))
    return redirect(localized_url(consultation, request))


@require_GET
def consultation_answers(request, page_id: int):
    consultation = _consultation(request, page_id)
    if not access.can_view_answers(request.user, consultation):
        raise PermissionDenied
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
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if not access.can_manage_events(request.user):
        raise PermissionDenied
    responses = selectors.consultation_answers(consultation=consultation, submitted_only=False)
    header, rows = exports.consultation_rows(consultation, responses)
    body = exports.to_xlsx([(_("Answers"), header, rows)])
    return _attachment(body, XLSX, f"consultation-{consultation.pk}.xlsx")
