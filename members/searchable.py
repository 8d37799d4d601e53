"""Member profiles in search, for the directory: name, job title, organisation, country,
expertise.

A profile's ``visibility`` is a tier (``Profile.access_keys``): the document carries those keys,
so a profile shown to governments only is found by governments only.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.access import Tier, keys_for_tier
from members.models import Profile, User
from search.extract import guess_language
from search.sources import SOURCES_HOOK, Entry, Source


def _members() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True)
        .select_related("profile__organisation", "profile__country")
        .prefetch_related("profile__expertise")
    )


def _member_entry(user: User) -> Entry:
    url = reverse("members:member_detail", kwargs={"pk": user.pk})
    # The name in Latin letters too, when written in another script: "Nino Beridze" finds
    # "ნინო ბერიძე" on either engine.
    latin = user.name_latin if user.name_latin != user.display_name.lower() else ""
    if user.anonymised_at:
        latin = ""
    try:
        profile = user.profile
    except Profile.DoesNotExist:
        # Not filled in yet: found by name, by every member.
        return Entry(
            title=user.display_name,
            url=url,
            access=keys_for_tier(Tier.MEMBERS),
            body=latin,
            date=user.date_joined,
        )
    organisation = profile.organisation.name if profile.organisation else ""
    expertise = list(profile.expertise.all())
    # Areas of expertise in every language the taxonomy names them, so a member searching in
    # Russian finds an expert whose profile was written in English.
    areas = " ".join(
        name for t in expertise for name in dict.fromkeys([t.name, *t.translations.values()])
    )
    details = " ".join(part for part in (latin, profile.title, profile.bio, areas) if part)
    return Entry(
        title=user.display_name,
        url=url,
        access=profile.access_keys(),
        language=guess_language(f"{user.display_name} {profile.title} {profile.bio}"),
        summary=" · ".join(part for part in (profile.title, organisation) if part),
        body=details,
        countries=[profile.country.code] if profile.country else [],
        themes=[t.slug for t in expertise],
        date=user.date_joined,
    )


def _profile_owner(profile: Profile) -> QuerySet[User]:
    return User.objects.filter(pk=profile.user_id)


MEMBERS = Source(
    kind="member",
    label=_("Member"),
    model=User,
    queryset=_members,
    to_entry=_member_entry,
    related={Profile: _profile_owner},
    m2m={(Profile, "expertise"): _profile_owner},
)


@hooks.register(SOURCES_HOOK)
def search_sources() -> list[Source]:
    return [MEMBERS]
