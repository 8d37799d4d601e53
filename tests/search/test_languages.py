"""Search in every language, one contract on both engines: each test runs against the database
engine and the real Elasticsearch (marked ``elasticsearch``; skipped without it unless
REQUIRE_SERVICES=1). An inflected form finds its document in each stemmed language; Azerbaijani
is found with and without the letters a Latin keyboard lacks; Georgian in Mtavruli capitals;
a name typed in Latin letters finds the member written in Georgian, Cyrillic or Armenian; and a
word that is in no document finds nothing."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import Role
from members.models import Profile
from search import query as search_query
from tests.factories.members import make_member
from tests.search.builders import make_note

pytestmark = pytest.mark.django_db

# One note per language: (language, title, text) and queries in other inflected forms.
NOTES = {
    "ru": (
        "Поддержка трудовой миграции",
        "Программа консультирует трудовых мигрантов перед выездом.",
    ),
    "uk": (
        "Підтримка трудових мігрантів",
        "Центри надають консультації трудовим мігрантам, які повертаються.",
    ),
    "ro": (
        "Protecția lucrătorilor migranți",
        "Acordurile bilaterale protejează drepturile lucrătorilor migranți.",
    ),
    "hy": (
        "Վերադարձող քաղաքացիների վերաինտեգրում",
        "Ծառայությունները աջակցում են վերադարձող քաղաքացիներին։",
    ),
    "en": (
        "Reintegration of returned migrants",
        "Counselling services for migrants returning home.",
    ),
    "az": (
        "Əmək miqrasiyası üzrə vahid pəncərə",
        "Dövlət Miqrasiya Xidməti əcnəbilərə iş icazəsini bir müraciətlə verir.",
    ),
    "ka": (
        "შრომითი მიგრაციის პროგრამა",
        "ცირკულარული შრომითი მიგრაცია ევროკავშირის ქვეყნებში.",
    ),
}

# Query -> the note's language it must find (and only that note).
FOUND = [
    ("трудовая миграция", "ru"),
    ("трудовых мигрантов", "ru"),
    ("трудові мігранти", "uk"),
    ("трудових мігрантів", "uk"),
    ("lucrători migranți", "ro"),
    ("lucrătorilor migranți", "ro"),
    ("վերադարձող քաղաքացիներ", "hy"),
    ("returning migrant", "en"),
    ("əmək miqrasiyası", "az"),
    ("emek miqrasiyasi", "az"),
    ("ƏMƏK MİQRASİYASI", "az"),
    ("Emek miqrasiyası", "az"),
    ("icazesini", "az"),
    ("შრომითი მიგრაცია", "ka"),
    ("ᲨᲠᲝᲛᲘᲗᲘ", "ka"),
]

NOTHING = ["депортация", "депортації", "expulzare", "deportation", "ექსტრადიცია", "deportasiya"]


@pytest.fixture
def notes(engine, index_now):
    created = {
        language: make_note(title, text=text, summary=title, language=language)
        for language, (title, text) in NOTES.items()
    }
    index_now()
    return created


def _plain(html) -> str:
    return re.sub(r"</?mark>", "", str(html))


def test_an_inflected_or_folded_form_finds_its_note(engine, notes, member):
    # One set of notes for every case: building it costs more than the searches.
    for query, language in FOUND:
        results = search_query.search(user=member, query=query)
        # First, and on the database engine alone (Elasticsearch's typo tolerance may add a
        # note in a neighbouring language: "трудовых" is one letter from "трудових").
        assert results.hits, query
        assert results.hits[0].object_id == str(notes[language].pk), query
        if engine == "database":
            assert len(results.hits) == 1, query
        hit = results.hits[0]
        assert _plain(hit.title) == NOTES[language][0], query
        # The word found is marked where it is, as written in the note.
        assert "<mark>" in str(hit.title) + str(hit.snippet), query


def test_a_word_in_no_note_finds_nothing(notes, member):
    for query in NOTHING:
        assert search_query.search(user=member, query=query).total == 0, query


@pytest.fixture
def named(engine, index_now):
    people = {
        "georgian": make_member(Role.EXPERT, first_name="ნინო", last_name="ბერიძე"),
        "ukrainian": make_member(Role.GOVERNMENT, first_name="Олександр", last_name="Шевченко"),
        "armenian": make_member(Role.EXPERT, first_name="Անի", last_name="Հովհաննիսյան"),
        "latin": make_member(Role.OBSERVER, first_name="Tamar", last_name="Kapanadze"),
    }
    for user in people.values():
        Profile.objects.create(user=user)
    index_now()
    return people


def _directory(viewer, q: str) -> list[str]:
    client = Client()
    client.force_login(viewer)
    response = client.get(reverse("members:directory"), {"q": q})
    assert response.status_code == 200
    return [member.display_name for member in response.context["page_obj"]]


TRANSLITERATED = [
    ("Nino Beridze", "ნინო ბერიძე"),
    ("beridze", "ნინო ბერიძე"),
    ("Oleksandr", "Олександр Шевченко"),
    ("Shevchenko", "Олександр Шевченко"),
    ("Hovhannisyan", "Անի Հովհաննիսյան"),
    ("Тамар", "Tamar Kapanadze"),
    ("Капанадзе", "Tamar Kapanadze"),
]


def test_a_name_typed_in_another_script_finds_its_member(named, member):
    for query, person in TRANSLITERATED:
        assert _directory(member, query) == [person], query


def test_an_unrelated_name_finds_no_member(named, member):
    assert _directory(member, "Petrenko") == []
    assert _directory(member, "Петренко") == []
