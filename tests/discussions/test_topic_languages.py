"""Topics are named in every interface language, English where a language has no name yet."""

from __future__ import annotations

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from discussions import services
from discussions.models import Topic


@pytest.fixture
def georgian_topic(db):
    return Topic.objects.create(
        name="Labour migration",
        slug="labour-migration",
        name_translations={"ka": "შრომითი მიგრაცია", "ru": "Трудовая миграция"},
        description="Seasonal schemes and recruitment.",
        description_translations={"ka": "სეზონური დასაქმების პროგრამები და დაქირავება."},
    )


@pytest.mark.django_db
def test_georgian_interface_shows_georgian_names_and_marks_english_ones(
    client, member, georgian_topic
):
    english_only = Topic.objects.create(name="Migration data", slug="migration-data")
    services.thread_create(
        author=member, title="Seasonal quotas", body="How are quotas set?", topic=georgian_topic
    )
    client.force_login(member)
    with translation.override("ka"):
        index = client.get(reverse("discussions:index")).content.decode()
        topic_page = client.get(georgian_topic.get_absolute_url()).content.decode()
        fallback_page = client.get(english_only.get_absolute_url()).content.decode()

    assert ">შრომითი მიგრაცია</a>" in index
    assert '<span lang="en">Migration data</span>' in index
    assert "Labour migration" not in index
    assert '<h1 class="mp-heading-xl">შრომითი მიგრაცია</h1>' in topic_page
    assert ">სეზონური დასაქმების პროგრამები და დაქირავება.</p>" in topic_page
    # The list of topics and the list of threads both name it in Georgian.
    assert index.count(">შრომითი მიგრაცია</a>") >= 2
    assert '<h1 class="mp-heading-xl"><span lang="en">Migration data</span></h1>' in fallback_page


@pytest.mark.django_db
def test_english_interface_needs_no_lang_marks(client, member, georgian_topic):
    client.force_login(member)
    with translation.override("en"):
        html = client.get(georgian_topic.get_absolute_url()).content.decode()
    assert '<h1 class="mp-heading-xl">Labour migration</h1>' in html
    assert 'lang="en"' not in html.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.django_db
def test_russian_description_falls_back_to_english_marked(client, member, georgian_topic):
    client.force_login(member)
    with translation.override("ru"):
        html = client.get(georgian_topic.get_absolute_url()).content.decode()
    assert '<h1 class="mp-heading-xl">Трудовая миграция</h1>' in html
    assert '<p class="mp-lead" lang="en">Seasonal schemes and recruitment.</p>' in html


@pytest.mark.django_db
def test_secretariat_names_a_topic_in_every_language_in_the_admin(secretariat_client):
    data = {
        "name": "Return and reintegration",
        "slug": "return-reintegration",
        "description": "",
        "position": "0",
        "name_ru": "Возвращение и реинтеграция",
        "name_ka": "დაბრუნება და რეინტეგრაცია",
        "description_uk": "Сприяння добровільному поверненню.",
    }
    form = secretariat_client.get(reverse("wagtailsnippets_discussions_topic:add"))
    for field in ("name_hy", "name_az", "name_ro", "name_uk", "description_ka"):
        assert f'name="{field}"' in form.content.decode()
    response = secretariat_client.post(reverse("wagtailsnippets_discussions_topic:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = Topic.objects.get(slug="return-reintegration")
    assert topic.name_translations == {
        "ru": "Возвращение и реинтеграция",
        "ka": "დაბრუნება და რეინტეგრაცია",
    }
    assert topic.description_translations == {"uk": "Сприяння добровільному поверненню."}

    # Editing shows what is kept; clearing a field removes that language.
    edit_url = reverse("wagtailsnippets_discussions_topic:edit", args=[topic.pk])
    assert "დაბრუნება და რეინტეგრაცია" in secretariat_client.get(edit_url).content.decode()
    response = secretariat_client.post(edit_url, data | {"name_ka": ""})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_translations == {"ru": "Возвращение и реинтеграция"}


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    if targets is None:
        ContentType.objects.get_for_models(*django_apps.get_models())
    return state.apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_keeps_russian_names_and_descriptions():
    old = _migrate([("discussions", "0002_secretariat_permissions")])
    OldTopic = old.get_model("discussions", "Topic")
    OldTopic.objects.create(
        name="Labour migration",
        name_ru="Трудовая миграция",
        slug="labour-migration",
        description="Seasonal schemes.",
        description_ru="Сезонные программы.",
    )
    OldTopic.objects.create(name="Migration data", slug="migration-data")

    _migrate()

    labour = Topic.objects.get(slug="labour-migration")
    assert labour.name_translations == {"ru": "Трудовая миграция"}
    assert labour.description_translations == {"ru": "Сезонные программы."}
    assert Topic.objects.get(slug="migration-data").name_translations == {}
    with translation.override("ru"):
        assert labour.label == "Трудовая миграция"
        assert labour.description_label == "Сезонные программы."
