"""The taxonomy left ``knowledge`` for its own app without losing a row, a link or a right.

A database from before the move is rebuilt here by unapplying every migration that depends on
the taxonomy app's first one; what it holds is written with that old state's models, then the
database is migrated forward and read with today's.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from members.models import Invitation, Organisation, Profile, User
from taxonomy import vocabulary
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme
from tests.search.builders import make_note

MOVED = ("country", "theme", "gcmobjective", "targetgroup", "resourcetype")


def _migrate(targets=None):
    """Migrate to ``targets`` (every app's latest when None); the state reached, as apps."""
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    if targets is None:
        # Back at today's state: cache every content type again, as the rest of the run had
        # them. A lookup that misses the cache writes a row, and the snapshot restored after
        # this test (tests/conftest.py) would then meet it.
        ContentType.objects.get_for_models(*django_apps.get_models())
    return state.apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_from_before_the_move_keeps_its_terms_links_and_rights():
    note = make_note("Circular migration schemes", themes=("labour-migration", "diaspora"))

    old = _migrate([("taxonomy", None)])
    with pytest.raises(LookupError):
        old.get_model("taxonomy", "Country")
    OldCountry = old.get_model("knowledge", "Country")
    OldTheme = old.get_model("knowledge", "Theme")
    # What the secretariat did with the vocabulary: a new country, a renamed theme, a
    # retired target group.
    iceland = OldCountry.objects.create(
        code="IS", name="Iceland", slug="iceland", translations={"ru": "Исландия"}
    )
    OldTheme.objects.filter(slug="diaspora").update(
        translations={"ru": "Работа с диаспорой"}, active=False
    )
    old.get_model("knowledge", "TargetGroup").objects.filter(slug="students").delete()
    # Members tagged with it, and a group that edits countries in the admin.
    user = old.get_model("members", "User").objects.create(email="analyst@example.org")
    profile = old.get_model("members", "Profile").objects.create(user=user, country=iceland)
    profile.expertise.set(OldTheme.objects.filter(slug__in=["asylum", "diaspora"]))
    old.get_model("members", "Organisation").objects.create(
        name="Directorate of Immigration", country=iceland
    )
    old.get_model("members", "Invitation").objects.create(
        email="colleague@example.org",
        country=OldCountry.objects.get(code="GE"),
        token_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=14),
    )
    ContentTypeBefore = old.get_model("contenttypes", "ContentType")
    type_ids = {
        model: ContentTypeBefore.objects.get(app_label="knowledge", model=model).pk
        for model in MOVED
    }
    editors = old.get_model("auth", "Group").objects.create(name="country editors")
    editors.permissions.add(
        old.get_model("auth", "Permission").objects.get(
            content_type__app_label="knowledge", codename="change_country"
        )
    )
    user.groups.add(editors)
    counts = {model: old.get_model("knowledge", model).objects.count() for model in MOVED}

    _migrate()

    assert {
        "country": Country.objects.count(),
        "theme": Theme.objects.count(),
        "gcmobjective": GCMObjective.objects.count(),
        "targetgroup": TargetGroup.objects.count(),
        "resourcetype": ResourceType.objects.count(),
    } == counts
    diaspora = Theme.objects.get(slug="diaspora")
    # The secretariat's Russian name is kept; taxonomy/0004 filled in the languages it lacked.
    assert (diaspora.translations["ru"], diaspora.active) == ("Работа с диаспорой", False)
    assert diaspora.translations["ka"] == "დიასპორის ჩართულობა"
    assert not TargetGroup.objects.filter(slug="students").exists()
    profile = Profile.objects.get(user__email="analyst@example.org")
    assert profile.country.code == "IS"
    assert sorted(profile.expertise.values_list("slug", flat=True)) == ["asylum", "diaspora"]
    assert Organisation.objects.get(name="Directorate of Immigration").country.code == "IS"
    assert Invitation.objects.get(email="colleague@example.org").country.code == "GE"
    note.refresh_from_db()
    assert sorted(note.themes.values_list("slug", flat=True)) == ["diaspora", "labour-migration"]
    georgia = Country.objects.get(code="GE")
    assert list(georgia.practice_notes.values_list("pk", flat=True)) == [note.pk]
    # The content types moved with their ids, so the group keeps its right under the new name.
    assert {
        model: ContentType.objects.get_for_model(model_class).pk
        for model, model_class in zip(
            MOVED, (Country, Theme, GCMObjective, TargetGroup, ResourceType), strict=True
        )
    } == type_ids
    assert not ContentType.objects.filter(app_label="knowledge", model__in=MOVED).exists()
    assert User.objects.get(email="analyst@example.org").has_perm("taxonomy.change_country")


@pytest.mark.django_db
def test_a_new_database_has_the_vocabulary_under_the_taxonomy_app():
    assert sorted(Country.objects.values_list("code", flat=True)) == sorted(
        code for code, *_ in vocabulary.COUNTRIES
    )
    assert GCMObjective.objects.count() == len(vocabulary.GCM_OBJECTIVES) == 23
    assert Theme.objects.get(slug="labour-migration").label == "Labour migration"
    assert ContentType.objects.get_for_model(Country).app_label == "taxonomy"
    assert not ContentType.objects.filter(app_label="knowledge", model__in=MOVED).exists()
    # One set of permissions for each term model, held by the secretariat.
    secretariat = Group.objects.get(name="secretariat")
    for model in MOVED:
        codenames = set(
            secretariat.permissions.filter(
                content_type__app_label="taxonomy", content_type__model=model
            ).values_list("codename", flat=True)
        )
        assert codenames == {f"{action}_{model}" for action in ("add", "change", "delete", "view")}
