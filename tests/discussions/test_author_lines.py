"""Who wrote each post: avatar, name, organisation and country beside it, in a fixed number of
queries however many people wrote on the page."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from core.roles import Role
from discussions import services
from members.models import Organisation, Profile
from taxonomy.models import Country
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _posts_by_new_people(thread, n: int) -> None:
    country = Country.objects.get(code="AM")
    for index in range(n):
        author = make_member(Role.GOVERNMENT, first_name="Author", last_name=f"N{index}")
        Profile.objects.create(
            user=author,
            organisation=Organisation.objects.create(name=f"Agency {index}"),
            country=country,
        )
        services.post_create(author=author, thread=thread, body=f"Post {index}")
        cache.clear()  # the posting rate limit is not what this test is about


def test_posts_show_their_authors_organisation_and_country(client, thread, member):
    _posts_by_new_people(thread, 1)
    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "mp-author-line" in page
    assert "Agency 0" in page
    assert (
        '<span aria-hidden="true">AM</span><span class="mp-visually-hidden">Armenia</span>'
    ) in page


def test_twenty_authors_cost_no_query_each(
    client, thread, member, settings, django_assert_max_num_queries
):
    """The thread page's budget (tests/discussions/test_reading.py) holds with twenty authors,
    each with a profile, an organisation and a country."""
    settings.DISCUSSIONS_POSTS_PER_PAGE = 25
    _posts_by_new_people(thread, 20)
    client.force_login(member)
    url = thread.get_absolute_url()
    client.get(url)  # warm the session, mark the posts read
    with django_assert_max_num_queries(16):
        page = client.get(url).content.decode()
    assert page.count("mp-author-line__organisation") == 20
