"""Celery tasks of the evaluation: fetch by id and call one service; safe to run twice."""

from __future__ import annotations

from celery import shared_task

from events import evaluation


@shared_task
def queue_evaluation_invitations() -> int:
    """Beat: invite to the evaluation those who attended an event that has ended."""
    return evaluation.evaluation_invitations_queue()


@shared_task
def send_evaluation_invitation(registration_id: int) -> bool:
    return evaluation.evaluation_invitation_send(registration_id=registration_id)
