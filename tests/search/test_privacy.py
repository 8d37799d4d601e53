"""Wagtail's "Privacy" dialog: a section restricted to groups is closed to everyone else in the
page view, the library listing, discussions and search (both engines), and opening it again
brings its pages back to everyone."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from core.roles import Role
from knowledge.selectors import visible_notes
from search import query as search_query
from tests.search.builders import (
    make_note,
    make_restricted_section,
    make_standard_page,
    restrict,
)

pytestmark = pytest.mark.django_db

WORD = "zelvarionic"


@pytest.fixture
def experts_section(engine, index_now):
    """A library section for experts only, holding one note, next to an open note."""
    make_note("Open note on labour mobility")  # in the open library, made first
    section, note = make_restricted_section(
        Role.EXPERT, note_title=f"Draft {WORD} methodology", note_summary=f"On {WORD} counting"
    )
    index_now()
    return section, note


def _opens(user, page) -> int:
    client = Client()
    client.force_login(user)
    return client.get(page.url).status_code


def test_a_group_only_section_is_closed_everywhere_to_the_others(
    experts_section, member, official, expert, secretariat
):
    _, note = experts_section
    for outsider in (member, official):
        assert search_query.search(user=outsider, query=WORD).total == 0
        assert search_query.suggest(user=outsider, prefix="Draft zelv") == []
        assert note.pk not in set(visible_notes(outsider).values_list("pk", flat=True))
        assert _opens(outsider, note) == 404
    for insider in (expert, secretariat):
        found = search_query.search(user=insider, query=WORD)
        assert [h.object_id for h in found.hits] == [str(note.pk)]
        assert note.pk in set(visible_notes(insider).values_list("pk", flat=True))
        assert _opens(insider, note) == 200
    # The rest of the library stays open to all.
    assert search_query.search(user=member, query="labour mobility").total == 1


def test_lifting_or_widening_the_rule_reindexes_the_section(
    experts_section, index_now, member, official
):
    section, note = experts_section
    restriction = PageViewRestriction.objects.get(page=section)
    restriction.groups.add(Group.objects.get(name=Role.GOVERNMENT))
    index_now()
    assert search_query.search(user=official, query=WORD).total == 1
    assert search_query.search(user=member, query=WORD).total == 0

    restriction.delete()
    index_now()
    assert search_query.search(user=member, query=WORD).total == 1
    assert _opens(member, note) == 200


def test_a_plain_page_and_its_discussion_follow_the_rule(engine, index_now, member, expert):
    from discussions.models import Post, Thread

    page = make_standard_page(f"Terms of reference {WORD}", body="Working group mandate")
    thread = Thread.objects.create(title="Mandate questions", page=page, author=expert)
    Post.objects.create(thread=thread, number=1, author=expert, source=f"What about {WORD}?")
    index_now()
    assert search_query.search(user=member, query=WORD).total == 2

    restrict(page, Role.EXPERT)
    index_now()
    assert search_query.search(user=member, query=WORD).total == 0
    assert {h.kind for h in search_query.search(user=expert, query=WORD).hits} == {"page", "post"}
    assert _opens(member, page) == 404


SECRET_WORD = "Qorvendalite"


def test_suggestions_never_offer_a_title_above_the_member(engine, index_now, client, secretariat):
    """The header box's suggestions ask the access layer: an observer typing the first letters
    of a secretariat-only note's title is offered nothing from it; the secretariat is."""
    from core.access import Tier
    from tests.factories.members import make_member

    make_note(f"{SECRET_WORD} border survey", tier=Tier.SECRETARIAT)
    make_note("Qorvena open seasonal scheme")
    index_now()
    observer = make_member(Role.OBSERVER)

    def offered(user) -> list[str]:
        client.force_login(user)
        response = client.get("/en/search/suggest/", {"q": "Qorven"})
        assert response.status_code == 200
        return [s["title"] for s in response.json()["suggestions"]]

    assert offered(observer) == ["Qorvena open seasonal scheme"]
    for prefix in ("Qorvend", SECRET_WORD, f"{SECRET_WORD} bor"):
        client.force_login(observer)
        leaked = client.get("/en/search/suggest/", {"q": prefix}).content.decode()
        assert SECRET_WORD not in leaked.replace(prefix, "")
        assert client.get("/en/search/suggest/", {"q": prefix}).json()["suggestions"] == []
    assert f"{SECRET_WORD} border survey" in offered(secretariat)
