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


def writes_notes(user) -> bool:
    """Whether ``user`` holds a writer's role: the roles granted page permissions on the library
    (experts there, the secretariat on the whole tree: members.roles, library_setup). Asked
    without a query, for the nav's "My notes" on every page; whether they may add a note now
    is ``library_for_writing``."""
    return is_expert(user) or is_secretariat(user)


def library_for_writing(user):
    """The library where ``user`` may write practice notes, or None.

    Wagtail's page permissions decide (experts hold "add" on the library, granted by
    ``knowledge.services.library_setup``; the secretariat holds every right), asked once here
    for the member site's "Write a practice note" and "My notes". The library in the active
    language comes first, then the default language's.
    """
    from wagtail.models import Locale

    from knowledge.models import LibraryIndexPage, PracticeNotePage

    if not writes_notes(user):
        return None
    libraries = LibraryIndexPage.objects.filter(
        locale__in=[Locale.get_active(), Locale.get_default()]
    )
    active = Locale.get_active().pk
    for library in sorted(libraries, key=lambda page: page.locale_id != active):
        if PracticeNotePage.can_create_at(library) and (
            library.permissions_for_user(user).can_add_subpage()
        ):
            return library
    return None
