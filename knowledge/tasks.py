"""Celery tasks: fetch by id, call a service. Each is safe to run twice."""

from __future__ import annotations

from celery import shared_task


@shared_task
def extract_document_text(document_id: int) -> None:
    from knowledge.services import document_text_extract

    document_text_extract(document_id=document_id)


@shared_task
def send_review_notification(
    note_id: int, event: str, actor_id: int | None = None, comment: str = ""
) -> None:
    from knowledge.services import review_notification_send

    review_notification_send(note_id=note_id, event=event, actor_id=actor_id, comment=comment)


@shared_task
def send_request_email(change_id: int) -> None:
    from knowledge.services_requests import request_email_send

    request_email_send(change_id=change_id)
