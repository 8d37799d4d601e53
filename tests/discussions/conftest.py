"""Topics, threads and pages to discuss, for the discussions tests."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from core.roles import Role
from discussions import services
from discussions.models import Topic


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Labour migration", slug="labour-migration")


@pytest.fixture
def government_topic(db):
    topic = Topic.objects.create(name="Governments only", slug="governments-only")
    topic.restricted_groups.add(Group.objects.get(name=Role.GOVERNMENT))
    return topic


@pytest.fixture
def working_group(db):
    return Group.objects.create(name="Readmission working group")


@pytest.fixture
def working_group_topic(db, working_group):
    topic = Topic.objects.create(name="Readmission", slug="readmission")
    topic.restricted_groups.add(working_group)
    return topic


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def standard_page(home_page):
    from home.models import StandardPage

    return home_page.add_child(instance=StandardPage(title="Working methods", slug="methods"))


def start_thread(author, *, topic=None, page=None, title="How did it work?", body="Hello all"):
    return services.thread_create(author=author, title=title, body=body, topic=topic, page=page)


@pytest.fixture
def thread(topic, expert):
    return start_thread(expert, topic=topic)
