"""Reads for membership: the directory, profiles, invitations, preferences, personal data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Group
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from core.access import can_view, is_secretariat, user_keys, visible_tiers
from core.collation import collated
from core.roles import Role
from members.models import (
    DeletionRequest,
    Invitation,
    NotificationFrequency,
    Profile,
    User,
    latin_key,
    token_hash,
)


def notification_frequency(user: User) -> str:
    """How often ``user`` wants e-mail notifications: a ``NotificationFrequency`` value.

    Other apps (discussions' digests, events' notices) read the preference here.
    """
    if not user.is_active or user.anonymised_at:
        return NotificationFrequency.NEVER
    stored = (
        Profile.objects.filter(user_id=user.pk)
        .values_list("notification_frequency", flat=True)
        .first()
    )
    return stored or NotificationFrequency.DAILY


def language_for_email(email: str) -> str | None:
    """The preferred language of the member with address ``email``, if there is one."""
    return (
        User.objects.filter(email__iexact=email.strip()).values_list("language", flat=True).first()
    )


def invitation_for_token(token: str) -> Invitation | None:
    if not token or len(token) > 200:
        return None
    return (
        Invitation.objects.select_related("country", "organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )


def invitation_list(*, status: str = "") -> QuerySet[Invitation]:
    now = timezone.now()
    queryset = Invitation.objects.select_related("invited_by", "country", "organisation")
    filters: dict[str, Q] = {
        Invitation.Status.PENDING: Q(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ),
        Invitation.Status.ACCEPTED: Q(accepted_at__isnull=False),
        Invitation.Status.REVOKED: Q(accepted_at__isnull=True, revoked_at__isnull=False),
        Invitation.Status.EXPIRED: Q(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
        ),
    }
    if status in filters:
        queryset = queryset.filter(filters[status])
    return queryset


# What ``{% avatar %}`` and ``{% author_line %}`` (members/templatetags/people.py) read of a
# member: lists of people load it with them, ``select_related(*people_related("author"))``.
PEOPLE_RELATED = ("profile", "profile__organisation", "profile__country")


def people_related(path: str = "") -> tuple[str, ...]:
    """``PEOPLE_RELATED`` below the relation ``path`` (e.g. "author", "user")."""
    return tuple(f"{path}__{name}" if path else name for name in PEOPLE_RELATED)


def members_visible_to(viewer) -> QuerySet[User]:
    """Active members whose profile ``viewer`` may see: ``can_view(viewer, profile)`` as a
    query, for the directory and for other apps' lists (mention suggestions)."""
    queryset = User.objects.filter(is_active=True, anonymised_at__isnull=True)
    if is_secretariat(viewer):
        return queryset
    tiers = visible_tiers(viewer)
    if not tiers:
        return queryset.none()
    # A member who never opened their profile is visible to all members, as by default.
    return queryset.filter(Q(profile__isnull=True) | Q(profile__visibility__in=tiers))


# The search service is asked for this many best matches of the directory's words; the
# database then applies the filters and visibility to them.
DIRECTORY_SEARCH_LIMIT = 1000


def directory(
    *,
    viewer,
    q: str = "",
    country: str = "",
    role: str = "",
    theme: str = "",
    language: str = "",
) -> QuerySet[User]:
    """Members ``viewer`` may find, filtered; one query for the page plus two prefetches.

    ``country`` is an ISO code, ``theme`` a slug, ``role`` a ``Role`` value, ``language`` a code.
    A word of ``q`` matches a name written in another script through ``User.name_latin``.
    """
    queryset = members_visible_to(viewer)
    for word in q.split()[:5]:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            # In Latin letters on both sides: "Nino" finds "ნინო", "Олександр" finds "Oleksandr".
            | Q(name_latin__icontains=latin_key(word))
            | Q(profile__organisation__name__icontains=word)
            | Q(profile__title__icontains=word)
        )
    if country:
        queryset = queryset.filter(profile__country__code=country)
    if role in Role.values:
        queryset = queryset.filter(groups__name=role)
    if theme:
        queryset = queryset.filter(profile__expertise__slug=theme)
    if language:
        # Text match on the JSON list: "contains" on JSON is not available on SQLite.
        queryset = queryset.filter(profile__languages__icontains=f'"{language[:10]}"')
    return (
        queryset.select_related("profile", "profile__country", "profile__organisation")
        .prefetch_related(
            Prefetch("groups", queryset=Group.objects.filter(name__in=Role.values)),
            "profile__expertise",
        )
        .distinct()
        .order_by(collated("last_name"), collated("first_name"), "pk")
    )


