"""Hostile input never answers 500 (issue 12, item 8).

Every named URL of ours that takes an id in its path is asked with ids no database column
holds (20 digits, and 2**63, one more than a bigint); every list is asked with out-of-range,
negative, malformed and oversized query parameters. As a member and as the secretariat, each
answers 200, 400 or 404 (or a redirect or 403 where the role may not go), never 500.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.params import IdConverter
from tests.test_url_table import FOREIGN_PREFIXES

pytestmark = pytest.mark.django_db

ROLES = ("member", "secretariat")
HOSTILE_IDS = ("99999999999999999999", "9223372036854775808")
# Reversed with this id, then replaced by the hostile one (reverse refuses what does not match).
SENTINEL = "424242424242"
NOT_500 = {200, 301, 302, 400, 403, 404, 405}


def _id_patterns(resolver=None, prefix: str = "", converters=None):
    """``(name, {argument: is_id})`` for every named URL with at least one id argument."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        found = dict(converters or {})
        found.update(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from _id_patterns(entry, namespace, found)
        elif isinstance(entry, URLPattern) and entry.name:
            is_id = {
                name: isinstance(converter, IdConverter)
                or type(converter).__name__ == "IntConverter"
                for name, converter in found.items()
            }
            if any(is_id.values()):
                yield f"{prefix}{entry.name}", is_id


def _ours(name: str) -> bool:
    return not name.split(":")[0].startswith(FOREIGN_PREFIXES) and not name.startswith("wagtail")


ID_URLS = sorted({name: is_id for name, is_id in _id_patterns() if _ours(name)}.items())


def _clients(request) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        client = Client()
        client.force_login(request.getfixturevalue(role))
        clients[role] = client
    return clients


def _assert_no_500(clients: dict[str, Client], url: str, data: dict | None = None) -> None:
    for role, client in clients.items():
        response = client.get(url, data or {})
        assert response.status_code in NOT_500, f"{role} GET {url} {data or ''}"


@pytest.mark.parametrize(
    "name, is_id, hostile",
    [
        pytest.param(name, is_id, hostile, id=f"{name}-{len(hostile)}")
        for name, is_id in ID_URLS
        for hostile in HOSTILE_IDS
    ],
)
def test_out_of_range_id_in_the_path_is_not_500(request, name, is_id, hostile):
    kwargs = {argument: (SENTINEL if numeric else "x") for argument, numeric in is_id.items()}
    url = reverse(name, kwargs=kwargs).replace(SENTINEL, hostile)
    _assert_no_500(_clients(request), url)


# --- Lists with hostile query strings ---------------------------------------------------------


def _library(request) -> str:
    from knowledge.services import library_setup

    return library_setup().url


def _events_index(request) -> str:
    from tests.events.builders import get_events_index

    return get_events_index().url


def _topic(request) -> str:
    from discussions.models import Topic

    topic = Topic.objects.create(name="Labour migration", slug="labour-migration")
    return reverse("discussions:topic", kwargs={"slug": topic.slug})


def _named(name: str):
    return lambda request: reverse(name)


LISTS = {
    "library": _library,
    "events-index": _events_index,
    "home": lambda request: "/en/",
    "members:directory": _named("members:directory"),
    "members:invitation_list": _named("members:invitation_list"),
    "members:deletion_request_list": _named("members:deletion_request_list"),
    "discussions:index": _named("discussions:index"),
    "discussions:topic": _topic,
    "discussions:notifications": _named("discussions:notifications"),
    "discussions:mention_suggestions": _named("discussions:mention_suggestions"),
    "search:results": _named("search:results"),
    "search:suggest": _named("search:suggest"),
    "search_zero_results": _named("search_zero_results"),
    "discussions_moderation": _named("discussions_moderation"),
    "discussions_moderation_log": _named("discussions_moderation_log"),
    "invitations:index": _named("invitations:index"),
    "organisations:index": _named("organisations:index"),
}

HOSTILE_QUERIES = {
    "page-huge": {"page": "99999999999999999999"},
    "page-negative": {"page": "-1"},
    "page-text": {"page": "abc"},
    "year-huge": {"year": "99999999999999999999"},
    "country-huge": {"country": "99999999999999999999"},
    "theme-nul": {"theme": "\x00"},
    "q-5000": {"q": "x" * 5000},
    "days-text": {"days": "abc"},
    "days-huge": {"days": "99999999999999999999"},
}


@pytest.mark.parametrize(
    "target, query",
    [
        pytest.param(target, query, id=f"{target}-{query}")
        for target in LISTS
        for query in HOSTILE_QUERIES
    ],
)
def test_hostile_query_string_on_a_list_is_not_500(request, target, query):
    url = LISTS[target](request)
    _assert_no_500(_clients(request), url, HOSTILE_QUERIES[query])
