"""Avatars and author lines (members/templatetags/people.py): photo only where the viewer may
see the profile, else initials on a colour readable with white text; no query per person."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from core.access import Tier
from core.roles import Role
from members.models import Organisation
from taxonomy.models import Country
from tests.factories.members import make_member
from tests.members.test_profiles import image_file, profile_for

pytestmark = pytest.mark.django_db


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_initials_colour_reads_at_aa_with_white_text():
    css = (Path(settings.BASE_DIR) / "static/css/people.css").read_text()
    colours = re.findall(r"\.mp-avatar--hue-\d+ \{ background: (#[0-9a-fA-F]{6}); \}", css)
    assert len(colours) == 8
    for colour in colours:
        ratio = 1.05 / (_luminance(colour) + 0.05)
        assert ratio >= 4.5, f"{colour} gives {ratio:.2f}:1 with white"


def test_directory_card_shows_photo_or_initials(member_client):
    with_photo = make_member(Role.GOVERNMENT, first_name="Nino", last_name="Beridze")
    profile_for(with_photo, photo=image_file())
    without = make_member(Role.GOVERNMENT, first_name="Armen", last_name="Hakobyan")
    profile_for(without)
    page = member_client.get(reverse("members:directory")).content.decode()
    photo = reverse("members:member_photo", args=[with_photo.pk])
    assert f'src="{photo}"' in page
    assert '<span class="mp-avatar__initials">AH</span>' in page
    assert '<span class="mp-avatar__initials">NB</span>' not in page


def test_member_page_shows_large_avatar(member_client):
    someone = make_member(Role.EXPERT, first_name="Olena", last_name="Kovalenko")
    profile_for(someone)
    page = member_client.get(reverse("members:member_detail", args=[someone.pk])).content.decode()
    assert "mp-avatar--l" in page
    assert '<span class="mp-avatar__initials">OK</span>' in page


def test_author_line_hides_a_restricted_profile(rf, member, official):
    """A post by someone whose profile only governments see: others get the name and initials,
    never the photo, the profile link, the organisation or the country."""
    from django.template import Context, Template

    author = make_member(Role.GOVERNMENT, first_name="Hidden", last_name="Official")
    organisation = Organisation.objects.create(name="State Migration Service")
    profile_for(
        author,
        visibility=Tier.GOVERNMENTS,
        photo=image_file(),
        organisation=organisation,
        country=Country.objects.get(code="MD"),
    )
    template = Template("{% load people %}{% author_line person %}")

    def render(viewer) -> str:
        request = rf.get("/")
        request.user = viewer
        return template.render(Context({"request": request, "person": author}))

    hidden = render(member)
    assert "Hidden Official" in hidden
    assert "photo" not in hidden
    assert reverse("members:member_detail", args=[author.pk]) not in hidden
    assert "State Migration Service" not in hidden
    assert ">HO<" in hidden

    shown = render(official)
    assert reverse("members:member_photo", args=[author.pk]) in shown
    assert f'href="{reverse("members:member_detail", args=[author.pk])}"' in shown
    assert "State Migration Service" in shown
    # The code is for the eye; screen readers hear the country's name.
    assert (
        '<span aria-hidden="true">MD</span><span class="mp-visually-hidden">Moldova</span>'
    ) in shown


def test_initials_of_names():
    from members.templatetags.people import hue_of, initials_of

    assert initials_of("Nino Beridze") == "NB"
    assert initials_of("Jean-Luc") == "JL"
    assert initials_of("Ана Мария де ла Крус") == "АК"
    assert initials_of("olena") == "O"
    assert hue_of("Nino Beridze") == hue_of("Nino Beridze")


def _directory_members(n: int) -> None:
    country = Country.objects.get(code="GE")
    for index in range(n):
        organisation = Organisation.objects.create(name=f"Ministry {index}")
        someone = make_member(Role.GOVERNMENT)
        profile_for(
            someone,
            organisation=organisation,
            country=country,
            photo=image_file() if index % 2 else "",
        )


def test_directory_of_twenty_costs_what_a_directory_of_two_does(
    member_client, django_assert_max_num_queries
):
    _directory_members(2)
    with django_assert_max_num_queries(20) as few:
        member_client.get(reverse("members:directory"))
    _directory_members(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = member_client.get(reverse("members:directory")).content.decode()
    # Twenty people and the member looking, each with a photo or initials.
    assert page.count("mp-avatar--m") == 21
    assert page.count("mp-avatar__img") == 10
