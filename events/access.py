"""Who may do what with events and consultations, built on ``core.access``.

Facts about a member that live in the members app (country, time zone, focal point) are read
loosely here: this app works whether or not the member's profile carries them yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import can_view, is_secretariat, user_keys
from core.roles import Role


def _profile_attr(user, name: str):
    for holder in (user, getattr(user, "profile", None)):
        if holder is not None and hasattr(holder, name):
            return getattr(holder, name)
    return None


def member_country(user):
    """The member's ``taxonomy.Country``, or None when the profile does not say."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        value = _profile_attr(user, "country")
    except Exception:  # a missing related profile row raises DoesNotExist
        return None
    from taxonomy.models import Country

    return value if isinstance(value, Country) else None


def member_timezone_name(user) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    for name in ("time_zone", "timezone"):
        try:
            value = _profile_attr(user, name)
        except Exception:
            return None
        if value:
            return str(value)
    return None


def is_focal_point(user, country=None) -> bool:
    """Focal points answer for their country. Without a focal-point flag on profiles, any
    government official of the country may."""
    if not getattr(user, "is_authenticated", False):
        return False
    flag = None
    for name in ("is_focal_point", "focal_point"):
        try:
            flag = _profile_attr(user, name)
        except Exception:
            flag = None
        if flag is not None:
            break
    if flag is None:
        flag = has_role(user, Role.GOVERNMENT)
    if not flag:
        return False
    return country is None or member_country(user) == country


def has_role(user, role: str) -> bool:
    return f"group:{role}" in user_keys(user)


def can_view_event(user, page) -> bool:
    """Events and consultations: the page's tier, through the one access layer."""
    return can_view(user, page)


def can_manage_events(user) -> bool:
    return is_secretariat(user)


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reason: str = ""


def registration_eligibility(user, event, *, now=None) -> Eligibility:
    """Whether ``user`` may register for ``event`` now, and why not."""
    now = now or timezone.now()
    if not can_view_event(user, event):
        return Eligibility(False, _("You cannot see this event."))
    if not event.registration_open:
        return Eligibility(False, _("Registration is not taken on the platform."))
    if event.cancelled:
        return Eligibility(False, _("The event has been cancelled."))
    if event.ends_at < now:
        return Eligibility(False, _("The event is over."))
    if event.registration_opens_at and now < event.registration_opens_at:
        return Eligibility(False, _("Registration has not opened yet."))
    if event.registration_closes_at and now >= event.registration_closes_at:
        return Eligibility(False, _("Registration has closed."))
    invited = event.invitees.filter(pk=user.pk).exists()
    if invited:
        return Eligibility(True)
    if event.invitation_only:
        return Eligibility(False, _("This event is by invitation only."))
    roles = {g.name for g in event.eligible_roles.all()}
    if roles and not any(has_role(user, r) for r in roles) and not is_secretariat(user):
        return Eligibility(False, _("Your role cannot register for this event."))
    countries = list(event.eligible_countries.all())
    if countries and member_country(user) not in countries:
        return Eligibility(False, _("Members from your country cannot register for this event."))
    return Eligibility(True)


def can_see_online_link(user, event, registration=None) -> bool:
    from events.models import RegistrationStatus

    if is_secretariat(user):
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


def in_consultation_audience(user, consultation) -> bool:
    if not can_view_event(user, consultation):
        return False
    roles = {g.name for g in consultation.audience_roles.all()}
    if roles and not any(has_role(user, r) for r in roles):
        return False
    countries = list(consultation.audience_countries.all())
    return not countries or member_country(user) in countries


def can_respond(user, consultation) -> Eligibility:
    from events.models import ResponseMode

    if not in_consultation_audience(user, consultation):
        return Eligibility(False, _("This consultation is not addressed to you."))
    if consultation.mode == ResponseMode.COUNTRY:
        country = member_country(user)
        if country is None or not is_focal_point(user, country):
            return Eligibility(False, _("The focal point of your country answers for it."))
    now = timezone.now()
    if now < consultation.opens_at:
        return Eligibility(False, _("The consultation has not opened yet."))
    if now >= consultation.closes_at:
        return Eligibility(False, _("The consultation has closed."))
    return Eligibility(True)


def can_view_answers(user, consultation) -> bool:
    from events.models import AnswerVisibility

    if is_secretariat(user):
        return True
    return (
        consultation.answers_visibility == AnswerVisibility.MEMBERS
        and consultation.is_closed()
        and can_view_event(user, consultation)
    )
