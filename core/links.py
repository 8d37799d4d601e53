"""Links to pages that keep the reader in their interface language."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from core.versions import interface_language

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
DEFAULT_PREFIX = f"/{settings.LANGUAGE_CODE}/"


def localized_url(page, request=None) -> str:
    """The page's URL in the reader's interface language.

    Wagtail prefixes a page with the language of the tree it lives in, and would switch a
    Georgian reader's interface to English on every click on a page of the default tree. Pages
    of the default tree are served under every prefix (``home.models.HomePage.route`` falls
    back to the default tree for what a language's tree lacks), so they are linked under the
    reader's; a page of another language's tree keeps its own prefix, the only one that
    reaches it.
    """
    url = page.get_url(request) or ""
    if url.startswith(DEFAULT_PREFIX):
        return f"/{interface_language()}/{url[len(DEFAULT_PREFIX) :]}"
    return url


def own_language_url(page, request=None) -> str:
    """The page's URL under its own tree's prefix (a link to one version among several)."""
    return page.get_url(request) or ""


def in_translations_of(queryset, page):
    """``queryset`` narrowed to pages below ``page`` or below any of its translations: an index
    in one language lists what was written below the index in every language."""
    condition = Q()
    for path in page.get_translations(inclusive=True).values_list("path", flat=True):
        condition |= Q(path__startswith=path, depth__gt=page.depth)
    return queryset.filter(condition)


def version_links(page, versions: list) -> dict[int, str]:
    """Each of ``versions`` (other versions of ``page``) linked, by pk.

    Under the reader's prefix when that address reaches the version; a version of the default
    tree whose address the reader's language tree also has (its translation, same slug) would
    be shadowed there, so it keeps its own language's prefix.
    """
    addresses = {version.pk: localized_url(version) for version in versions}
    taken = [localized_url(page), *addresses.values()]
    return {
        pk: (own_language_url(version) if taken.count(addresses[pk]) > 1 else addresses[pk])
        for version in versions
        for pk in [version.pk]
    }
