"""Needs and requests on the member site: filing, "My requests", and the secretariat's queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import bounded_int
from knowledge import access_requests as access
from knowledge import selectors_requests as selectors
from knowledge import services_requests as services
from knowledge.access import can_view_note
from knowledge.forms_requests import (
    PeerExchangeForm,
    StateChangeForm,
    TrainingNeedForm,
    queue_filters,
)
from knowledge.models import PracticeNotePage
from knowledge.models.requests import PEER_EXCHANGE_KINDS, RequestKind, RequestState
from taxonomy.models import Country, label_order


def my_requests(request):
    return render(
        request,
        "knowledge/requests/my_requests.html",
        {
            "groups": selectors.my_requests(user=request.user),
            "may_file": access.can_file_training_need(request.user),
            "sees_country": access.sees_country_requests(request.user),
        },
    )


def training_need_new(request):
    if not access.can_file_training_need(request.user):
        # Only government officials with a country file training needs.
        raise PermissionDenied
    form = TrainingNeedForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            filed = services.training_need_file(requester=request.user, **form.cleaned_data)
            messages.success(request, _("Your training need has been sent to the secretariat."))
            return redirect("knowledge:request_detail", request_id=filed.pk)
        return render(
            request, "knowledge/requests/training_need_form.html", {"form": form}, status=400
        )
    return render(request, "knowledge/requests/training_need_form.html", {"form": form})


def _note_or_404(user, note_id: int) -> PracticeNotePage:
    from django.http import Http404

    note = PracticeNotePage.objects.live().filter(pk=note_id).first()
    if note is None or not can_view_note(user, note):
        raise Http404
    return note


def peer_exchange_new(request, note_id: int):
    note = _note_or_404(request.user, note_id)
    kind = request.GET.get("kind")
    initial = {"kind": kind} if kind in PEER_EXCHANGE_KINDS else {}
    form = PeerExchangeForm(request.POST or None, initial=initial)
    context = {"form": form, "note": note}
    if request.method == "POST":
        if form.is_valid():
            filed = services.peer_exchange_file(
                requester=request.user, note=note, **form.cleaned_data
            )
            messages.success(request, _("Your request has been sent to the secretariat."))
            return redirect("knowledge:request_detail", request_id=filed.pk)
        return render(request, "knowledge/requests/peer_exchange_form.html", context, status=400)
    return render(request, "knowledge/requests/peer_exchange_form.html", context)


def _detail(request, capacity_request, form=None, status=200):
    if form is None and access.can_triage(request.user) and capacity_request.next_states:
        form = StateChangeForm(request=capacity_request)
    return render(
        request,
        "knowledge/requests/detail.html",
        {"item": capacity_request, "form": form, "triage": access.can_triage(request.user)},
        status=status,
    )


def request_detail(request, request_id: int):
    capacity_request = selectors.request_detail(user=request.user, request_id=request_id)
    return _detail(request, capacity_request)


@require_POST
def request_change(request, request_id: int):
    capacity_request = selectors.request_detail(user=request.user, request_id=request_id)
    if not access.can_triage(request.user):
        raise PermissionDenied
    if not capacity_request.next_states:
        messages.error(request, _("This request is closed: its state cannot change."))
        return _detail(request, capacity_request, status=409)
    form = StateChangeForm(request.POST, request=capacity_request)
    if not form.is_valid():
        return _detail(request, capacity_request, form=form, status=400)
    data = form.cleaned_data
    try:
        services.request_state_change(
            request=capacity_request,
            to_state=data["to_state"],
            by=request.user,
            note=data["note"],
            reason=data.get("reason", ""),
            event=data.get("event"),
        )
    except ValidationError as error:
        # Someone else moved it on meanwhile: say so, keep what was typed.
        form.add_error(None, error.messages[0] if error.messages else _("Try again."))
        return _detail(request, capacity_request, form=form, status=409)
    messages.success(request, _("The request's state is saved and the requester is told."))
    return redirect("knowledge:request_detail", request_id=capacity_request.pk)


def queue(request):
    if not access.can_triage(request.user):
        raise PermissionDenied
    filters = queue_filters(request.GET)
    page_obj = selectors.queue_page(
        filters=filters, page_number=bounded_int(request.GET.get("page"), minimum=1, default=1)
    )
    return render(
        request,
        "knowledge/requests/queue.html",
        {
            "page_obj": page_obj,
            "filters": filters,
            "states": RequestState.choices,
            "kinds": RequestKind.choices,
            "countries": label_order(Country.objects.filter(eastern_partnership=True)),
        },
    )
