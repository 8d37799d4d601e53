"""A practice note's queries stay the same however many related notes it lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db


def queries_of(client, url: str) -> tuple[int, object]:
    client.get(url)  # caches warm, as for every request after a member's first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_related_notes_cost_the_same_queries_one_or_four(library, official_client):
    note = make_note(library, title="Circular scheme", objectives=(5,))
    make_note(library, title="Related 0", countries=("moldova", "georgia"), objectives=(5,))
    one, response = queries_of(official_client, note.url)
    assert [n.title for n in response.context["related"]] == ["Related 0"]
    for n in range(1, 4):
        make_note(library, title=f"Related {n}", countries=("moldova", "georgia"), objectives=(5,))
    four, response = queries_of(official_client, note.url)
    assert len(response.context["related"]) == 4
    assert "Georgia" in response.content.decode()
    assert four == one
