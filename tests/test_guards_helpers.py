from django.urls import URLPattern, URLResolver, get_resolver


def named_patterns(resolver=None, prefix=""):
    """Every named URL, namespaced as ``reverse`` wants it."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from named_patterns(entry, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"
