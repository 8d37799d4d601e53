"""One guard for every file: a document or image downloads only for members who may see a page
that uses it, and media files are never served past it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from core.access import Tier
from core.roles import Role
from knowledge.models import CountryProfilePage
from tests.core.conftest import make_document, make_image
from tests.factories.members import make_member
from tests.knowledge.conftest import make_note

pytestmark = pytest.mark.django_db

TIERS = [Tier.MEMBERS, Tier.GOVERNMENTS, Tier.SECRETARIAT]
VIEWERS = ["reader", "other", "observer", "secretariat"]

# tier → (role of a member who may see the page, role of one who may not; for the members tier
# everyone may)
READER_AND_OTHER = {
    Tier.MEMBERS: (Role.EXPERT, Role.GOVERNMENT),
    Tier.GOVERNMENTS: (Role.GOVERNMENT, Role.EXPERT),
    Tier.SECRETARIAT: (Role.SECRETARIAT, Role.GOVERNMENT),
}
# tier → the viewers who may download
ALLOWED = {
    Tier.MEMBERS: {"reader", "other", "observer", "secretariat"},
    Tier.GOVERNMENTS: {"reader", "secretariat"},
    Tier.SECRETARIAT: {"reader", "secretariat"},
}
TIER_GROUPS = {Tier.GOVERNMENTS: Role.GOVERNMENT, Tier.SECRETARIAT: Role.SECRETARIAT}


def _restrict_to_tier(restriction_model, tier: str, **target):
    """A Wagtail "Privacy" rule standing for ``tier``: signed-in users, or one role's group."""
    if tier == Tier.MEMBERS:
        return restriction_model.objects.create(restriction_type="login", **target)
    restriction = restriction_model.objects.create(restriction_type="groups", **target)
    restriction.groups.add(Group.objects.get(name=TIER_GROUPS[tier]))
    return restriction


def note_with_block(library, tier):
    document = make_document()
    page = make_note(library, tier=tier, body=[("document", {"document": document, "title": ""})])
    return document, page


def note_with_rich_text_link(library, tier):
    document = make_document()
    link = f'<p>See <a linktype="document" id="{document.pk}">the annex</a>.</p>'
    page = make_note(library, tier=tier, body=[("text", link)])
    return document, page


def country_profile_link(library, tier):
    """A country profile's summary links the document; the tier is a privacy rule on it."""
    document = make_document()
    page = CountryProfilePage.objects.get(country__slug="armenia")
    page.summary = f'<p><a linktype="document" id="{document.pk}">Migration profile</a></p>'
    page.save_revision().publish()
    page.refresh_from_db()
    _restrict_to_tier(PageViewRestriction, tier, page=page)
    return document, page


def private_collection(library, tier):
    """A members' note uses a document kept in a private collection."""
    collection = Collection.get_first_root_node().add_child(name=f"Private {tier}")
    _restrict_to_tier(CollectionViewRestriction, tier, collection=collection)
    document = make_document(collection=collection)
    page = make_note(library, body=[("document", {"document": document, "title": ""})])
    return document, page


KINDS = {
    "note document block": note_with_block,
    "note rich-text link": note_with_rich_text_link,
    "country profile": country_profile_link,
    "private collection": private_collection,
}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _viewers(tier) -> dict[str, Client]:
    reader, other = READER_AND_OTHER[tier]
    return {
        "reader": _client(make_member(reader)),
        "other": _client(make_member(other)),
        "observer": _client(make_member(Role.OBSERVER)),
        "secretariat": _client(make_member(Role.SECRETARIAT, is_staff=True)),
    }


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_download_answers_as_the_page_does(library, kind, tier, viewer):
    document, page = KINDS[kind](library, tier)
    client = _viewers(tier)[viewer]
    expected = 200 if viewer in ALLOWED[tier] else 404
    if kind != "private collection":
        assert client.get(page.url).status_code == expected
    assert client.get(document.url).status_code == expected
    # The file itself, under MEDIA_URL, answers the same.
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == expected


@pytest.mark.parametrize(
    ("viewer", "expected"),
    [("uploader", 200), ("other", 404), ("observer", 404), ("secretariat", 200)],
)
def test_a_document_nothing_uses_is_the_secretariats_and_its_uploaders(library, viewer, expected):
    uploader = make_member(Role.EXPERT)
    document = make_document(uploaded_by=uploader)
    users = {
        "uploader": uploader,
        "other": make_member(Role.EXPERT),
        "observer": make_member(Role.OBSERVER),
        "secretariat": make_member(Role.SECRETARIAT, is_staff=True),
    }
    client = _client(users[viewer])
    assert client.get(document.url).status_code == expected
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == expected


