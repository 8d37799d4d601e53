"""Names sort by the interface language's alphabet: in memory (``sort_key``), in the database
on SQLite (our collations registered on each connection) and on PostgreSQL (ICU's), and on the
member directory a member reads."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core.collation import collated, sort_key
from core.roles import Role
from members.models import User
from tests.factories.members import make_member

# Each language's order, as its readers expect it (issue 14; CLDR's tailorings).
ORDERS = {
    # ç after c, ə after e, ğ after g, x after h, ı before i, q after k, ö after o, ş after s,
    # ü after u; the capital of ı is I, that of i is İ.
    "az": [
        "Cavadov",
        "Çələbi",
        "Eyvazov",
        "Əliyev",
        "Gasımov",
        "Ğafarlı",
        "Həsənov",
        "Xəlilov",
        "Işıqlı",
        "İsmayılov",
        "Kərimov",
        "Qasımov",
        "Orucov",
        "Ömərov",
        "Səfərov",
        "Şahbazov",
        "Usubov",
        "Ümidov",
    ],
    # ă and â after a, î after i, ș after s, ț after t (and the old cedilla forms with them).
    "ro": [
        "Avram",
        "Ăpostol",
        "Âmbru",
        "Ionescu",
        "Îndrieș",
        "Sandu",
        "Șerban",
        "Tudose",
        "Țurcanu",
    ],
    # ґ after г, є after е, і and ї after и.
    "uk": [
        "Гаврилюк",
        "Ґудзь",
        "Евтушенко",
        "Єрмак",
        "Ищенко",
        "Іваненко",
        "Їжакевич",
        "Йосипенко",
    ],
    "ru": ["Елисеев", "Ёлкин", "Ершов", "Иванов", "Йодко", "Эминов", "Юсупов", "Яковлев"],
    # Georgian and Armenian in the order of their alphabets.
    "ka": [
        "აბაშიძე",
        "ბერიძე",
        "გელაშვილი",
        "თაბაგარი",
        "ლომიძე",
        "ქავთარაძე",
        "ღლონტი",
        "ჯაფარიძე",
    ],
    "hy": [
        "Աբրահամյան",
        "Բաղդասարյան",
        "Գևորգյան",
        "Եղիազարյան",
        "Կարապետյան",
        "Ոսկանյան",
        "Պետրոսյան",
        "Քոչարյան",
        "Օհանյան",
    ],
    "en": ["Abbott", "adams", "Adams", "Baker", "Ōtani", "Owens", "Zimmer"],
}


def _shuffled(names: list[str]) -> list[str]:
    shuffled = names[:]
    random.Random(14).shuffle(shuffled)
    assert shuffled != names
    return shuffled


@pytest.mark.parametrize("language", list(ORDERS))
def test_sort_key_follows_the_alphabet(language):
    assert (
        sorted(_shuffled(ORDERS[language]), key=lambda n: sort_key(n, language)) == ORDERS[language]
    )


@pytest.mark.parametrize("language", list(ORDERS))
def test_the_database_sorts_in_the_languages_order(db, language):
    """On SQLite by default; on PostgreSQL (ICU) when DATABASE_URL points there."""
    for name in _shuffled(ORDERS[language]):
        make_member(Role.OBSERVER, last_name=name)
    users = User.objects.filter(last_name__in=ORDERS[language])
    ordered = users.order_by(collated("last_name", language), "pk")
    assert list(ordered.values_list("last_name", flat=True)) == ORDERS[language], connection.vendor


def test_the_interface_language_chooses_the_order(db):
    with translation.override("az"):
        assert sort_key("İsmayılov") > sort_key("Işıqlı")
    with translation.override("en"):
        # English has no dotless ı: Işıqlı sorts as Isiqli, after Ismayılov's "Ism".
        assert sort_key("Işıqlı") > sort_key("Ismayilov")


def test_the_member_directory_lists_names_in_the_languages_order(db, secretariat):
    for name in _shuffled(ORDERS["az"]):
        make_member(Role.GOVERNMENT, first_name="Test", last_name=name)
    client = Client()
    client.force_login(secretariat)
    with translation.override("az"):
        url = reverse("members:directory")
    response = client.get(url, {"role": Role.GOVERNMENT})
    assert response.status_code == 200
    listed = [m.last_name for m in response.context["page_obj"] if m.last_name in ORDERS["az"]]
    assert listed == ORDERS["az"][: len(listed)] and len(listed) >= 10
