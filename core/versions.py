"""Which version of a translated text a reader is shown (practice notes, events, consultations).

A text and its translations share Wagtail's ``translation_key``; each version says the language
it is written in (``language``) and whether it is the ``authoritative`` one. A reader browsing
in language L is shown, for each group of versions they may read, the version written in L,
else the authoritative version, else the original (the oldest). Lists show one card per group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language


def interface_language() -> str:
    """The active interface language's code without a region (``ka``, not ``ka-ge``)."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def preferred_versions(readable: QuerySet, language: str | None = None) -> QuerySet:
    """One row per translation group of ``readable`` (rows the reader may read): the one in
    ``language`` (the interface's by default), else the authoritative one, else the oldest.

    The choice is made among ``readable`` only, so a translation the reader may not read (a
    draft, a narrower tier) never hides the version they may.
    """
    language = language or interface_language()
    group = readable.filter(translation_key=OuterRef("translation_key"))
    earlier = group.filter(pk__lt=OuterRef("pk"))
    has_language = Exists(group.filter(language=language))
    has_authoritative = Exists(group.filter(authoritative=True))
    return readable.filter(
        (Q(language=language) & ~Exists(earlier.filter(language=language)))
        | (~has_language & Q(authoritative=True) & ~Exists(earlier.filter(authoritative=True)))
        | (~has_language & ~has_authoritative & ~Exists(earlier))
    )


def language_name(code: str) -> str:
    """The language's name in the interface language ("Georgian", "грузинский")."""
    return str(dict(settings.CONTENT_LANGUAGES).get(code, code))


@dataclass(frozen=True)
class VersionNote:
    """What the detail page says about the version shown, for a reader in ``interface``.

    ``kind`` is "translation" (a translation, the authoritative version exists in another
    language), "fallback" (no version in the reader's language; this is the authoritative
    version or the original) or "available" (the reader opened another language's version
    although one in theirs exists: ``own`` is that one).
    """

    kind: str
    language: str
    interface: str
    shown_authoritative: bool = False
    authoritative: Any = None
    own: Any = None

    @property
    def language_label(self) -> str:
        return language_name(self.language)

    @property
    def interface_label(self) -> str:
        return language_name(self.interface)


def version_note(*, page, versions: list, language: str | None = None) -> VersionNote | None:
    """The note above a translated text's detail page, or None when there is nothing to say.

    ``versions`` are the other versions the reader may read (not ``page`` itself).
    """
    language = language or interface_language()
    authoritative = None
    if not page.authoritative:
        authoritative = next((v for v in versions if v.authoritative), None)
    if page.language == language:
        if authoritative is not None:
            return VersionNote("translation", page.language, language, authoritative=authoritative)
        return None
    own = next((v for v in versions if v.language == language), None)
    if own is not None:
        return VersionNote("available", page.language, language, page.authoritative, own=own)
    return VersionNote(
        "fallback", page.language, language, page.authoritative, authoritative=authoritative
    )


def readable_versions(*, user, page) -> list:
    """``page``'s other live versions ``user`` may read, the authoritative first, each with
    ``link``: its address for this reader (``core.links.version_links``)."""
    from core.access import filter_by_tier
    from core.links import version_links

    translations = filter_by_tier(user, page.get_translations(inclusive=False).live())
    versions = list(translations.select_related("locale").order_by("-authoritative", "pk"))
    links = version_links(page, versions)
    for version in versions:
        version.link = links[version.pk]
    return versions
