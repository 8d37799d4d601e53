"""The writer's way in on the member site: "Write a practice note" goes straight to the admin's
form under the library, and "My notes" lists the writer's notes by state."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.knowledge.conftest import make_note
from tests.knowledge.test_workflow import add_url, submit_new

pytestmark = pytest.mark.django_db


def test_expert_sees_write_and_my_notes_and_the_link_opens_the_form(library, expert_client):
    dashboard = expert_client.get("/en/").content.decode()
    assert f'href="{add_url(library)}"' in dashboard
    assert "Write a practice note" in dashboard
    assert reverse("knowledge:my_notes") in dashboard  # on the dashboard and in the nav
    # The link works for the expert: Wagtail's form for a new note below the library.
    assert expert_client.get(add_url(library)).status_code == 200


def test_official_sees_neither(library, official_client):
    dashboard = official_client.get("/en/").content.decode()
    assert "Write a practice note" not in dashboard
    assert reverse("knowledge:my_notes") not in dashboard
    assert official_client.get(reverse("knowledge:my_notes")).status_code == 403


def test_my_notes_lists_drafts_notes_in_review_and_published(library, expert, client):
    client.force_login(expert)
    submit_new(client, library, title="Submitted pilot", slug="submitted-pilot")
    make_note(library, title="Unfinished draft", owner=expert, publish=False)
    published = make_note(library, title="Published practice", owner=expert)
    make_note(library, title="Someone else's note")

    page = client.get(reverse("knowledge:my_notes")).content.decode()
    drafts = page.index('id="notes-draft"')
    review = page.index('id="notes-in_review"')
    done = page.index('id="notes-published"')
    # (Wagtail's "submitted for moderation" message may name a note above the lists.)
    assert page.index("Unfinished draft", drafts) < review
    assert page.index("Submitted pilot", review) < done
    assert "Unfinished draft" not in page[review:] and "Submitted pilot" not in page[done:]
    assert "Published practice" in page[done:]
    assert "Someone else&#x27;s note" not in page and "Someone else's note" not in page
    assert reverse("wagtailadmin_pages:edit", args=[published.pk]) in page
    assert published.url in page
    assert '<span class="mp-badge mp-badge--info">in review</span>' in page
