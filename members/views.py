"""Thin views: parse input, call a selector or a service, render."""

from __future__ import annotations

import json

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.access import is_secretariat, secretariat_required
from members import selectors, services
from members.adapters import INVITATION_SESSION_KEY
from members.forms import (
    BulkInvitationForm,
    DeletionRequestForm,
    DirectoryFilterForm,
    InvitationForm,
    MemberRoleForm,
    NotificationForm,
    ProfileForm,
)
from members.models import Invitation

PAGE_SIZE = 24
PHOTO_CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}


def invitation_accept(request, token: str):
    """The link in the invitation e-mail: remember the invitation, then on to sign-up."""
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        return render(request, "members/invitation_invalid.html", {"reason": "unknown"}, status=404)
    if not invitation.is_usable:
        return render(
            request,
            "members/invitation_invalid.html",
            {"reason": invitation.status, "invitation": invitation},
            status=410,
        )
    if request.user.is_authenticated:
        return render(
            request, "members/invitation_signed_in.html", {"invitation": invitation}, status=409
        )
    request.session[INVITATION_SESSION_KEY] = invitation.pk
    # Opening the link proves the address is the invitee's: allauth marks it verified on sign-up.
    get_adapter(request).stash_verified_email(request, invitation.email)
    return redirect("account_signup")


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.find_members(
        viewer=request.user,
        page_number=request.GET.get("page"),
        per_page=PAGE_SIZE,
        **{k: v or "" for k, v in filters.items()},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/directory.html",
        {
            "form": form,
            "page_obj": found.page,
            "query": query.urlencode(),
            "search_unavailable": found.search_unavailable,
        },
    )


def member_detail(request, pk: int):
    member = selectors.member_for_viewer(viewer=request.user, pk=pk)
    if member is None:
        raise Http404
    return render(
        request,
        "members/member_detail.html",
        {
            "member": member,
            "profile": selectors.profile_of(member),
            "role": selectors.role_of(member),
            "show_email": selectors.email_visible(viewer=request.user, member=member),
            "can_manage": is_secretariat(request.user),
        },
    )


def member_photo(request, pk: int):
    profile = selectors.profile_with_photo_for_viewer(viewer=request.user, pk=pk)
    if profile is None:
        raise Http404
    extension = profile.photo.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        profile.photo.open("rb"), content_type=PHOTO_CONTENT_TYPES.get(extension, "image/jpeg")
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def profile_edit(request):
    profile = services.profile_for_edit(user=request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expertise = data.pop("expertise")
        services.profile_update(profile=profile, data=data, expertise=expertise)
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:profile_edit")
    return render(request, "members/profile_edit.html", {"form": form, "profile": profile})


def notifications(request):
    current = selectors.notification_frequency(request.user)
    form = NotificationForm(request.POST or None, initial={"notification_frequency": current})
    if request.method == "POST" and form.is_valid():
        services.notification_frequency_set(
            user=request.user, frequency=form.cleaned_data["notification_frequency"]
        )
        messages.success(request, _("Your notification preference has been saved."))
        return redirect("members:notifications")
    return render(request, "members/notifications.html", {"form": form})


def my_data(request):
    open_request = selectors.deletion_request_open(user=request.user)
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.deletion_request_create(user=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("Your request has been sent. The secretariat will confirm it shortly.")
        )
        return redirect("members:my_data")
    return render(request, "members/my_data.html", {"form": form, "deletion_request": open_request})


def my_data_download(request):
    data = selectors.member_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@require_POST
def deletion_request_cancel(request):
    services.deletion_request_cancel(user=request.user)
    messages.success(request, _("Your deletion request has been withdrawn."))
    return redirect("members:my_data")


# --- Secretariat ---------------------------------------------------------------------------


@secretariat_required
def invitation_list(request):
    status = request.GET.get("status", "")
    invitations = selectors.invitation_list(status=status)
    page = Paginator(invitations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "members/invitation_list.html",
        {"page_obj": page, "status": status, "statuses": Invitation.Status.choices},
    )


@secretariat_required
def invitation_create(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(invited_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("email", exc)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("members:invitation_list")
    return render(
        request,
        "members/invitation_form.html",
        {"form": form, "days": settings.MEMBERS_INVITATION_DAYS},
    )


@secretariat_required
def invitation_bulk(request):
    form = BulkInvitationForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = services.invitation_bulk_create(
            text=data["text"],
            role=data["role"],
            invited_by=request.user,
            country=data["country"],
            organisation=data["organisation"],
            focal_point=data["focal_point"],
            language=data["language"],
        )
        if result.created:
            messages.success(
                request,
                ngettext(
                    "%(count)d invitation sent.",
                    "%(count)d invitations sent.",
                    len(result.created),
                )
                % {"count": len(result.created)},
            )
        if not result.errors:
            return redirect("members:invitation_list")
    return render(request, "members/invitation_bulk.html", {"form": form, "result": result})


@require_POST
@secretariat_required
def invitation_resend(request, pk: int):
    invitation = get_object_or_404(selectors.invitation_list(), pk=pk)
    try:
        services.invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Invitation sent again to %(email)s.") % {"email": invitation.email}
        )
    return redirect("members:invitation_list")


@require_POST
@secretariat_required
def invitation_revoke(request, pk: int):
    invitation = get_object_or_404(selectors.invitation_list(), pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Invitation to %(email)s revoked.") % {"email": invitation.email}
        )
    return redirect("members:invitation_list")


@secretariat_required
def member_manage(request, pk: int):
    member = get_object_or_404(selectors.members_manageable(), pk=pk)
    profile = selectors.profile_of(member)
    form = MemberRoleForm(
        request.POST or None,
        initial={
            "role": selectors.role_of(member),
            "focal_point": bool(profile and profile.focal_point),
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "deactivate":
            try:
                services.member_deactivate(user=member, by=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("The account of %(name)s has been deactivated.") % {"name": member}
                )
            return redirect("members:member_manage", pk=member.pk)
        if action == "reactivate":
            services.member_reactivate(user=member)
            messages.success(
                request, _("The account of %(name)s has been reactivated.") % {"name": member}
            )
            return redirect("members:member_manage", pk=member.pk)
        if action == "role" and form.is_valid():
            services.member_set_role(
                user=member,
                role=form.cleaned_data["role"],
                focal_point=form.cleaned_data["focal_point"],
            )
            messages.success(
                request, _("The role of %(name)s has been changed.") % {"name": member}
            )
            return redirect("members:member_manage", pk=member.pk)
    return render(
        request,
        "members/member_manage.html",
        {"member": member, "form": form, "role": selectors.role_of(member)},
    )


@secretariat_required
def deletion_request_list(request):
    requests = selectors.deletion_request_list()
    return render(request, "members/deletion_request_list.html", {"requests": requests})


@require_POST
@secretariat_required
def deletion_request_confirm(request, pk: int):
    deletion_request = get_object_or_404(selectors.deletion_requests_unconfirmed(), pk=pk)
    services.deletion_request_confirm(deletion_request=deletion_request, by=request.user)
    messages.success(request, _("The member's personal data has been removed."))
    return redirect("members:deletion_request_list")
