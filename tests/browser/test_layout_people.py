"""Layout checks (tests/browser/layout.py) for the people pages and dashboards, each signed in
as the role that uses the page: the dashboard for every role, the directory, a member's page,
"My notes" and the secretariat's dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from core.roles import Role
from tests.browser.conftest import sign_in
from tests.browser.layout import check_layout
from tests.factories.members import DEFAULT_PASSWORD, make_member

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _people(n: int = 6) -> list:
    from members.models import Organisation, Profile
    from taxonomy.models import Country

    countries = list(Country.objects.filter(eastern_partnership=True))
    names = [
        (
            "Nino",
            "Beridze",
            "Ministry of Internally Displaced Persons, Labour, Health and Social Affairs",
        ),
        ("Armen", "Hakobyan", "Migration and Citizenship Service"),
        ("Olena", "Kovalenko", "State Migration Service"),
        ("Ion", "Rusu", "Bureau for Migration and Asylum"),
        ("Leyla", "Aliyeva", "State Migration Service"),
        ("Mariam", "Sargsyan", "Ministry of Labour and Social Affairs"),
    ]
    people = []
    for index, (first, last, organisation) in enumerate(names[:n]):
        person = make_member(Role.GOVERNMENT, first_name=first, last_name=last)
        country = countries[index % len(countries)]
        Profile.objects.create(
            user=person,
            title="Head of unit",
            organisation=Organisation.objects.get_or_create(name=organisation, country=country)[0],
            country=country,
            focal_point=index == 0,
        )
        people.append(person)
    return people


def _world() -> dict:
    """A little of everything the dashboards show."""
    from discussions import services as discussion_services
    from discussions.models import Topic
    from events import services as event_services
    from knowledge.services import library_setup
    from members import services as member_services
    from tests.events.builders import get_events_index, make_consultation, make_event
    from tests.knowledge.conftest import make_note

    people = _people()
    expert = make_member(Role.EXPERT, first_name="Elena", last_name="Expertova")
    secretariat = make_member(Role.SECRETARIAT, is_staff=True, first_name="Sofia", last_name="Sec")
    library = library_setup()
    make_note(library, title="Circular labour migration pilot with Germany", owner=expert)
    make_note(library, title="Draft on reintegration grants", owner=expert, publish=False)
    index = get_events_index()
    soon = timezone.now() + timedelta(days=3, hours=2)
    make_event(index, title="Regional meeting on readmission", registration_closes_at=soon)
    full = make_event(index, title="Workshop on labour market tests", capacity=1)
    for person in people[:3]:
        event_services.registration_create(event=full, user=person)
    approval = make_event(index, title="Study visit to Chisinau", approval_required=True)
    event_services.registration_create(event=approval, user=people[3])
    make_consultation(index, title="Consultation on return and reintegration")
    topic = Topic.objects.create(name="Labour migration", slug="labour-migration")
    thread = discussion_services.thread_create(
        author=people[0], title="Seasonal work schemes", body="How do you recruit?", topic=topic
    )
    discussion_services.flag_create(
        reporter=people[1], post=thread.posts.get(number=1), reason="spam"
    )
    member_services.invitation_create(
        email="new.official@example.org", role=Role.GOVERNMENT, invited_by=secretariat
    )
    return {"people": people, "expert": expert, "secretariat": secretariat}


@pytest.mark.parametrize("role", ["official", "expert", "secretariat"])
def test_dashboard_layout(page, role):
    world = _world()
    user = {"official": world["people"][2], "expert": world["expert"]}.get(
        role, world["secretariat"]
    )
    sign_in(page, user.email, DEFAULT_PASSWORD)
    check_layout(page, "/en/", first_result="#dashboard-deadlines", name=f"dashboard-{role}")


def test_directory_and_member_page_layout(page):
    people = _people()
    sign_in(page, people[1].email, DEFAULT_PASSWORD)
    check_layout(page, "/en/members/", first_result=".mp-directory__cards > li", name="directory")
    check_layout(page, f"/en/members/{people[0].pk}/", name="member-detail")


def test_my_notes_layout(page):
    world = _world()
    sign_in(page, world["expert"].email, DEFAULT_PASSWORD)
    check_layout(page, "/en/library/my-notes/", name="my-notes")


def test_secretariat_dashboard_layout(page):
    world = _world()
    sign_in(page, world["secretariat"].email, DEFAULT_PASSWORD)
    check_layout(page, "/en/secretariat/", first_result="#queue-approvals", name="secretariat")
