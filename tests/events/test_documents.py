"""Event files: a download answers as the page that uses the file does (200 or 404)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from core.access import Tier
from core.roles import Role
from events.models import ConsultationDocument, EventDocument
from knowledge.pdf import simple_pdf
from tests.events.builders import get_events_index, make_consultation, make_event, publish
from tests.factories.members import make_member

pytestmark = pytest.mark.django_db


def _document(title: str):
    data = simple_pdf(title, ["For the meeting of 12 March"])
    return get_document_model().objects.create(title=title, file=ContentFile(data, name="a.pdf"))


def _event_annex(tier: str):
    document = _document("Annex: draft conclusions")
    event = make_event(get_events_index(), tier=tier)
    event.documents.add(EventDocument(document=document, title="Annex"))
    return publish(event), document


def _event_minutes(tier: str):
    document = _document("Minutes of the meeting")
    event = make_event(get_events_index(), tier=tier)
    event.minutes = document
    return publish(event), document


def _event_outcome_text(tier: str):
    document = _document("Conclusions adopted")
    event = make_event(
        get_events_index(),
        tier=tier,
        outcomes=f'<p>See <a linktype="document" id="{document.pk}">the conclusions</a>.</p>',
    )
    return event, document


def _consultation_material(tier: str):
    document = _document("Background paper")
    consultation = make_consultation(get_events_index(), tier=tier)
    consultation.documents.add(ConsultationDocument(document=document, title="Background"))
    return publish(consultation), document


KINDS = {
    "event document": _event_annex,
    "outcome: minutes": _event_minutes,
    "outcome: linked from the text": _event_outcome_text,
    "consultation material": _consultation_material,
}

# Who may open a page of each tier (and so download its files).
MAY_SEE = {
    Tier.MEMBERS: {Role.OBSERVER, Role.EXPERT, Role.GOVERNMENT, Role.SECRETARIAT},
    Tier.GOVERNMENTS: {Role.GOVERNMENT, Role.SECRETARIAT},
    Tier.SECRETARIAT: {Role.SECRETARIAT},
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("tier", list(MAY_SEE))
@pytest.mark.parametrize("role", [Role.OBSERVER, Role.EXPERT, Role.GOVERNMENT, Role.SECRETARIAT])
def test_a_file_downloads_exactly_when_its_page_opens(kind, tier, role):
    page, document = KINDS[kind](tier)
    client = Client()
    client.force_login(make_member(role, is_staff=role == Role.SECRETARIAT))
    expected = 200 if role in MAY_SEE[tier] else 404

    assert client.get(page.url).status_code == expected
    download = client.get(document.url)
    assert document.url == f"/documents/{document.pk}/a.pdf"
    assert download.status_code == expected
    if expected == 200:
        assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_an_unpublished_events_file_is_the_secretariats(member):
    """A file only a draft uses is nobody's yet: members do not get it."""
    document = _document("Draft agenda")
    event = make_event(get_events_index())
    event.documents.add(EventDocument(document=document))
    event.save_revision()  # saved, not published: the live event has no annex
    client = Client()
    client.force_login(member)
    assert client.get(document.url).status_code == 404


def _image():
    import io

    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Delegates", file=ContentFile(buffer.getvalue(), name="delegates.png")
    )


@pytest.mark.parametrize("tier", list(MAY_SEE))
def test_an_image_in_an_events_text_is_seen_as_the_event_is(tier):
    from core.documents import can_view_image

    image = _image()
    embed = f'<embed embedtype="image" format="left" id="{image.pk}" alt="Delegates"/>'
    make_event(get_events_index(), tier=tier, body=f"<p>Photo</p>{embed}")
    for role in (Role.OBSERVER, Role.GOVERNMENT, Role.SECRETARIAT):
        user = make_member(role)
        assert can_view_image(user, image) is (role in MAY_SEE[tier]), role


def test_a_file_only_the_synthesis_links_waits_for_the_synthesis(member):
    """The synthesis is the secretariat's until it is published, and so are its files."""
    document = _document("Synthesis annex")
    link = f'<p>See <a linktype="document" id="{document.pk}">the annex</a>.</p>'
    consultation = make_consultation(get_events_index(), synthesis=link)
    client = Client()
    client.force_login(member)
    assert client.get(document.url).status_code == 404
    consultation.synthesis_published = True
    publish(consultation)
    assert client.get(document.url).status_code == 200