@dataclass
class DirectoryPage:
    page: Page
    searched: bool = False
    search_unavailable: bool = False


def _searched_ids(viewer, q: str) -> list[int] | None:
    """Members whose name, job title, organisation or expertise match ``q``, best first;
    None when ``q`` has no searchable word; raises ``SearchUnavailable``."""
    from search.selectors import directory_search

    results = directory_search(
        user=viewer,
        query=q,
        per_page=DIRECTORY_SEARCH_LIMIT,
        language=(get_language() or "en").split("-")[0],
        detail=False,
    )
    if results.query.is_empty:
        return None
    return [int(hit.object_id) for hit in results.hits if str(hit.object_id).isdigit()]


def find_members(*, viewer, page_number, per_page: int, q: str = "", **filters) -> DirectoryPage:
    """A page of the directory: by relevance when searching words (through the search
    service, so the same words find the same people as on the search page), else by name.
    The engine's matches (at most ``DIRECTORY_SEARCH_LIMIT``) are intersected with the
    filters and visibility rules here, in the database.

    With the search service down, the words are matched as typed against name, job title and
    organisation, and ``search_unavailable`` says so.
    """
    from search.query import SearchUnavailable

    q = q.strip()
    ids = None
    unavailable = False
    if q:
        try:
            ids = _searched_ids(viewer, q)
        except SearchUnavailable:
            unavailable = True
    if ids is None:
        members = directory(viewer=viewer, q=q, **filters)
        return DirectoryPage(
            Paginator(members, per_page).get_page(page_number),
            searched=bool(q),
            search_unavailable=unavailable,
        )
    members = directory(viewer=viewer, **filters)
    found = set(members.filter(pk__in=ids).order_by().values_list("pk", flat=True))
    # Part of a name ("Kapan" for Kapanadze) is no word to the engine: people whose name,
    # title or organisation contains what was typed follow its matches, by name.
    typed = directory(viewer=viewer, q=q, **filters).values_list("pk", flat=True)
    ordered = list(dict.fromkeys([*(pk for pk in ids if pk in found), *typed]))
    # Paged as ids, then each id on the page replaced by its member.
    paginator: Paginator[Any] = Paginator(ordered, per_page)
    page = paginator.get_page(page_number)
    loaded = members.in_bulk(page.object_list)
    page.object_list = [loaded[pk] for pk in page.object_list if pk in loaded]
    return DirectoryPage(page, searched=True)


def member_for_viewer(*, viewer, pk: int) -> User | None:
    """The member ``pk`` if ``viewer`` may see their profile, else None (answered as 404)."""
    return (
        members_visible_to(viewer)
        .select_related("profile", "profile__country", "profile__organisation")
        .prefetch_related("groups", "profile__expertise")
        .filter(pk=pk)
        .first()
    )


def profile_of(member: User) -> Profile | None:
    """The member's profile (loaded with them by the selectors above), or None if they never
    opened it."""
    try:
        return member.profile
    except Profile.DoesNotExist:
        return None


def profile_with_photo_for_viewer(*, viewer, pk: int) -> Profile | None:
    """The profile of member ``pk`` when it has a photo ``viewer`` may see, else None."""
    profile = (
        Profile.objects.select_related("user")
        .filter(user_id=pk, user__is_active=True, user__anonymised_at__isnull=True)
        .exclude(photo="")
        .first()
    )
    if profile is None or not photo_visible_to(viewer=viewer, member=profile.user):
        return None
    return profile


def profile_visible_to(*, viewer, member: User) -> bool:
    """Whether ``viewer`` may open ``member``'s profile: ``members_visible_to`` for one member
    already loaded (with their profile, by the selector that listed them)."""
    if not member.is_active or member.anonymised_at or not user_keys(viewer):
        return False
    profile = profile_of(member)
    return profile is None or can_view(viewer, profile)


