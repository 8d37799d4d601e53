"""The e-mails discussions send: one notification, or a digest. Called from Celery tasks only."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

UNSUBSCRIBE_SALT = "discussions.unsubscribe"


def unsubscribe_token(*, user_id: int, thread_id: int | None = None) -> str:
    return signing.dumps({"u": user_id, "t": thread_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(*, user, subject: str, template: str, context: dict, thread_id: int | None) -> None:
    token = unsubscribe_token(user_id=user.pk, thread_id=thread_id)
    unsubscribe_url = _absolute(reverse("discussions:unsubscribe", kwargs={"token": token}))
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    text = render_to_string(f"discussions/emails/{template}.txt", context)
    html = render_to_string(f"discussions/emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject.replace("\n", " "),
        body=text,
        to=[user.email],
        headers={
            # RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()


def send_notification_email(notification) -> None:
    user = notification.recipient
    post = notification.post
    with translation.override(user.language):
        from django.utils.translation import gettext as _

        actor = notification.actor.display_name if notification.actor else _("A member")
        subjects = {
            "mention": _("Mention by %(actor)s in “%(title)s”"),
            "reply": _("New reply by %(actor)s in “%(title)s”"),
            "new_thread": _("New thread by %(actor)s: “%(title)s”"),
        }
        subject = subjects[notification.kind] % {"actor": actor, "title": post.thread.title}
        post_url = _absolute(reverse("discussions:post", kwargs={"pk": post.pk}))
        _send(
            user=user,
            subject=subject,
            template="notification",
            context={
                "notification": notification,
                "post": post,
                "actor": actor,
                "post_url": post_url,
                "thread": post.thread,
            },
            thread_id=post.thread_id,
        )


def send_digest_email(*, digest, notifications: list) -> None:
    user = digest.user
    groups: dict[int, dict] = {}
    for n in notifications:
        group = groups.setdefault(
            n.post.thread_id,
            {
                "thread": n.post.thread,
                "items": [],
                "url": _absolute(
                    reverse("discussions:thread_unread", kwargs={"pk": n.post.thread_id})
                ),
            },
        )
        group["items"].append(n)
    with translation.override(user.language):
        count = len(notifications)
        if digest.period == "weekly":
            subject = ngettext(
                "Your weekly discussion digest: %(count)d new notification",
                "Your weekly discussion digest: %(count)d new notifications",
                count,
            ) % {"count": count}
        else:
            subject = ngettext(
                "Your daily discussion digest: %(count)d new notification",
                "Your daily discussion digest: %(count)d new notifications",
                count,
            ) % {"count": count}
        _send(
            user=user,
            subject=subject,
            template="digest",
            context={
                "digest": digest,
                "groups": list(groups.values()),
                "count": len(notifications),
            },
            thread_id=None,
        )
