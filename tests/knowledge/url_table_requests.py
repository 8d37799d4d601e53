"""Needs and requests' named URLs: requesters, focal points and the secretariat only."""

from tests.url_expectations import Expect


def _need(request) -> dict:
    """A training need filed by another official of Armenia: nobody in the role fixtures (who
    have no country) is its requester or a focal point of Armenia; the secretariat sees it."""
    from core.roles import Role
    from tests.factories.members import make_member
    from tests.knowledge.requests_builders import make_training_need, official_of

    filer = official_of(make_member(Role.GOVERNMENT), "AM")
    return {"request_id": make_training_need(filer).pk}


def _own_need(request) -> dict:
    """The official role fixture gets a country, so it may file."""
    from tests.knowledge.requests_builders import official_of

    official_of(request.getfixturevalue("official"), "GE")
    return {}


def _note(request) -> dict:
    from knowledge.services import library_setup
    from tests.knowledge.conftest import make_note

    return {"note_id": make_note(library_setup()).pk}


EXPECTED = {
    "knowledge:my_requests": Expect(),
    "knowledge:request_queue": Expect(member=403, secretariat=200),
    # Only officials with a country file training needs.
    "knowledge:training_need_new": Expect(member=403, official=200, setup=_own_need),
    "knowledge:peer_exchange_new": Expect(setup=_note, kwargs=lambda c: c),
    # Someone else's request: not there for members; the secretariat sees it.
    "knowledge:request_detail": Expect(
        member=404, secretariat=200, setup=_need, kwargs=lambda c: c
    ),
    # Nothing chosen: the secretariat's form answers 400 with its errors.
    "knowledge:request_change": Expect(
        method="post", member=404, secretariat=400, setup=_need, kwargs=lambda c: c
    ),
}
