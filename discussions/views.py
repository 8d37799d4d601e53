"""Thin views: parse the request, ask ``access``/``selectors``, call one service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.params import bounded_int

from . import access, selectors, services
from .emails import read_unsubscribe_token
from .forms import FlagForm, PostForm, ThreadForm
from .models import Subscription
from .rendering import handle_for, quote

THREADS_PER_PAGE = 25


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def _page_number(request) -> int:
    """``?page=``: a page from 1; anything else is the first page, past the end the last."""
    return bounded_int(request.GET.get("page"), minimum=1, default=1) or 1


def _id_param(request, name: str) -> int | None:
    return bounded_int(request.GET.get(name), minimum=1)


@require_GET
def index(request):
    threads = Paginator(selectors.thread_list(user=request.user), THREADS_PER_PAGE)
    return render(
        request,
        "discussions/index.html",
        {
            "topics": selectors.topic_list(user=request.user),
            "threads": threads.get_page(_page_number(request)),
        },
    )


@require_GET
def topic(request, slug):
    topic = access.get_topic_or_404(request.user, slug)
    threads = Paginator(selectors.thread_list(user=request.user, topic=topic), THREADS_PER_PAGE)
    return render(
        request,
        "discussions/topic.html",
        {
            "topic": topic,
            "threads": threads.get_page(_page_number(request)),
            "subscription_level": selectors.subscription_level(user=request.user, topic=topic),
            "can_start": access.can_start_thread_in(request.user, topic=topic),
        },
    )


@require_GET
def page_threads(request, page_id):
    page = access.get_page_or_404(request.user, page_id)
    threads = Paginator(selectors.thread_list(user=request.user, page=page), THREADS_PER_PAGE)
    return render(
        request,
        "discussions/page_threads.html",
        {
            "target": page,
            "threads": threads.get_page(_page_number(request)),
            "can_start": access.can_start_thread_in(request.user, page=page),
        },
    )


def _thread_form_view(request, *, topic=None, page=None):
    form = ThreadForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                topic=topic,
                page=page,
                language=form.cleaned_data["language"],
            )
        except services.RateLimited as exc:
            form.add_error("body", _errors(exc))
            status = 429
        except ValidationError as exc:
            field = "title" if not (form.cleaned_data["title"] or "").strip() else "body"
            form.add_error(field, _errors(exc))
            status = 400
        else:
            messages.success(request, _("Your thread is started."))
            return redirect(thread)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "discussions/thread_form.html",
        {"form": form, "topic": topic, "target": page},
        status=status,
    )


def thread_create(request, slug):
    topic = access.get_topic_or_404(request.user, slug)
    if not access.can_start_thread_in(request.user, topic=topic):
        raise PermissionDenied
    return _thread_form_view(request, topic=topic)


def page_thread_create(request, page_id):
    page = access.get_page_or_404(request.user, page_id)
    if not access.can_start_thread_in(request.user, page=page):
        raise PermissionDenied
    return _thread_form_view(request, page=page)


def _render_thread(request, thread, *, form=None, status=200, last_page=False):
    user = request.user
    last_read = selectors.read_state(user=user, thread=thread)
    shown = selectors.thread_page_for(
        user=user,
        thread=thread,
        page_number=None if last_page else _page_number(request),
        last_read=last_read,
    )
    if shown.posts:
        services.thread_mark_read(user=user, thread=thread, number=shown.posts[-1].post.number)
    if form is None:
        form = PostForm(initial=_quote_initial(request, thread))
    first_unread = last_read + 1 if last_read < thread.post_count else None
    return render(
        request,
        "discussions/thread.html",
        {
            "thread": thread,
            "posts": shown.posts,
            "page_obj": shown.page_obj,
            "paginator": shown.paginator,
            "form": form,
            "can_reply": shown.can_reply,
            "suspended": access.is_suspended(user),
            "moderator": access.can_moderate(user),
            "first_unread": first_unread,
            "subscription_level": selectors.subscription_level(user=user, thread=thread),
            "levels": Subscription.Level,
        },
        status=status,
    )


def _quote_initial(request, thread) -> dict:
    quoted = selectors.quotable_post(
        user=request.user, thread=thread, pk=_id_param(request, "quote")
    )
    if quoted is None:
        return {}
    name = quoted.author.display_name if quoted.author else _("A former member")
    return {"body": quote(quoted.source, name), "reply_to": quoted.pk}


@require_GET
def thread(request, pk):
    thread = access.get_thread_or_404(request.user, pk)
    return _render_thread(request, thread)


@require_GET
def thread_unread(request, pk):
    thread = access.get_thread_or_404(request.user, pk)
    number = selectors.first_unread_number(user=request.user, thread=thread)
    url = reverse("discussions:thread", kwargs={"pk": thread.pk})
    return redirect(f"{url}?page={selectors.page_of_post(number)}#post-{number}")


@require_POST
def post_create(request, pk):
    thread = access.get_thread_or_404(request.user, pk)
    form = PostForm(request.POST)
    if not form.is_valid():
        return _render_thread(request, thread, form=form, status=400, last_page=True)
    reply_to = selectors.reply_target(thread=thread, pk=form.cleaned_data.get("reply_to"))
    try:
        post = services.post_create(
            author=request.user,
            thread=thread,
            body=form.cleaned_data["body"],
            reply_to=reply_to,
            language=form.cleaned_data["language"] or "",
        )
    except services.RateLimited as exc:
        form.add_error("body", _errors(exc))
        return _render_thread(request, thread, form=form, status=429, last_page=True)
    except ValidationError as exc:
        form.add_error("body", _errors(exc))
        return _render_thread(request, thread, form=form, status=400, last_page=True)
    return redirect(post)


@require_GET
def post(request, pk):
    post = access.get_post_or_404(request.user, pk)
    url = reverse("discussions:thread", kwargs={"pk": post.thread_id})
    return redirect(f"{url}?page={selectors.page_of_post(post.number)}#post-{post.number}")


def post_edit(request, pk):
    post = access.get_post_or_404(request.user, pk)
    if not access.can_edit_post(request.user, post):
        raise PermissionDenied
    form = PostForm(request.POST or None, initial={"body": post.source})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                post = services.post_edit(
                    editor=request.user, post=post, body=form.cleaned_data["body"]
                )
            except ValidationError as exc:
                form.add_error("body", _errors(exc))
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(post)
    return render(
        request, "discussions/post_edit.html", {"form": form, "post": post}, status=status
    )


@require_GET
def post_history(request, pk):
    post = access.get_post_or_404(request.user, pk)
    if not access.can_see_post_text(request.user, post):
        raise Http404
    return render(
        request,
        "discussions/post_history.html",
        {"post": post, "revisions": selectors.post_revisions(post=post)},
    )


def post_delete(request, pk):
    post = access.get_post_or_404(request.user, pk)
    if not access.can_delete_post(request.user, post):
        raise PermissionDenied
    if request.method == "POST":
        services.post_delete(user=request.user, post=post)
        messages.success(request, _("Your post is deleted."))
        return redirect(post)
    return render(request, "discussions/post_delete.html", {"post": post})


def post_flag(request, pk):
    post = access.get_post_or_404(request.user, pk)
    if not access.can_flag_post(request.user, post):
        raise Http404
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.flag_create(
                    reporter=request.user,
                    post=post,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                )
            except ValidationError as exc:
                form.add_error("details", _errors(exc))
            else:
                messages.success(request, _("Thank you. The secretariat will review this post."))
                return redirect(post)
    return render(
        request, "discussions/post_flag.html", {"form": form, "post": post}, status=status
    )


@require_POST
def thread_subscription(request, pk):
    thread = access.get_thread_or_404(request.user, pk)
    level = request.POST.get("level", "")
    services.subscription_set(user=request.user, thread=thread, level=level)
    messages.success(request, _subscription_message(level))
    return redirect(thread)


@require_POST
def topic_subscription(request, slug):
    topic = access.get_topic_or_404(request.user, slug)
    level = request.POST.get("level", "")
    services.subscription_set(user=request.user, topic=topic, level=level)
    messages.success(request, _subscription_message(level))
    return redirect(topic)


def _subscription_message(level: str) -> str:
    if level == Subscription.Level.WATCH:
        return _("You are watching: you will be notified of every new post.")
    if level == Subscription.Level.MUTE:
        return _("Muted: you will not be notified, even when mentioned.")
    return _("Back to normal notifications.")


@require_POST
def thread_moderate(request, pk):
    thread = access.get_thread_or_404(request.user, pk)
    if not access.can_moderate(request.user):
        raise PermissionDenied
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    if action in {"lock", "unlock"}:
        services.thread_set_locked(
            moderator=request.user, thread=thread, locked=action == "lock", reason=reason
        )
    elif action in {"pin", "unpin"}:
        services.thread_set_pinned(
            moderator=request.user, thread=thread, pinned=action == "pin", reason=reason
        )
    else:
        return HttpResponseBadRequest(_("Unknown action."))
    messages.success(request, _("Done. The action is recorded in the moderation log."))
    return redirect(thread)


@require_POST
def post_moderate(request, pk):
    post = access.get_post_or_404(request.user, pk)
    if not access.can_moderate(request.user):
        raise PermissionDenied
    action = request.POST.get("action")
    reason = request.POST.get("reason", "")
    if action == "hide":
        services.post_hide(moderator=request.user, post=post, reason=reason)
    elif action == "restore":
        services.post_restore(moderator=request.user, post=post, reason=reason)
    elif action == "dismiss":
        services.flags_dismiss(moderator=request.user, post=post, reason=reason)
    else:
        return HttpResponseBadRequest(_("Unknown action."))
    messages.success(request, _("Done. The action is recorded in the moderation log."))
    return redirect(request.POST.get("next") if _safe_next(request) else post)


def _safe_next(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@require_GET
def notifications(request):
    items = Paginator(selectors.notifications_for(user=request.user), 30)
    return render(
        request,
        "discussions/notifications.html",
        {"notifications": items.get_page(_page_number(request))},
    )


@require_POST
def notifications_read(request):
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("discussions:notifications")


@require_GET
def notification_open(request, pk):
    notification = access.get_notification_or_404(request.user, pk)
    services.notification_mark_read(user=request.user, notification=notification)
    return redirect(notification.post)


@require_GET
def mention_suggestions(request):
    thread = None
    thread_id = _id_param(request, "thread")
    if thread_id is not None:
        thread = access.get_thread_or_404(request.user, thread_id)
    people = selectors.mention_candidates(
        user=request.user, query=request.GET.get("q", "")[:60], thread=thread
    )
    results = [{"handle": handle_for(p), "name": p.display_name} for p in people]
    # The live region's sentence, in the plural form the language needs for this count.
    status = ngettext(
        "%(count)d suggestion; use the up and down arrows and Enter to choose.",
        "%(count)d suggestions; use the up and down arrows and Enter to choose.",
        len(results),
    ) % {"count": len(results)}
    return JsonResponse({"results": results, "status": status if results else ""})


@csrf_exempt  # mail clients POST here (RFC 8058); the signed token is the credential
def unsubscribe(request, token):
    data = read_unsubscribe_token(token)
    if data is None:
        return render(request, "discussions/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        outcome = services.unsubscribe_by_token(user_id=data["u"], thread_id=data.get("t"))
        return render(request, "discussions/unsubscribe.html", {"done": outcome})
    return render(request, "discussions/unsubscribe.html", {"thread_only": bool(data.get("t"))})
