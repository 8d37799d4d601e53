"""Requests built for tests: a training need of an official and a peer exchange on a note."""

from __future__ import annotations

from events.models import EventFormat
from knowledge.models import CapacityRequest, CapacityRequestChange
from knowledge.models.requests import RequestKind, RequestState
from taxonomy.models import Country, Theme
from tests.events.builders import set_country


def official_of(user, code: str = "AM", *, focal_point: bool = False):
    return set_country(user, code, focal_point=focal_point)


def make_training_need(requester, *, state: str = RequestState.NEW, **fields) -> CapacityRequest:
    from members.models import Profile

    profile = Profile.objects.filter(user=requester).first()
    defaults = {
        "kind": RequestKind.TRAINING_NEED,
        "requester": requester,
        "country": profile.country if profile else Country.objects.get(code="AM"),
        "theme": Theme.objects.get(slug="labour-migration"),
        "target_institutions": "State Migration Service",
        "staff_count": 20,
        "preferred_format": EventFormat.IN_PERSON,
        "preferred_period": "Spring 2027",
        "description": "Interviewing techniques for labour-migration officers.",
        "state": state,
        "decline_reason": "Out of scope" if state == RequestState.DECLINED else "",
    }
    defaults.update(fields)
    request = CapacityRequest.objects.create(**defaults)
    CapacityRequestChange.objects.create(request=request, to_state=RequestState.NEW, by=requester)
    return request
