"""Every URL pattern, and what each kind of visitor gets from it.

Each app lists its URLs in ``tests/<app>/url_table.py`` as ``EXPECTED``: URL name to a
:class:`tests.url_expectations.Expect`. This test fails when a named URL is missing from the
tables, so a new view cannot ship without someone deciding who may reach it.
"""

import importlib

import pytest
from django.urls import reverse

from tests.test_guards_helpers import named_patterns
from tests.url_expectations import ROLES, Expect

APPS = ["home", "core", "taxonomy", "members", "knowledge", "events", "discussions", "search"]

# Library URLs we include but do not own; the gate still covers them, checked below by prefix.
FOREIGN_PREFIXES = (
    "simple_translation",
    "wagtail",
    "wagtailadmin",
    "wagtaildocs",
    "wagtailimages",
    "wagtailsnippets",
)


def _table() -> dict[str, Expect]:
    table: dict[str, Expect] = {}
    for app in APPS:
        try:
            module = importlib.import_module(f"tests.{app}.url_table")
        except ModuleNotFoundError:
            continue
        table.update(module.EXPECTED)
    return table


TABLE = _table()


def test_every_named_url_is_in_the_table():
    ours = {
        name
        for name in named_patterns()
        if not name.split(":")[0].startswith(FOREIGN_PREFIXES) and not name.startswith("wagtail")
    }
    missing = sorted(ours - set(TABLE))
    assert not missing, f"add these URLs to tests/<app>/url_table.py: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_url_answers_as_expected(name, role, client, request):
    expect = TABLE[name]
    if expect.skip_reason:
        pytest.skip(expect.skip_reason)
    context = expect.setup(request) if expect.setup else {}
    kwargs = expect.kwargs(context) if callable(expect.kwargs) else expect.kwargs
    url = reverse(name, kwargs=kwargs or None)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    method = getattr(client, expect.method)
    response = method(url, **({"data": expect.data} if expect.data else {}))
    wanted = expect.status_for(role)
    assert response.status_code == wanted, f"{role} {expect.method.upper()} {url}"
    if wanted == 302 and role == "anonymous" and expect.anonymous_to_login:
        assert "/accounts/login/" in response["Location"]
    if wanted == 200 and response.get("Content-Type", "").startswith("text/html"):
        # Every page names itself once: screen-reader users navigate by the <h1>.
        assert response.content.decode().count("<h1") == 1, f"one <h1> expected on {url}"
