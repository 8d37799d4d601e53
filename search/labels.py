"""Names for facet values, in the interface language, from the shared taxonomy."""

from __future__ import annotations

from django.conf import settings

from search.sources import model_or_none, sources


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if not values:
        return {}
    if name == "kind":
        return {kind: str(source.label) for kind, source in sources().items()}
    if name == "language":
        names = dict(settings.CONTENT_LANGUAGES)
        return {v: str(names.get(v, v)) for v in values}
    lookups = {
        "country": ("knowledge.Country", "code", str.upper),
        "theme": ("knowledge.Theme", "slug", str),
        "gcm": ("knowledge.GCMObjective", "number", int),
    }
    if name not in lookups:
        return {v: v for v in values}
    label, field, convert = lookups[name]
    model = model_or_none(label)
    if model is None:
        return {}
    try:
        keys = [convert(v) for v in values]
    except ValueError:
        return {}
    terms = model.objects.filter(**{f"{field}__in": keys})
    return {
        str(getattr(t, field)).lower() if name == "country" else str(getattr(t, field)): t.label
        for t in terms
    }
