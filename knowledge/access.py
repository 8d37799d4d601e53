"""Who may see and edit practice notes and their documents, built on ``core.access``."""

from __future__ import annotations

from core.access import can_view, is_secretariat, user_keys
from core.roles import Role


def is_expert(user) -> bool:
    return bool(user_keys(user)) and Role.EXPERT in user.groups.values_list("name", flat=True)


def is_note_editor(user, note) -> bool:
    """Drafts are seen by their author and by the secretariat, who edit and review them."""
    if not user_keys(user):
        return False
    return note.owner_id == user.pk or is_secretariat(user)


def can_view_note(user, note) -> bool:
    return can_view(user, note)


def can_download_document(user, document) -> bool:
    """A document used by practice notes goes only to those who may read one of them.

    A document no note uses belongs to another app (an event's minutes, say), which guards it;
    the site gate already keeps visitors out.
    """
    from knowledge.models import PracticeNoteDocument, PracticeNotePage

    if not user_keys(user):
        return False
    note_ids = PracticeNoteDocument.objects.filter(document=document).values("note_id")
    notes = list(
        PracticeNotePage.objects.filter(pk__in=note_ids).only("pk", "live", "tier", "owner")
    )
    if not notes:
        return True
    return any(can_view(user, note) for note in notes)