def photo_visible_to(*, viewer, member: User) -> bool:
    """Whether ``viewer`` may see ``member``'s photo: they have one, on a profile ``viewer``
    may see (the photo view, ``member_photo``, asks the same)."""
    profile = profile_of(member)
    return bool(profile is not None and profile.photo) and profile_visible_to(
        viewer=viewer, member=member
    )


def members_manageable() -> QuerySet[User]:
    """Members the secretariat may manage: everyone not anonymised."""
    return User.objects.filter(anonymised_at__isnull=True)


def deletion_request_open(*, user: User) -> DeletionRequest | None:
    return deletion_requests_unconfirmed().filter(user=user).first()


def deletion_requests_unconfirmed() -> QuerySet[DeletionRequest]:
    return DeletionRequest.objects.filter(confirmed_at__isnull=True)


def deletion_request_list(*, limit: int = 200) -> list[DeletionRequest]:
    return list(DeletionRequest.objects.select_related("user", "confirmed_by")[:limit])


def role_of(user: User) -> str | None:
    names = {group.name for group in user.groups.all()}
    for role in Role.values:
        if role in names:
            return role
    return None


def email_visible(*, viewer, member: User) -> bool:
    if viewer.pk == member.pk or is_secretariat(viewer):
        return True
    profile = profile_of(member)
    return profile is None or profile.show_email


def member_data_export(*, user: User) -> dict:
    """Everything the platform keeps about ``user`` personally, as JSON-ready data."""
    profile = Profile.objects.filter(user=user).select_related("country", "organisation").first()
    data: dict = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "profile": None,
        "invitation": None,
        "sessions": [],
    }
    if profile is not None:
        data["profile"] = {
            "title": profile.title,
            "organisation": profile.organisation.name if profile.organisation else None,
            "country": profile.country.code if profile.country else None,
            "areas_of_expertise": sorted(profile.expertise.values_list("name", flat=True)),
            "languages": profile.languages,
            "bio": profile.bio,
            "photo": bool(profile.photo),
            "national_focal_point": profile.focal_point,
            "time_zone": profile.time_zone,
            # Never shown to other members; exported here because it is the member's own.
            "gender": profile.gender,
            "visibility": profile.visibility,
            "show_email": profile.show_email,
            "notification_frequency": profile.notification_frequency,
        }
    invitation = Invitation.objects.filter(accepted_by=user).first()
    if invitation is not None:
        data["invitation"] = {
            "role": invitation.role,
            "created_at": invitation.created_at.isoformat(),
            "accepted_at": invitation.accepted_at.isoformat() if invitation.accepted_at else None,
        }
    from allauth.usersessions.models import UserSession

    data["sessions"] = [
        {
            "ip": session.ip,
            "user_agent": session.user_agent,
            "created_at": session.created_at.isoformat(),
        }
        for session in UserSession.objects.filter(user=user)
    ]
    return data


def mfa_enrolled(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def admin_access(user: User) -> bool:
    """Whether the signed-in ``user`` may open the Wagtail admin (the secretariat, experts)."""
    return user.has_perm("wagtailadmin.access_admin")


def mfa_required(user: User) -> bool:
    """The secretariat and anyone who can reach the Wagtail admin must use a second factor."""
    return user.is_superuser or user.is_staff or is_secretariat(user) or admin_access(user)


def dashboard_panel(*, user) -> dict | None:
    """A nudge to finish one's profile, and for the secretariat the invitations in flight."""
    panel: dict = {"template": "members/dashboard_panel.html"}
    profile = Profile.objects.filter(user=user).first()
    panel["profile_incomplete"] = profile is None or not (profile.title and profile.country_id)
    panel["mfa_offer"] = not mfa_enrolled(user)
    panel["pending_invitations"] = (
        invitation_list(status=Invitation.Status.PENDING).count() if is_secretariat(user) else None
    )
    if not (
        panel["profile_incomplete"]
        or panel["mfa_offer"]
        or panel["pending_invitations"] is not None
    ):
        return None
    return panel
