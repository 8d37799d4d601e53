"""The shared vocabulary in every interface language: the data, what a new database gets, and
how an older database has its missing names filled in without losing the secretariat's."""

from __future__ import annotations

import importlib
import unicodedata
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection

from taxonomy import vocabulary
from taxonomy.models import GCMObjective, ResourceType, TargetGroup, Theme

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TERMS = {
    "themes": vocabulary.THEMES,
    "gcm_objectives": vocabulary.GCM_OBJECTIVES,
    "target_groups": vocabulary.TARGET_GROUPS,
    "resource_types": vocabulary.RESOURCE_TYPES,
}
ROWS = [(kind, row) for kind, rows in TERMS.items() for row in rows]
# The script each language is written in, as Unicode names its letters.
SCRIPTS = {
    "en": "LATIN",
    "ru": "CYRILLIC",
    "hy": "ARMENIAN",
    "az": "LATIN",
    "ka": "GEORGIAN",
    "ro": "LATIN",
    "uk": "CYRILLIC",
}


def test_the_vocabulary_has_every_term_the_library_offers():
    assert [len(rows) for rows in TERMS.values()] == [12, 23, 9, 5]
    assert [row.key for row in vocabulary.GCM_OBJECTIVES] == list(range(1, 24))


@pytest.mark.parametrize(("kind", "row"), ROWS, ids=[f"{kind}-{row.key}" for kind, row in ROWS])
def test_every_term_is_named_in_each_interface_language_in_its_script(kind, row):
    assert list(row.names) == LANGUAGES
    for language, name in row.names.items():
        assert name.strip() == name and name, (language, name)
        letters = {unicodedata.name(c).split()[0] for c in name if c.isalpha()}
        assert letters == {SCRIPTS[language]}, (language, name)
    # Romanian takes the comma below (ș ț), never the cedilla of Turkish and Azerbaijani.
    assert not set(row.names["ro"]) & set("şţŞŢ")
    # Ukrainian, not Russian letters; Armenian in the reformed orthography («և»).
    assert not set(row.names["uk"].lower()) & set("ыэъё")
    assert "եւ" not in row.names["hy"]


@pytest.mark.django_db
def test_a_new_database_has_each_term_in_seven_languages():
    for model in (Theme, GCMObjective, TargetGroup, ResourceType):
        for term in model.objects.all():
            assert sorted([*term.translations, "en"]) == sorted(LANGUAGES), term
    labour = Theme.objects.get(slug="labour-migration")
    assert labour.translations["ka"] == "შრომითი მიგრაცია"
    assert labour.translations["az"] == "Əmək miqrasiyası"


fill_missing_names = importlib.import_module(
    "taxonomy.migrations.0004_vocabulary_in_seven_languages"
).fill_missing_names


def _fill():
    fill_missing_names(django_apps, SimpleNamespace(connection=connection))


@pytest.mark.django_db
def test_missing_names_are_filled_in_and_the_secretariats_names_kept():
    # An older database: English and Russian only, one name edited, one left blank, a term the
    # secretariat added itself and one in a language the site does not offer.
    Theme.objects.update(translations={})
    diaspora = Theme.objects.get(slug="diaspora")
    diaspora.translations = {"ru": "Работа с диаспорой", "hy": "  ", "de": "Diaspora"}
    diaspora.save()
    GCMObjective.objects.filter(number=13).update(translations={"ru": "Задержание — крайняя мера"})
    climate = Theme.objects.create(
        slug="climate-mobility", name="Climate mobility", translations={"ru": "Климат и миграция"}
    )

    _fill()

    diaspora.refresh_from_db()
    assert diaspora.translations == {
        "ru": "Работа с диаспорой",
        "hy": "Սփյուռքի ներգրավում",
        "de": "Diaspora",
        "az": "Diasporla iş",
        "ka": "დიასპორის ჩართულობა",
        "ro": "Implicarea diasporei",
        "uk": "Залучення діаспори",
    }
    detention = GCMObjective.objects.get(number=13)
    assert detention.translations["ru"] == "Задержание — крайняя мера"
    assert detention.translations["ka"] == "მიგრანტთა დაკავების მხოლოდ უკიდურეს ზომად გამოყენება"
    assert Theme.objects.get(slug="integration").translations["uk"] == "Інтеграція"
    climate.refresh_from_db()
    assert climate.translations == {"ru": "Климат и миграция"}
    # Run twice (a second deployment), it changes nothing more.
    before = {t.slug: t.translations for t in Theme.objects.all()}
    _fill()
    assert {t.slug: t.translations for t in Theme.objects.all()} == before