def test_a_document_in_a_secretariat_only_note_stays_hidden_when_the_note_is_shown_elsewhere(
    library,
):
    """Linked from a secretariat note and from nothing else visible: an observer who has the
    URL gets 404, even though the document is not in the note's list of downloads."""
    document, _page = note_with_rich_text_link(library, Tier.SECRETARIAT)
    make_note(library, tier=Tier.MEMBERS)  # an unrelated visible note
    observer = _client(make_member(Role.OBSERVER))
    assert observer.get(document.url).status_code == 404


def test_an_image_only_on_a_secretariat_note_is_hidden_with_its_renditions(library):
    image = make_image()
    make_note(
        library,
        tier=Tier.SECRETARIAT,
        body=[("image", {"image": image, "alt_text": "A chart", "caption": "Returns by year"})],
    )
    rendition = image.get_rendition("fill-20x20")
    observer = _client(make_member(Role.OBSERVER))
    secretariat = _client(make_member(Role.SECRETARIAT, is_staff=True))
    for url in (rendition.url, settings.MEDIA_URL + image.file.name):
        assert url.startswith(settings.MEDIA_URL)
        assert observer.get(url).status_code == 404
        assert secretariat.get(url).status_code == 200


def test_an_image_on_a_members_note_shows_to_members(library):
    image = make_image()
    make_note(
        library, body=[("image", {"image": image, "alt_text": "A chart", "caption": "Returns"})]
    )
    rendition = image.get_rendition("fill-20x20")
    response = _client(make_member(Role.OBSERVER)).get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_anonymous_visitors_get_no_media(library):
    image = make_image()
    make_note(library, body=[("image", {"image": image, "alt_text": "A", "caption": "B"})])
    response = Client().get(settings.MEDIA_URL + image.file.name)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "../config/settings/base.py",
        "original_images/../../manage.py",
        "original_images/..%2F..%2Fmanage.py",
        "%2e%2e/manage.py",
        "./original_images/chart.png",
        "original_images//chart.png",
        "imports/secret.csv",
        "nothing-here.png",
    ],
)
def test_media_paths_outside_what_is_shared_are_not_found(library, path):
    image = make_image()
    make_note(library, body=[("image", {"image": image, "alt_text": "A", "caption": "B"})])
    (settings.MEDIA_ROOT / "imports").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "imports" / "secret.csv").write_text("name,e-mail\n")
    secretariat = _client(make_member(Role.SECRETARIAT, is_staff=True))
    assert secretariat.get(settings.MEDIA_URL + path).status_code == 404


@pytest.mark.parametrize(
    ("visibility", "viewer", "expected"),
    [
        (Tier.MEMBERS, Role.OBSERVER, 200),
        (Tier.GOVERNMENTS, Role.OBSERVER, 404),
        (Tier.GOVERNMENTS, Role.GOVERNMENT, 200),
        (Tier.SECRETARIAT, Role.GOVERNMENT, 404),
        (Tier.SECRETARIAT, Role.SECRETARIAT, 200),
    ],
)
def test_a_profile_photo_shows_to_those_who_may_see_the_profile(visibility, viewer, expected):
    from members.models import Profile
    from tests.core.conftest import png_bytes

    member = make_member(Role.GOVERNMENT)
    profile, _created = Profile.objects.get_or_create(user=member)
    profile.visibility = visibility
    profile.photo.save("me.png", ContentFile(png_bytes()), save=False)
    profile.save()
    assert profile.photo.name.startswith("members/photos/")
    response = _client(make_member(viewer)).get(settings.MEDIA_URL + profile.photo.name)
    assert response.status_code == expected


def test_a_file_linked_only_from_an_unpublished_page_is_the_secretariats(library):
    """A country profile taken offline keeps its links in the reference index; its files
    must not stay open to members through them."""
    document, page = country_profile_link(library, Tier.MEMBERS)
    page.unpublish()
    assert _client(make_member(Role.GOVERNMENT)).get(document.url).status_code == 404
    assert (
        _client(make_member(Role.SECRETARIAT, is_staff=True)).get(document.url).status_code == 200
    )
