"""A country profile shows the country's upcoming events and its national focal points, each
only to members who may see them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from core.access import Tier
from core.roles import Role
from knowledge.models import CountryProfilePage
from members.models import Profile
from taxonomy.models import Country
from tests.events.builders import get_events_index, make_event
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _client(role: str) -> Client:
    client = Client()
    client.force_login(make_member(role))
    return client


def _profile_page(code: str = "AM") -> CountryProfilePage:
    return CountryProfilePage.objects.get(country__code=code)


@pytest.fixture
def armenia_events(library):
    index = get_events_index()
    armenia = Country.objects.get(code="AM")
    georgia = Country.objects.get(code="GE")
    make_event(index, title="Yerevan regional meeting", countries=[armenia])
    make_event(index, title="Closed ministers' retreat", countries=[armenia], tier=Tier.SECRETARIAT)
    make_event(index, title="Tbilisi webinar", countries=[georgia])
    past = timezone.now() - timedelta(days=30)
    make_event(index, title="Last year's study visit", countries=[armenia], starts_at=past)


def test_the_profile_lists_the_countrys_upcoming_events_a_member_may_see(armenia_events):
    response = _client(Role.OBSERVER).get(_profile_page().url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Yerevan regional meeting" in content
    assert "Closed ministers&#x27; retreat" not in content
    assert "Closed ministers' retreat" not in content
    assert "Tbilisi webinar" not in content
    assert "Last year&#x27;s study visit" not in content


def test_the_secretariat_sees_the_restricted_event_too(armenia_events):
    content = _client(Role.SECRETARIAT).get(_profile_page().url).content.decode()
    assert "Yerevan regional meeting" in content
    assert "Closed ministers&#x27; retreat" in content


def _focal_point(code: str, name: str, *, visibility: str = "members", focal: bool = True):
    first, last = name.split()
    user = make_member(Role.GOVERNMENT, first_name=first, last_name=last)
    Profile.objects.update_or_create(
        user=user,
        defaults={
            "focal_point": focal,
            "country": Country.objects.get(code=code),
            "visibility": visibility,
        },
    )
    return user


def test_the_profile_lists_focal_points_whose_profiles_the_reader_may_see(library):
    _focal_point("AM", "Hasmik Petrosyan")
    _focal_point("AM", "Armen Sargsyan", visibility=Tier.SECRETARIAT)
    _focal_point("AM", "Narek Hakobyan", focal=False)
    _focal_point("GE", "Nino Beridze")
    observer = _client(Role.OBSERVER).get(_profile_page().url).content.decode()
    assert "Hasmik Petrosyan" in observer
    assert "Armen Sargsyan" not in observer
    assert "Narek Hakobyan" not in observer
    assert "Nino Beridze" not in observer
    secretariat = _client(Role.SECRETARIAT).get(_profile_page().url).content.decode()
    assert "Armen Sargsyan" in secretariat
