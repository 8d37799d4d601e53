"""Who may do what with events and consultations, built on ``core.access``.

Facts about a member (country, focal point, time zone) live on their ``members.Profile``. A
member may have no profile row yet (it is made when they first edit it, or when an invitation
names a country): such a member has no country, is no focal point and keeps each event's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.access import can_view, can_view_page, has_role, is_secretariat, user_keys
from members.models import Profile
from members.selectors import profile_of

if TYPE_CHECKING:
    from events.models import ConsultationPage, EventPage, Registration
    from taxonomy.models import Country


def member_profile(user) -> Profile | None:
    """The member's profile, or None for visitors and members without a profile row."""
    return profile_of(user) if user.is_authenticated else None


def member_country(user) -> Country | None:
    """The member's country, or None when their profile does not name one."""
    profile = member_profile(user)
    return profile.country if profile is not None else None


def member_timezone_name(user) -> str | None:
    """The zone the member chose in their profile; None shows each event in its own zone."""
    profile = member_profile(user)
    if profile is None or not profile.time_zone:
        return None
    return profile.time_zone


def is_focal_point(user, country: Country | None = None) -> bool:
    """Focal points answer for their country (of ``country``, when given)."""
    profile = member_profile(user)
    if profile is None or not profile.focal_point or not user_keys(user):
        return False
    return country is None or profile.country_id == country.pk


def can_view_event(user, page: EventPage | ConsultationPage) -> bool:
    """Events and consultations: the page's tier, through the one access layer."""
    return can_view(user, page)


Page = TypeVar("Page", "EventPage", "ConsultationPage")


def event_or_404(user, event: Page | None) -> Page:
    """What a member may not see is not there: a restricted event or consultation answers 404,
    like a page that does not exist."""
    if event is None or not can_view_event(user, event):
        raise Http404
    return event


def can_manage_events(user) -> bool:
    return is_secretariat(user)


def require_manager(user) -> None:
    """The secretariat's tools (registrants, exports, decisions) answer 403 to anyone else."""
    if not can_manage_events(user):
        raise PermissionDenied


def can_see_gender(user) -> bool:
    """Participation by gender is the secretariat's, and only counted (see ``selectors``)."""
    return is_secretariat(user)


def can_open_page(user, page) -> bool:
    """A linked page (an event's outcome, say) is named only to members who may open it."""
    return page.live and can_view_page(user, page)


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reason: str | Promise = ""


def registration_eligibility(user, event: EventPage, *, now: datetime | None = None) -> Eligibility:
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


def can_see_online_link(user, event: EventPage, registration: Registration | None = None) -> bool:
    from events.models import RegistrationStatus

    if is_secretariat(user):
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


def can_cancel(user, registration: Registration | None) -> bool:
    """A member cancels their own active registration; there is nothing else to cancel."""
    from events.models import RegistrationStatus

    return (
        registration is not None
        and registration.user_id == user.pk
        and registration.status != RegistrationStatus.CANCELLED
    )


def cancel_or_404(user, registration: Registration | None) -> Registration:
    if registration is None or not can_cancel(user, registration):
        raise Http404
    return registration


def in_consultation_audience(user, consultation: ConsultationPage) -> bool:
    if not can_view_event(user, consultation):
        return False
    roles = {g.name for g in consultation.audience_roles.all()}
    if roles and not any(has_role(user, r) for r in roles):
        return False
    countries = list(consultation.audience_countries.all())
    return not countries or member_country(user) in countries


def can_respond(user, consultation: ConsultationPage) -> Eligibility:
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


def can_view_answers(user, consultation: ConsultationPage) -> bool:
    from events.models import AnswerVisibility

    if is_secretariat(user):
        return True
    return (
        consultation.answers_visibility == AnswerVisibility.MEMBERS
        and consultation.is_closed()
        and can_view_event(user, consultation)
    )


def answers_or_404(user, consultation: ConsultationPage) -> None:
    """Answers a member may not read are not there for them (404, as for a hidden page)."""
    if not can_view_answers(user, consultation):
        raise Http404
