"""Celery entry points: fetch by id, call a service. Each is safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model

from . import services


@shared_task(ignore_result=True)
def send_post_notifications(post_id: int) -> int:
    return services.post_notifications_email(post_id=post_id)


@shared_task(ignore_result=True)
def send_digests(period: str) -> int:
    """Fan out one task per member so one bad address cannot stop the rest."""
    key = services.period_key(period)
    recipients = services.digest_recipients(period=period)
    for user_id in recipients:
        send_digest.delay(user_id, period, key)
    return len(recipients)


@shared_task(ignore_result=True)
def send_digest(user_id: int, period: str, key: str) -> bool:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return False
    return services.digest_send(user=user, period=period, key=key) is not None
