import io

import pytest

from home.demo import DemoContext
from knowledge import demo
from knowledge.models import PracticeDocument, PracticeNotePage
from taxonomy.models import Country

pytestmark = pytest.mark.django_db


def test_demo_library_is_rich_and_idempotent(django_capture_on_commit_callbacks):
    ctx = DemoContext(password="demo-password-123", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(ctx)
    notes = PracticeNotePage.objects.live()
    originals = notes.filter(authoritative=True)
    assert originals.count() >= 60
    for country in Country.objects.filter(eastern_partnership=True):
        assert originals.filter(countries=country).count() >= 5, country.name
    assert originals.filter(language="ru").count() >= 5
    assert originals.filter(tier="governments").exists()
    assert notes.filter(authoritative=False, locale__language_code="ru").exists()
    assert notes.values("themes").distinct().count() >= 10
    assert notes.values("gcm_objectives").distinct().count() >= 15
    document = PracticeDocument.objects.first()
    assert document is not None and "Practice summary sheet" in document.extracted_text

    total = notes.count()
    demo.seed(ctx)
    assert PracticeNotePage.objects.count() == total
