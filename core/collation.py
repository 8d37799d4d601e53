"""Sorting names in the interface language's alphabetical order, on both databases and in
memory.

PostgreSQL sorts with its ICU collations (``az-x-icu`` ...), which carry CLDR's tailoring of
each language. SQLite has no ICU, so the same orders come from :func:`sort_key`, registered
as an SQLite collation (``mp_az`` ...) on every connection, and used for lists sorted in memory
(names that exist only in CLDR, such as countries in Georgian). :func:`sort_key` orders each
language's letters as ICU does (checked against PostgreSQL's collations in
``tests/i18n/test_collation.py``): letters by the language's alphabet, then accents, then case
(lower case first); spaces and punctuation before digits, digits before letters, the
language's own script before other scripts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate
from django.utils.translation import get_language

T = TypeVar("T")

# Each language's alphabet, lower case, in its order (CLDR's tailoring of the root collation).
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC_RU = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
ALPHABETS = {
    "en": _LATIN,
    # Azerbaijani: ç ə ğ ı ö ş ü are letters of their own, x follows h, q follows k, w (only
    # in foreign words) follows z; ı (capital I) comes before i (capital İ).
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyzw",
    "ro": "aăâbcdefghiîjklmnopqrsștțuvwxyz",
    "ru": _CYRILLIC_RU,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    # Georgian and Armenian: Unicode has the letters in alphabetical order.
    "ka": "".join(chr(c) for c in range(0x10D0, 0x10F1)),
    "hy": "".join(chr(c) for c in range(0x0561, 0x0587)),
}
# Letters written in two ways that sort as one (Romanian's s and t with comma below have
# older forms with a cedilla; Azerbaijani writes ş with a cedilla, and ș is a mistaken form).
_SAME_LETTER = {
    "ro": {"ş": "ș", "ţ": "ț"},
    "az": {"ș": "ş"},
}
# Letters that sort as two (CLDR: Armenian և as ե followed by ւ).
_EXPANSIONS = {"hy": {"և": "եւ"}}
# Upper to lower case where Unicode's default is wrong for the language.
_LOWER = {"az": {"I": "ı", "İ": "i"}}
# ICU's database collation of each language on PostgreSQL.
POSTGRES_COLLATIONS = {code: f"{code}-x-icu" for code in ALPHABETS}

_DIGITS = 0x10000
_NATIVE = 0x20000
_OTHER = 0x30000


def _language(language: str | None) -> str:
    code = (language or get_language() or "en").split("-")[0]
    return code if code in ALPHABETS else "en"


@cache
def _tables(language: str) -> tuple[dict[str, int], dict[str, str], dict[str, str], dict[str, str]]:
    positions = {letter: index for index, letter in enumerate(ALPHABETS[language])}
    return (
        positions,
        _SAME_LETTER.get(language, {}),
        _EXPANSIONS.get(language, {}),
        _LOWER.get(language, {}),
    )


def _weights(char: str, language: str) -> tuple[int, int, int]:
    positions, same, _, lower_table = _tables(language)
    lower = lower_table.get(char) or char.lower()
    tertiary = 0 if lower == char else 1
    secondary = 0
    if lower in same:
        lower, secondary = same[lower], 1
    if lower in positions:
        return _NATIVE + positions[lower], secondary, tertiary
    if char.isdigit():
        return _DIGITS + unicodedata.digit(char, 0), 0, tertiary
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    secondary = secondary or sum(ord(mark) for mark in marks)
    if base in positions:
        return _NATIVE + positions[base], secondary, tertiary
    if base.isalpha():
        return _OTHER + ord(base), secondary, tertiary
    # Spaces, punctuation and symbols come first, in the order of their code points.
    return ord(base), secondary, tertiary


def sort_key(text: str, language: str | None = None) -> tuple[tuple[int, ...], ...]:
    """A key that sorts ``text`` as the language's alphabet does (the interface language by
    default): compare the letters first, then their accents, then their case."""
    code = _language(language)
    expansions = _tables(code)[2]
    text = unicodedata.normalize("NFC", text)
    if expansions:
        text = "".join(expansions.get(char, char) for char in text)
    weights = [_weights(char, code) for char in text]
    return tuple(tuple(weight[level] for weight in weights) for level in range(3))


def sorted_by_name(
    items: Iterable[T], name: Callable[[T], str], language: str | None = None
) -> list[T]:
    """``items`` sorted by the name ``name`` gives each, in the language's order."""
    code = _language(language)
    return sorted(items, key=lambda item: sort_key(name(item), code))


def collated(field: str, language: str | None = None) -> Collate | F:
    """An ORDER BY expression sorting ``field`` in the language's order on either database:
    ``queryset.order_by(collated("last_name"))``."""
    code = _language(language)
    if connection.vendor == "postgresql":
        return Collate(F(field), POSTGRES_COLLATIONS[code])
    if connection.vendor == "sqlite":
        return Collate(F(field), sqlite_collation_name(code))
    return F(field)


def sqlite_collation_name(language: str) -> str:
    return f"mp_{language}"


def _compare(language: str) -> Callable[[str, str], int]:
    def compare(left: str, right: str) -> int:
        a, b = sort_key(left, language), sort_key(right, language)
        return (a > b) - (a < b)

    return compare


def register_sqlite_collations(sender, connection, **kwargs) -> None:
    """connection_created receiver: teach each new SQLite connection our languages' orders."""
    if connection.vendor != "sqlite":
        return
    for code in ALPHABETS:
        connection.connection.create_collation(sqlite_collation_name(code), _compare(code))
