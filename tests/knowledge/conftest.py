"""The library page tree and practice notes, built small for each test."""

from __future__ import annotations

import itertools

import pytest

from core.access import Tier
from knowledge.models import PracticeNotePage
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme

_counter = itertools.count(1)


@pytest.fixture
def library(db):
    from knowledge.services import library_setup

    return library_setup()


def make_note(
    library,
    *,
    title: str | None = None,
    countries=("armenia",),
    themes=("labour-migration",),
    objectives=(),
    target_groups=(),
    resource_type: str | None = "practice-note",
    tier: str = Tier.MEMBERS,
    language: str = "en",
    period=(2019, 2022),
    owner=None,
    publish: bool = True,
    body=None,
    **fields,
) -> PracticeNotePage:
    number = next(_counter)
    title = title or f"Practice {number}"
    note = PracticeNotePage(
        title=title,
        slug=f"practice-{number}",
        summary=fields.pop("summary", f"What {title} did."),
        tier=tier,
        language=language,
        period_start=period[0],
        period_end=period[1],
        owner=owner,
        resource_type=ResourceType.objects.get(slug=resource_type) if resource_type else None,
        body=body or [],
        **fields,
    )
    note.countries = list(Country.objects.filter(slug__in=countries))
    note.themes = list(Theme.objects.filter(slug__in=themes))
    note.gcm_objectives = list(GCMObjective.objects.filter(number__in=objectives))
    note.target_groups = list(TargetGroup.objects.filter(slug__in=target_groups))
    if not publish:
        note.live = False
    library.add_child(instance=note)
    revision = note.save_revision(user=owner)
    if publish:
        revision.publish()
        note.refresh_from_db()
    return note


def make_translation(library, original, *, title: str, summary: str) -> PracticeNotePage:
    """A published Russian version of ``original``, in the same translation set."""
    from wagtail.models import Locale

    translation = PracticeNotePage(
        title=title,
        slug=f"{original.slug}-ru",
        summary=summary,
        language="ru",
        authoritative=False,
        translation_key=original.translation_key,
        locale=Locale.objects.get(language_code="ru"),
    )
    translation.countries = list(original.countries.all())
    translation.themes = list(original.themes.all())
    library.add_child(instance=translation)
    translation.save_revision().publish()
    return translation


@pytest.fixture
def note_factory(library):
    def factory(**kwargs):
        return make_note(library, **kwargs)

    return factory


# The search engines: each search test runs on the database engine and on Elasticsearch.
from tests.search.conftest import (  # noqa: E402, F401
    engine,
    es_index,
    index_now,
    search_down,
)
