"""The member's dashboard: the panels the apps register, each list read through the access layer."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail import hooks

from core.access import Tier
from events import services as event_services
from tests.events.builders import get_events_index, make_event, publish
from tests.search.builders import make_note

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    # Registration e-mails are sent on commit; a test's transaction never commits.
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _dashboard(client) -> str:
    response = client.get("/en/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def panel_template(settings):
    """A panel template only this test knows, beside the site's own templates."""
    engine = dict(settings.TEMPLATES[0], APP_DIRS=False)
    engine["OPTIONS"] = dict(
        engine["OPTIONS"],
        loaders=[
            (
                "django.template.loaders.locmem.Loader",
                {"test/panel.html": "<p>{{ panel.text }}</p>"},
            ),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
    settings.TEMPLATES = [engine]
    return "test/panel.html"


def test_home_shows_the_panels_apps_register_in_their_order(member_client, panel_template):
    def late(user):
        return {"template": panel_template, "text": "late panel"}

    def early(user):
        return {"template": panel_template, "text": "early panel"}

    def silent(user):
        return None

    with (
        hooks.register_temporarily("register_dashboard_panel", late, order=1000),
        hooks.register_temporarily("register_dashboard_panel", early, order=-1000),
        hooks.register_temporarily("register_dashboard_panel", silent),
    ):
        html = _dashboard(member_client)
    assert html.index("early panel") < html.index("Your upcoming events") < html.index("late panel")


def test_a_registration_for_an_event_made_restricted_leaves_the_dashboard(member, member_client):
    event = make_event(get_events_index(), title="Quarterly exchange on return")
    event_services.registration_create(event=event, user=member)
    assert "Quarterly exchange on return" in _dashboard(member_client)

    event.tier = Tier.SECRETARIAT
    publish(event)

    assert "Quarterly exchange on return" not in _dashboard(member_client)


def test_new_practices_list_only_notes_the_member_may_read(member, secretariat):
    make_note("Open note on seasonal work")
    make_note("Restricted note on border posts", tier=Tier.SECRETARIAT)
    html = _dashboard(_signed_in(member))
    assert "Open note on seasonal work" in html
    assert "Restricted note on border posts" not in html
    assert "Restricted note on border posts" in _dashboard(_signed_in(secretariat))


def test_active_threads_list_only_topics_the_member_may_read(member, secretariat):
    from django.contrib.auth.models import Group

    from discussions.models import Post, Thread, Topic

    closed = Topic.objects.create(name="Focal points only", slug="focal-points-only")
    closed.restricted_groups.add(Group.objects.get_or_create(name="focal-points")[0])
    open_topic = Topic.objects.create(name="Everyone", slug="everyone")
    for topic, title in (
        (closed, "Closed talk on readmission"),
        (open_topic, "Open talk on visas"),
    ):
        thread = Thread.objects.create(title=title, topic=topic, author=secretariat)
        Post.objects.create(thread=thread, number=1, author=secretariat, source="First post")
    html = _dashboard(_signed_in(member))
    assert "Open talk on visas" in html
    assert "Closed talk on readmission" not in html
    assert "Closed talk on readmission" in _dashboard(_signed_in(secretariat))


def test_dashboard_queries_stay_flat(member_client, django_assert_max_num_queries):
    for n in range(3):
        make_note(f"Note number {n}")
    _dashboard(member_client)
    with django_assert_max_num_queries(40):
        _dashboard(member_client)
