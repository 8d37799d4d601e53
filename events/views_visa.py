"""Visa invitation letters: the participant gives their passport details, the secretariat
signs the letter off, the participant downloads it. Someone else's letter is not there (404);
the secretariat's list answers 403 to anyone else, like the other registrant tools."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.links import localized_url
from core.pdf import pdf_response
from events import access, access_attendance, selectors_attendance, services_attendance
from events.forms_attendance import VisaDetailsForm, VisaSignForm
from events.models import EventPage, Registration, VisaLetterState


def _registration(request, registration_id: int) -> Registration:
    registration = (
        Registration.objects.filter(pk=registration_id)
        .select_related("user", "event", "country")
        .first()
    )
    return access_attendance.visa_letter_or_404(request.user, registration)


@require_http_methods(["GET", "POST"])
def visa_details(request, registration_id: int):
    registration = _registration(request, registration_id)
    can_edit = access_attendance.can_edit_visa_details(request.user, registration)
    letter = selectors_attendance.visa_letter_of(registration=registration)
    form = VisaDetailsForm(instance=letter)
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404
        form = VisaDetailsForm(request.POST, instance=letter)
        if form.is_valid():
            services_attendance.visa_details_save(
                registration=registration,
                passport_name=form.cleaned_data["passport_name"],
                nationality=form.cleaned_data["nationality"],
                passport_number=form.cleaned_data["passport_number"],
            )
            messages.success(request, _("Thank you. The secretariat will prepare your letter."))
            return redirect(localized_url(registration.event, request))
        status = 400
    return render(
        request,
        "events/attendance/visa_details.html",
        {
            "registration": registration,
            "event": registration.event,
            "letter": letter,
            "form": form,
            "can_edit": can_edit,
        },
        status=status,
    )


@require_GET
def visa_pdf(request, registration_id: int):
    registration = _registration(request, registration_id)
    letter = selectors_attendance.visa_letter_of(registration=registration)
    if letter is None or letter.state != VisaLetterState.SIGNED or not letter.pdf:
        raise Http404
    return pdf_response(request, bytes(letter.pdf), f"visa-letter-{registration.event_id}.pdf")


def _list_page(request, event: EventPage, *, form=None, failed=None, status: int = 200):
    initial = {"signatory_name": request.user.display_name}
    return render(
        request,
        "events/attendance/visa_list.html",
        {
            "event": event,
            "items": selectors_attendance.visa_requests(event=event),
            "sign_form": form or VisaSignForm(initial=initial),
            "failed": failed,
        },
        status=status,
    )


@require_GET
def visa_list(request, event_id: int):
    access.require_manager(request.user)
    event = get_object_or_404(EventPage, pk=event_id)
    return _list_page(request, event)


@require_POST
def visa_sign(request, registration_id: int):
    access.require_manager(request.user)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user"), pk=registration_id
    )
    event = registration.event
    letter = selectors_attendance.visa_letter_of(registration=registration)
    form = VisaSignForm(request.POST)
    if letter is None or not letter.has_details:
        messages.error(request, _("The participant has not given their passport details yet."))
        return _list_page(request, event, status=400)
    if not form.is_valid():
        return _list_page(request, event, form=form, failed=registration.pk, status=400)
    services_attendance.visa_letter_sign(
        letter=letter,
        by=request.user,
        signatory_name=form.cleaned_data["signatory_name"],
        signatory_title=form.cleaned_data["signatory_title"],
        language=form.cleaned_data["language"],
    )
    messages.success(
        request,
        _("The letter for %(name)s is signed; they can download it now.")
        % {"name": registration.user.display_name},
    )
    return redirect("events:visa_list", event_id=event.pk)
