"""What a word is to search, in each of the seven languages: the contract both engines keep.

Elasticsearch stems with hunspell in its analysers (``documents.py``); the database engine
stems here, with Snowball (``snowballstemmer``) for English, Russian, Romanian and Armenian.
Snowball has no Ukrainian algorithm: :func:`ukrainian_stem` strips the inflectional endings
of nouns, adjectives and verbs after the first vowel, as the Russian Snowball stemmer does,
which joins the forms of a word that differ only in their ending ("трудових мігрантів",
"трудові мігранти"). Azerbaijani and Georgian are not stemmed on either engine.

Folding (:func:`fold`) is done here for both engines, because the server core has no
``asciifolding`` or ``mapping`` filter: the Latin letters a plain keyboard lacks (Azerbaijani
ə ı ç ş ğ ö ü, Romanian ă â î ș ț and their cedilla forms) become their base letter, one
character for one, so offsets in a folded text are those of the original. Dotted and dotless
I fold to i whatever their case, which is also what makes "IĞDIR", "Iğdır" and "ığdır" one
word (Unicode's lowercase of I is i, Azerbaijani's is ı). Georgian needs only lowercasing:
Mtavruli capitals lowercase to Mkhedruli in Python as in Lucene.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

# Snowball's name for each of our languages that it has an algorithm for.
SNOWBALL = {"en": "english", "ru": "russian", "ro": "romanian", "hy": "armenian"}
STEMMED = (*SNOWBALL, "uk")

_FOLD = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ı": "i",
        "İ": "I",
        "ç": "c",
        "Ç": "C",
        "ş": "s",
        "Ş": "S",
        "ğ": "g",
        "Ğ": "G",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
        "ă": "a",
        "Ă": "A",
        "â": "a",
        "Â": "A",
        "î": "i",
        "Î": "I",
        "ș": "s",
        "Ș": "S",
        "ț": "t",
        "Ț": "T",
        "ţ": "t",
        "Ţ": "T",
    }
)

WORD = re.compile(r"\w+", re.UNICODE)

# Which languages a word can be in, by its script: only these stem it.
_SCRIPTS = (
    (re.compile(r"[a-zA-Z\u00c0-\u024f\u0259\u018f]"), ("en", "ro", "az")),
    (re.compile(r"[\u0400-\u04ff]"), ("ru", "uk")),
    (re.compile(r"[\u0530-\u058f]"), ("hy",)),
    (re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]"), ("ka",)),
)


def fold(text: str) -> str:
    """``text`` with the letters a Latin keyboard lacks replaced by their base letter; the
    same length, character for character."""
    return text.translate(_FOLD)


def folds(text: str) -> bool:
    """Whether folding changes ``text`` (only such texts need a folded copy in the index)."""
    return fold(text) != text


def normalise(word: str) -> str:
    """A word as both engines compare it unstemmed: folded, then lowercased."""
    return fold(word).lower()


def lower(word: str) -> str:
    """``word`` lowercased for a stemmer: dotted İ as i (Python's lowercase of it is i and a
    combining dot, Lucene's is i)."""
    return word.replace("İ", "i").lower()


def languages_of(word: str) -> tuple[str, ...]:
    """The languages whose texts ``word`` can be a word of, by its script."""
    for pattern, languages in _SCRIPTS:
        if pattern.search(word):
            return languages
    return ()


@cache
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


# Words repeat: a cached stem costs a tenth of a computed one (pure-Python Snowball). Bounded,
# for the long-lived worker that indexes every text.
@lru_cache(maxsize=200_000)
def stem(language: str, word: str) -> str:
    """The stem of a word in ``language`` (lowercased by :func:`lower`), folded; the word
    itself (folded) where the language has no stemmer."""
    if language in SNOWBALL:
        return fold(_stemmer(SNOWBALL[language]).stemWord(word))
    if language == "uk":
        return fold(ukrainian_stem(word))
    return fold(word)


def document_terms(text: str, language: str) -> str:
    """Every word of ``text`` as the database engine matches it: its folded form and its stem
    in ``language``, space-separated with a space at each end (so `` word `` matches whole
    words with a plain ``contains``)."""
    terms: dict[str, None] = {}
    for token in WORD.findall(text):
        lowered = lower(token)
        terms[fold(lowered)] = None
        if language in STEMMED:
            terms[stem(language, lowered)] = None
    return f" {' '.join(terms)} " if terms else ""


def word_keys(word: str) -> tuple[str, dict[str, str]]:
    """What a query word matches: its folded form in any document, and its stem in each
    stemmed language it can be a word of (only in documents of that language)."""
    lowered = lower(word)
    stems = {
        language: stem(language, lowered) for language in languages_of(word) if language in STEMMED
    }
    return normalise(word), stems


# --- Ukrainian ---------------------------------------------------------------------------------

_UK_VOWELS = "аеиоуюяіїє"
# Inflectional endings of nouns, adjectives, participles and verbs, longest first so that
# "-ими" goes before "-и".
_UK_ADJECTIVE = "ий ій ого ього ому ьому им ім ої ьої ою ьою их іх ими іми а я е є і ї у ю"
_UK_NOUN = "и о ам ям ах ях ами ями ів їв ей ом ем єм ею єю ь ія ії ію ією іям іях іями"
# The infinitive and the present only: shorter verb endings ("-ти", "-ла") would cut nouns
# ("мігранти", "школа").
_UK_VERB = "ати яти ити увати ювати ить ать ять уть ють емо ємо ете єте имо ите"
_UK_ENDINGS = sorted(set(f"{_UK_ADJECTIVE} {_UK_NOUN} {_UK_VERB}".split()), key=len, reverse=True)
_UK_REFLEXIVE = ("ся", "сь")


def ukrainian_stem(word: str) -> str:
    """A light Ukrainian stemmer: the reflexive particle, then the longest inflectional
    ending, are taken from the part of the word after its first vowel (at least two letters
    of stem are kept)."""
    word = word.replace("'", "").replace("’", "")
    first = next((i for i, ch in enumerate(word) if ch in _UK_VOWELS), None)
    if first is None:
        return word
    start, rest = word[: first + 1], word[first + 1 :]
    for particle in _UK_REFLEXIVE:
        if rest.endswith(particle):
            rest = rest[: -len(particle)]
            break
    for ending in _UK_ENDINGS:
        if rest.endswith(ending) and len(start) + len(rest) - len(ending) >= 2:
            rest = rest[: -len(ending)]
            break
    return start + rest.removesuffix("ь")
