"""Thin views for commitments: the tracker, one commitment with its history, and its update.

What a member may not see answers 404 (``access_commitments.commitment_or_404``); a member who
may read a commitment but not update it gets 403 (``access_commitments.require_updater``).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events import access_commitments, selectors_commitments, services_commitments
from events.forms_commitments import CommitmentUpdateForm


@require_GET
def tracker(request):
    context = selectors_commitments.tracker_context(user=request.user, params=request.GET)
    return render(request, "events/commitments/tracker.html", context)


def _detail(request, commitment, form=None, status: int = 200):
    can_update = access_commitments.can_update_commitment(request.user, commitment)
    if can_update and form is None:
        form = CommitmentUpdateForm(user=request.user, initial={"state": commitment.state})
    context = {
        "commitment": commitment,
        "event": commitment.page,
        "is_overdue": selectors_commitments.is_overdue(commitment, timezone.localdate()),
        "history": selectors_commitments.commitment_history(
            user=request.user, commitment=commitment
        ),
        "can_update": can_update,
        "form": form,
    }
    return render(request, "events/commitments/commitment.html", context, status=status)


@require_GET
def commitment(request, commitment_id: int):
    found = selectors_commitments.commitment_for(user=request.user, commitment_id=commitment_id)
    return _detail(request, found)


@require_POST
def commitment_update(request, commitment_id: int):
    found = selectors_commitments.commitment_for(user=request.user, commitment_id=commitment_id)
    access_commitments.require_updater(request.user, found)
    form = CommitmentUpdateForm(request.POST, user=request.user)
    if not form.is_valid():
        return _detail(request, found, form=form, status=400)
    services_commitments.commitment_update(
        commitment=found,
        user=request.user,
        to_state=form.cleaned_data["state"],
        note=form.cleaned_data["note"],
        evidence_urls=form.cleaned_data["evidence_urls"],
        evidence_page=form.cleaned_data["evidence_page"],
    )
    messages.success(request, _("The commitment's status is updated."))
    return redirect(reverse("events:commitment", kwargs={"commitment_id": found.pk}))
