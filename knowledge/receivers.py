"""Signal receivers: read new documents' text, and tell authors about their review.

Wagtail sends its own workflow e-mails synchronously, inside the request; for practice notes we
replace them with Celery tasks (other content keeps Wagtail's behaviour).
"""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from knowledge.models import PracticeDocument, PracticeNotePage


@receiver(post_save, sender=PracticeDocument, dispatch_uid="knowledge_document_text")
def document_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and "file" not in update_fields):
        return
    from knowledge.services import document_text_schedule

    document_text_schedule(document=instance)


def _note_of(workflow_state):
    content = workflow_state.content_object
    specific = content.specific if isinstance(content, Page) else content
    return specific if isinstance(specific, PracticeNotePage) else None


def _pk(user) -> int | None:
    return user.pk if user is not None else None


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    from knowledge.services import review_notification_schedule

    note = _note_of(instance)
    if note is None:
        return
    actor = _pk(user)
    review_notification_schedule(note_id=note.pk, event="submitted", actor_id=actor)


def on_task_submitted(sender, instance, user=None, **kwargs):
    from knowledge.services import review_notification_schedule

    note = _note_of(instance.workflow_state)
    if note is None:
        return
    actor = _pk(user)
    review_notification_schedule(note_id=note.pk, event="to_review", actor_id=actor)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    from knowledge.services import review_comment, review_notification_schedule

    note = _note_of(instance)
    if note is None:
        return
    review_notification_schedule(
        note_id=note.pk,
        event="changes_requested",
        actor_id=_pk(user),
        comment=review_comment(instance),
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    from knowledge.services import review_notification_schedule

    note = _note_of(instance)
    if note is None:
        return
    review_notification_schedule(note_id=note.pk, event="approved", actor_id=_pk(user))


def _skip_notes(notifier, note_of):
    """Wrap one of Wagtail's e-mail notifiers so it leaves practice notes to us."""

    def wrapped(sender, instance, **kwargs):
        if note_of(instance) is not None:
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return wrapped


def connect() -> None:
    from wagtail.admin import signal_handlers as wagtail_handlers
    from wagtail.models import TaskState, WorkflowState

    replaced = [
        (
            task_submitted,
            TaskState,
            "group_approval_task_submitted_email_notification",
            wagtail_handlers.task_submission_email_notifier,
            lambda task_state: _note_of(task_state.workflow_state),
        ),
        (
            workflow_submitted,
            WorkflowState,
            "workflow_state_submitted_email_notification",
            wagtail_handlers.workflow_submission_email_notifier,
            _note_of,
        ),
        (
            workflow_rejected,
            WorkflowState,
            "workflow_state_rejected_email_notification",
            wagtail_handlers.workflow_rejection_email_notifier,
            _note_of,
        ),
        (
            workflow_approved,
            WorkflowState,
            "workflow_state_approved_email_notification",
            wagtail_handlers.workflow_approval_email_notifier,
            _note_of,
        ),
    ]
    for signal, sender, uid, notifier, note_of in replaced:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_skip_notes(notifier, note_of), sender=sender, dispatch_uid=uid, weak=False)

    workflow_submitted.connect(
        on_workflow_submitted, sender=WorkflowState, dispatch_uid="knowledge_submitted"
    )
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="knowledge_to_review")
    workflow_rejected.connect(
        on_workflow_rejected, sender=WorkflowState, dispatch_uid="knowledge_rejected"
    )
    workflow_approved.connect(
        on_workflow_approved, sender=WorkflowState, dispatch_uid="knowledge_approved"
    )
