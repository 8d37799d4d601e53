"""The Celery application: tasks are discovered in every installed app's tasks.py.

Tasks go to four queues, so that slow work never holds up quick work:

- ``search``: indexing from the outbox (what members wait for after they save);
- ``email``: one message to one member or one event's registrants, soon after what caused it;
- ``reports``: long runs over many rows — digests, the due-reminders sweep, text extraction
  of uploaded documents — which may take minutes;
- ``default``: anything not routed (none of ours, today).

A worker started without ``-Q`` consumes every queue (``make worker``); in production run one
worker per queue (``celery -A config worker -Q search -c 2``). Queue names carry
``CELERY_QUEUE_PREFIX`` (empty by default), so that several sites or test runs can share one
broker without taking each other's tasks.
"""

import os
from fnmatch import fnmatchcase

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

QUEUES = ("default", "search", "email", "reports")

# Task name (a glob) -> queue; the first match wins. Every task of ours is named here, so a
# new task is placed on purpose (tests/test_celery_queues.py checks it).
ROUTES = {
    "search.tasks.*": "search",
    "discussions.tasks.send_digests": "reports",
    "discussions.tasks.send_digest": "reports",
    "events.tasks.send_due_reminders": "reports",
    "events.tasks.purge_visa_passport_data": "reports",
    "events.tasks.remind_overdue_commitments": "reports",
    "knowledge.tasks.extract_document_text": "reports",
    "discussions.tasks.send_post_notifications": "email",
    "events.tasks.send_*": "email",
    "events.tasks_evaluation.queue_*": "reports",
    "events.tasks_evaluation.send_*": "email",
    "knowledge.tasks.send_review_notification": "email",
    "knowledge.tasks.send_request_email": "email",
    "members.tasks.invitation_send_email": "email",
}


def queue_name(queue: str) -> str:
    """The broker's name of one of QUEUES, with this site's prefix."""
    from django.conf import settings

    return f"{settings.CELERY_QUEUE_PREFIX}{queue}"


def queue_of(task_name: str) -> str:
    """Which of QUEUES a task goes to."""
    for pattern, queue in ROUTES.items():
        if fnmatchcase(task_name, pattern):
            return queue
    return "default"


def route_task(name: str, args, kwargs, options, task=None, **kw) -> dict[str, str]:
    """Celery's router (``task_routes``): read when a task is sent, so the prefix in force
    then applies."""
    return {"queue": queue_name(queue_of(name))}


app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
