"""The library's and the discussions' parts of the donor report count what happened in the
period, each practice and each post once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from core.reports import Period
from discussions import services as discussion_services
from discussions.models import Topic
from discussions.reports import discussions_section
from knowledge.models import PracticeNotePage
from knowledge.reports import knowledge_section
from tests.knowledge.conftest import make_note, make_translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def _this_week() -> Period:
    today = timezone.localdate()
    return Period(today - dt.timedelta(days=6), today)


def _rows(section, key: str) -> dict:
    table = next(table for table in section.tables if table.key == key)
    return {row[0]: row[1] for row in table.rows}


def _figures(section) -> dict:
    return {figure.label: figure.value for figure in section.figures}


def test_practices_published_in_the_period_by_country_and_theme():
    from knowledge.services import library_setup

    library = library_setup()
    both = make_note(library, countries=("armenia", "georgia"), themes=("labour-migration",))
    make_translation(library, both, title="Практика", summary="Что сделано.")
    make_note(library, countries=("georgia",), themes=("labour-migration",))
    old = make_note(library, countries=("moldova",))
    PracticeNotePage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - dt.timedelta(days=400)
    )
    make_note(library, countries=("moldova",), publish=False)  # a draft is not published
    section = knowledge_section(_this_week())
    figures = _figures(section)
    assert figures["Practices published"] == 2
    # The Russian version of a practice is a translation, not another practice.
    assert figures["Translations published"] == 1
    assert _rows(section, "practices-by-country") == {"Armenia": 1, "Georgia": 2}
    assert _rows(section, "practices-by-theme") == {"Labour migration": 2}


def test_threads_and_posts_in_the_period_by_topic(official, expert):
    labour = Topic.objects.create(name="Labour migration", slug="labour-migration")
    returns = Topic.objects.create(name="Return", slug="return")
    thread = discussion_services.thread_create(
        author=official, title="Seasonal work", body="How do you recruit?", topic=labour
    )
    discussion_services.post_create(author=expert, thread=thread, body="Through agencies.")
    discussion_services.thread_create(
        author=expert, title="Reintegration", body="What works?", topic=returns
    )
    old = discussion_services.thread_create(
        author=expert, title="Old", body="Last year.", topic=returns
    )
    old.posts.update(created_at=timezone.now() - dt.timedelta(days=400))
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    section = discussions_section(_this_week())
    figures = _figures(section)
    assert figures == {"Threads started": 2, "Posts written": 3, "Members who wrote": 2}
    table = section.tables[0]
    assert table.rows == [["Labour migration", 2, 1], ["Return", 1, 1]]
