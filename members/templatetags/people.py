"""People beside what they wrote or do: avatars and author lines (issue 13, item 4).

``{% avatar person size="s" %}`` shows the member's photo when the viewer may see their profile
(``members.selectors.photo_visible_to``, the rule the photo view itself asks), else their
initials on a colour taken from their name. ``{% author_line person %}`` adds the name (linked
to the profile when the viewer may open it), the organisation and the country's ISO code with
the country's name for screen readers. Lists feeding these tags load each person with
``profile``, ``profile__organisation`` and ``profile__country`` (``PEOPLE_RELATED``), so a page
of people costs no query per person.
"""

from __future__ import annotations

import hashlib

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import User
from members.selectors import photo_visible_to, profile_of, profile_visible_to

register = template.Library()

# Pixel sizes of the three avatars (the CSS draws the same; width and height stop layout shift).
SIZES = {"s": 32, "m": 48, "l": 96}
# Backgrounds for initials, each at least 4.5:1 against white text (WCAG AA for small text);
# tests/members/test_people.py checks every one.
HUES = 8


def initials_of(name: str) -> str:
    """Up to two letters: the first of the first word and of the last word of ``name``."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def hue_of(name: str) -> int:
    """A stable colour slot for ``name`` (the same person keeps their colour everywhere)."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % HUES


def _viewer(context):
    request = context.get("request")
    return request.user if request is not None else None


def _avatar(viewer, person: User | None, size: str) -> dict:
    size = size if size in SIZES else "s"
    name = person.display_name if person is not None else _("A former member")
    photo_url = ""
    if person is not None and viewer is not None and photo_visible_to(viewer=viewer, member=person):
        photo_url = reverse("members:member_photo", args=[person.pk])
    return {
        "size": size,
        "pixels": SIZES[size],
        "photo_url": photo_url,
        "initials": initials_of(name) if person is not None else "",
        "hue": hue_of(name),
    }


@register.inclusion_tag("members/people/avatar.html", takes_context=True)
def avatar(context, person: User | None, size: str = "s") -> dict:
    """The member's photo or initials; decorative (the name is always written beside it)."""
    return _avatar(_viewer(context), person, size)


@register.inclusion_tag("members/people/author_line.html", takes_context=True)
def author_line(context, person: User | None, size: str = "s") -> dict:
    """Avatar, name (a link to the profile when ``viewer`` may open it), organisation and
    country. A profile the viewer may not see shows the name only."""
    viewer = _viewer(context)
    line: dict = {"avatar": _avatar(viewer, person, size), "person": person}
    profile = None
    profile_url = ""
    if (
        person is not None
        and viewer is not None
        and profile_visible_to(viewer=viewer, member=person)
    ):
        profile = profile_of(person)
        profile_url = reverse("members:member_detail", args=[person.pk])
    line["name"] = person.display_name if person is not None else _("A former member")
    line["profile_url"] = profile_url
    line["organisation"] = profile.organisation if profile is not None else None
    line["country"] = profile.country if profile is not None else None
    return line
