"""The overdue commitment reminder, written in its recipient's language (``User.language``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from events.emails import _message
from events.links import absolute_url
from events.models import Commitment, CommitmentState


def overdue_email(commitment: Commitment, user):
    from events.services_commitments import commitment_state

    with translation.override(user.language):
        subject = _("A commitment is overdue: %(title)s") % {"title": commitment.page.title}
        return _message(
            user,
            subject,
            "events/emails/commitment_overdue.txt",
            {
                "commitment": commitment,
                "event": commitment.page,
                "due": formats.date_format(commitment.due_on, "DATE_FORMAT"),
                "state": CommitmentState(commitment_state(commitment)).label,
                "url": absolute_url(
                    reverse("events:commitment", kwargs={"commitment_id": commitment.pk})
                ),
            },
        )
