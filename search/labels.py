"""Names for facet values, in the interface language, from the shared taxonomy."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from search.sources import sources
from taxonomy.models import Country, GCMObjective, Theme

TAXONOMIES = (Country, Theme, GCMObjective)
CACHE_SECONDS = 600
# The facets whose values the taxonomy names (the index keeps codes, slugs and numbers).
FACETS_NAMED = ("country", "theme", "gcm")


def _names(facet: str) -> dict[str, str]:
    """The facet's values as the index writes them -> their names in the interface language."""
    if facet == "country":
        return {c.code.lower(): str(c.label) for c in Country.objects.all()}
    if facet == "theme":
        return {t.slug: str(t.label) for t in Theme.objects.all()}
    return {str(g.number): str(g.label) for g in GCMObjective.objects.all()}


def facet_labels(names: list[str]) -> dict[str, dict[str, str]]:
    """Every value's name for each facet in ``names`` (values without one keep theirs): the
    taxonomies in one cache round trip, so a search costs no query for its labels."""
    tables = _taxonomy_names([name for name in names if name in FACETS_NAMED])
    labels: dict[str, dict[str, str]] = {}
    for name in names:
        if name == "kind":
            labels[name] = {kind: str(source.label) for kind, source in sources().items()}
        elif name == "language":
            labels[name] = {code: str(label) for code, label in settings.CONTENT_LANGUAGES}
        else:
            labels[name] = tables.get(name, {})
    return labels


def _cache_key(name: str, language: str | None = None) -> str:
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return f"search:facet-labels:{name}:{language}"


def _taxonomy_names(names: list[str]) -> dict[str, dict[str, str]]:
    """The taxonomies' names in the interface language: small tables, read once and kept."""
    keys = {name: _cache_key(name) for name in names}
    found = cache.get_many(keys.values()) if keys else {}
    tables = {}
    for name, key in keys.items():
        if key not in found:
            found[key] = _names(name)
            cache.set(key, found[key], CACHE_SECONDS)
        tables[name] = found[key]
    return tables


def forget_labels(sender=None, **kwargs) -> None:
    """A taxonomy term was added, renamed or removed: every language's table is read again."""
    for name in FACETS_NAMED:
        cache.delete_many([_cache_key(name, code) for code, _ in settings.LANGUAGES])
