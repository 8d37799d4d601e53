"""Who may see and edit practice notes, built on ``core.access``.

Their documents and images are guarded by ``core.documents``, which asks the owners registered
in ``knowledge.wagtail_hooks``.
"""

from __future__ import annotations

from core.access import can_view, has_role, is_secretariat, user_keys
from core.roles import Role


def is_expert(user) -> bool:
    return has_role(user, Role.EXPERT)


def is_note_editor(user, note) -> bool:
    """Drafts are seen by their author and by the secretariat, who edit and review them."""
    if not user_keys(user):
        return False
    return note.owner_id == user.pk or is_secretariat(user)


def can_view_note(user, note) -> bool:
    return can_view(user, note)
