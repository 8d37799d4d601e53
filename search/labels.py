"""Names for facet values, in the interface language, from the shared taxonomy."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from search.sources import model_or_none, sources


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if not values:
        return {}
    if name == "kind":
        return {kind: str(source.label) for kind, source in sources().items()}
    if name == "language":
        names = dict(settings.CONTENT_LANGUAGES)
        return {v: str(names.get(v, v)) for v in values}
    if name not in LOOKUPS:
        return {v: v for v in values}
    names = _taxonomy_names(name)
    return {v: names[v] for v in values if v in names}


# facet -> (taxonomy model, the field the index keeps, how the index writes it)
LOOKUPS = {
    "country": ("knowledge.Country", "code", str.lower),
    "theme": ("knowledge.Theme", "slug", str),
    "gcm": ("knowledge.GCMObjective", "number", str),
}
CACHE_SECONDS = 600


def _cache_key(name: str, language: str | None = None) -> str:
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return f"search:facet-labels:{name}:{language}"


def _taxonomy_names(name: str) -> dict[str, str]:
    """Every value's name in the interface language: a small table, read once and kept, so a
    search costs no query for its facet labels."""
    key = _cache_key(name)
    names = cache.get(key)
    if names is None:
        label, field, written = LOOKUPS[name]
        model = model_or_none(label)
        terms = model.objects.all() if model else []
        names = {written(getattr(t, field)): str(t.label) for t in terms}
        cache.set(key, names, CACHE_SECONDS)
    return names


def forget_labels(sender=None, **kwargs) -> None:
    """A taxonomy term was added, renamed or removed: every language's table is read again."""
    for name in LOOKUPS:
        cache.delete_many([_cache_key(name, code) for code, _ in settings.LANGUAGES])
