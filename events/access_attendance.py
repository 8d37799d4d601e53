"""Who may see a participant's check-in code and visa letter: the participant and the
secretariat. Anyone else finds nothing there (404), as for a registration that does not exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from core.access import is_secretariat

if TYPE_CHECKING:
    from events.models import Registration


def _own(user, registration: Registration) -> bool:
    return user.is_authenticated and registration.user_id == user.pk


def can_see_check_in_code(user, registration: Registration | None) -> bool:
    """A code exists only for a confirmed place."""
    from events.models import RegistrationStatus

    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return False
    return _own(user, registration) or is_secretariat(user)


def check_in_code_or_404(user, registration: Registration | None) -> Registration:
    if registration is None or not can_see_check_in_code(user, registration):
        raise Http404
    return registration


def can_see_visa_letter(user, registration: Registration | None) -> bool:
    """A letter exists for an active registration that asked for one."""
    from events.models import RegistrationStatus

    if registration is None or not registration.visa_letter:
        return False
    if registration.status == RegistrationStatus.CANCELLED:
        return False
    return _own(user, registration) or is_secretariat(user)


def visa_letter_or_404(user, registration: Registration | None) -> Registration:
    if registration is None or not can_see_visa_letter(user, registration):
        raise Http404
    return registration


def can_edit_visa_details(user, registration: Registration) -> bool:
    """The participant types their own passport details; the secretariat only reads them."""
    return can_see_visa_letter(user, registration) and _own(user, registration)
