"""Member profiles, for the directory: name, job title, organisation, country, expertise.

A profile's ``visibility`` is a tier (``Profile.access_keys``): the document carries those keys,
so a profile shown to governments only is found by governments only.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core.access import Tier, keys_for_tier
from search.sources import Entry, Source, guess_language, model_or_none, register


def _members():
    queryset = model_or_none("members.User").objects.filter(is_active=True)
    if model_or_none("members.Profile"):
        queryset = queryset.select_related(
            "profile__organisation", "profile__country"
        ).prefetch_related("profile__expertise")
    return queryset


def _url(user) -> str:
    try:
        return reverse("members:member_detail", kwargs={"pk": user.pk})
    except NoReverseMatch:
        return ""


def _member_entry(user) -> Entry | None:
    profile = getattr(user, "profile", None) if model_or_none("members.Profile") else None
    if profile is None:
        return Entry(
            title=user.display_name,
            url=_url(user),
            access=keys_for_tier(Tier.MEMBERS),
            date=user.date_joined,
        )
    organisation = profile.organisation.name if profile.organisation_id else ""
    expertise = list(profile.expertise.all())
    # Areas of expertise in every language the taxonomy names them, so a member searching in
    # Russian finds an expert whose profile was written in English.
    areas = " ".join(
        name for t in expertise for name in dict.fromkeys([t.name, *t.translations.values()])
    )
    details = " ".join(part for part in (profile.title, profile.bio, areas) if part)
    return Entry(
        title=user.display_name,
        url=_url(user),
        access=profile.access_keys(),
        language=guess_language(f"{user.display_name} {profile.title} {profile.bio}"),
        summary=" · ".join(part for part in (profile.title, organisation) if part),
        body=details,
        countries=[profile.country.code] if profile.country_id else [],
        themes=[t.slug for t in expertise],
        date=user.date_joined,
    )


def _profile_owner(profile):
    return model_or_none("members.User").objects.filter(pk=profile.user_id)


register(
    Source(
        kind="member",
        label=_("Member"),
        model="members.User",
        queryset=_members,
        to_entry=_member_entry,
        related={"members.Profile": _profile_owner} if model_or_none("members.Profile") else {},
        m2m={"members.Profile.expertise": _profile_owner},
    )
)
