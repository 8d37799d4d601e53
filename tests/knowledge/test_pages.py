import pytest

from members.access import Tier

pytestmark = pytest.mark.django_db


def test_smoke(library, note_factory, official_client):
    note = note_factory(title="Circular migration", tier=Tier.GOVERNMENTS)
    response = official_client.get("/en/library/")
    assert response.status_code == 200
    assert b"Circular migration" in response.content
    response = official_client.get(note.url)
    assert response.status_code == 200, note.url
