import io

import pytest

from discussions.models import Thread, Topic
from home.demo import DemoContext


@pytest.mark.django_db
def test_demo_seed_is_idempotent_and_has_russian_and_restricted_content(
    mailoutbox, django_capture_on_commit_callbacks
):
    from discussions import demo

    ctx = DemoContext(password="demo-password-123", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(ctx)
    count = Thread.objects.count()
    demo.seed(ctx)
    assert Thread.objects.count() == count >= 6
    assert Topic.objects.get(slug="governments-working-group").restricted_groups.exists()
    assert Thread.objects.filter(title__startswith="Социальное").exists()
    assert Thread.objects.filter(reply_count__gte=2).count() >= 3
    assert mailoutbox == []


@pytest.mark.django_db
def test_demo_attaches_threads_to_practice_notes_when_the_library_has_them():
    knowledge = pytest.importorskip("tests.knowledge.conftest")
    from discussions import demo
    from knowledge.services import library_setup

    note = knowledge.make_note(library_setup(), title="Licensing recruitment agencies")
    demo.seed(DemoContext(password="demo-password-123", stdout=io.StringIO()))
    thread = Thread.objects.get(page=note)
    assert thread.post_count == 2
