"""The secretariat's review queue in the Wagtail admin: flagged posts, suspensions, the log."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.params import bounded_int

from . import access, selectors, services
from .forms import SuspendForm


def _require_secretariat(request) -> None:
    if not access.can_moderate(request.user):
        raise PermissionDenied


def _page_number(request) -> int:
    return bounded_int(request.GET.get("page"), minimum=1, default=1) or 1


def queue(request):
    _require_secretariat(request)
    posts = Paginator(selectors.moderation_queue(), 25).get_page(_page_number(request))
    return TemplateResponse(
        request,
        "discussions/admin/queue.html",
        {
            "posts": posts,
            "suspensions": selectors.active_suspensions(),
            "suspend_form": SuspendForm(),
        },
    )


@require_POST
def act(request, pk):
    _require_secretariat(request)
    post = selectors.post_for_moderation(pk=pk)
    if post is None:
        raise Http404
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    if action == "hide":
        services.post_hide(moderator=request.user, post=post, reason=reason)
        messages.success(request, _("The post is hidden."))
    elif action == "restore":
        services.post_restore(moderator=request.user, post=post, reason=reason)
        messages.success(request, _("The post is restored."))
    elif action == "dismiss":
        services.flags_dismiss(moderator=request.user, post=post, reason=reason)
        messages.success(request, _("The flags are dismissed."))
    elif action == "lock":
        services.thread_set_locked(
            moderator=request.user, thread=post.thread, locked=True, reason=reason
        )
        messages.success(request, _("The thread is locked."))
    elif action == "suspend" and post.author:
        form = SuspendForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give a reason for the suspension."))
            return redirect("discussions_moderation")
        days = form.cleaned_data.get("days")
        until = timezone.now() + dt.timedelta(days=days) if days else None
        try:
            services.member_suspend(
                moderator=request.user,
                member=post.author,
                reason=form.cleaned_data["reason"],
                until=until,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The member is suspended from posting."))
    else:
        messages.error(request, _("Unknown action."))
    return redirect("discussions_moderation")


@require_POST
def lift(request, user_id):
    _require_secretariat(request)
    member = selectors.member_for_moderation(pk=user_id)
    if member is None:
        raise Http404
    services.suspension_lift(
        moderator=request.user, member=member, reason=request.POST.get("reason", "")
    )
    messages.success(request, _("The suspension is lifted."))
    return redirect("discussions_moderation")


def log(request):
    _require_secretariat(request)
    actions = Paginator(selectors.moderation_log(), 50)
    return TemplateResponse(
        request,
        "discussions/admin/log.html",
        {"actions": actions.get_page(_page_number(request))},
    )
