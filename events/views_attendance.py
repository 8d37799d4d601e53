"""The secretariat's check-in tools and the participant's personal code.

Check-in pages answer 403 to anyone but the secretariat (``access.require_manager``, like the
other registrant tools); a participant's code is theirs and the secretariat's, and is not there
for anyone else (404).
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from events import access, access_attendance, selectors_attendance, services_attendance
from events.forms_attendance import CheckInCodeForm
from events.models import AttendanceMode, EventPage, Registration, RegistrationStatus


def _managed_event(request, event_id: int) -> EventPage:
    access.require_manager(request.user)
    return get_object_or_404(EventPage, pk=event_id)


def _list_context(request, event: EventPage, query: str) -> dict:
    return {
        "event": event,
        "rows": selectors_attendance.check_in_list(event=event, query=query),
        "counts": selectors_attendance.attendance_counts(event=event),
        "query": query,
        "online": selectors_attendance.has_online_part(event),
        "started": event.starts_at <= timezone.now(),
    }


@require_GET
def check_in_list(request, event_id: int):
    event = _managed_event(request, event_id)
    query = request.GET.get("q", "")
    return render(request, "events/attendance/check_in.html", _list_context(request, event, query))


@require_GET
def sign_in_sheet(request, event_id: int):
    event = _managed_event(request, event_id)
    return render(
        request, "events/attendance/sign_in_sheet.html", _list_context(request, event, "")
    )


ACTIONS = {"in", "online", "undo", "absent"}


@require_POST
def check_in_action(request, registration_id: int):
    access.require_manager(request.user)
    registration = get_object_or_404(
        Registration.objects.select_related("user", "event"), pk=registration_id
    )
    event = registration.event
    action = request.POST.get("action", "")
    query = request.POST.get("q", "")[:100]
    name = registration.user.display_name
    if action not in ACTIONS or registration.status != RegistrationStatus.CONFIRMED:
        context = _list_context(request, event, query)
        context["error"] = _("Only a confirmed participant can be checked in.")
        return render(request, "events/attendance/check_in.html", context, status=400)
    if action == "in":
        services_attendance.check_in_record(registration=registration, by=request.user)
        messages.success(request, _("%(name)s is checked in.") % {"name": name})
    elif action == "online":
        services_attendance.check_in_record(
            registration=registration, by=request.user, mode=AttendanceMode.ONLINE
        )
        messages.success(request, _("%(name)s attended online.") % {"name": name})
    elif action == "absent":
        services_attendance.absent_mark(registration=registration)
        messages.success(request, _("%(name)s did not attend.") % {"name": name})
    else:
        services_attendance.check_in_undo(registration=registration)
        messages.success(
            request, _("The attendance of %(name)s is no longer recorded.") % {"name": name}
        )
    url = reverse("events:check_in", kwargs={"event_id": event.pk})
    if query:
        url += "?" + urlencode({"q": query})
    return redirect(f"{url}#r-{registration.pk}")


@require_POST
def no_shows(request, event_id: int):
    event = _managed_event(request, event_id)
    if event.starts_at > timezone.now():
        context = _list_context(request, event, "")
        context["error"] = _("No-shows can be marked once the event has started.")
        return render(request, "events/attendance/check_in.html", context, status=400)
    marked = services_attendance.no_shows_mark(event=event)
    messages.success(request, _("Marked as not attended: %(n)s.") % {"n": marked})
    return redirect("events:check_in", event_id=event.pk)


@require_http_methods(["GET", "POST"])
def scan(request, event_id: int):
    event = _managed_event(request, event_id)
    form = CheckInCodeForm(request.POST or None)
    context = {"event": event, "form": form, "outcome": None}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            outcome = services_attendance.check_in_by_code(
                event=event, code=form.cleaned_data["code"], by=request.user
            )
            context["outcome"] = outcome
            if outcome.error:
                status = 400
            else:
                context["form"] = CheckInCodeForm()  # ready for the next person
        else:
            status = 400
    context["counts"] = selectors_attendance.attendance_counts(event=event)
    return render(request, "events/attendance/scan.html", context, status=status)


def _code_registration(request, registration_id: int) -> Registration:
    registration = (
        Registration.objects.filter(pk=registration_id).select_related("user", "event").first()
    )
    return access_attendance.check_in_code_or_404(request.user, registration)


@require_GET
def code_svg(request, registration_id: int):
    registration = _code_registration(request, registration_id)
    token = services_attendance.check_in_token(registration=registration)
    body = io.BytesIO()
    segno.make(token, error="m").save(
        body,
        kind="svg",
        scale=8,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgclass=None,
        lineclass=None,
    )
    response = HttpResponse(body.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def code_page(request, registration_id: int):
    registration = _code_registration(request, registration_id)
    return render(
        request,
        "events/attendance/code.html",
        {
            "registration": registration,
            "event": registration.event,
            "token": services_attendance.check_in_token(registration=registration),
        },
    )
