"""Demo needs and requests in every state, filed by the demo officials. Idempotent; sends no
e-mail (rows are written directly, not through the services that queue notices)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from events.access import member_country
from events.models import EventFormat, EventKind, EventPage
from knowledge.models import CapacityRequest, CapacityRequestChange, PracticeNotePage
from knowledge.models.requests import RequestKind, RequestState
from taxonomy.models import Theme

# (requester, kind, theme, text, state, secretariat's note or decline reason)
REQUESTS = [
    ("gov.am", RequestKind.TRAINING_NEED, "border-management",
     "Risk analysis for border guards at land crossings: profiling, data sharing, referral.",
     RequestState.NEW, ""),
    ("gov.ge", RequestKind.TRAINING_NEED, "migration-data",
     "Linking administrative registers to produce monthly migration statistics.",
     RequestState.ACCEPTED, "We will combine it with a similar request from Moldova."),
    ("gov.md", RequestKind.TRAINING_NEED, "labour-migration",
     "Pre-departure orientation for labour migrants: curriculum and trainers.",
     RequestState.PLANNED, "Planned as the regional training."),
    ("gov.ua", RequestKind.STUDY_VISIT, "",
     "A delegation of five would like to see the centres at work in the spring.",
     RequestState.NEW, ""),
    ("gov.az", RequestKind.EXPERT_ADVICE, "",
     "Advice on the legal basis for sharing visa data with other agencies.",
     RequestState.DECLINED, "An expert mission on visa data is already agreed bilaterally."),
]  # fmt: skip

PATH_TO = {
    RequestState.NEW: [],
    RequestState.ACCEPTED: [RequestState.ACCEPTED],
    RequestState.PLANNED: [RequestState.ACCEPTED, RequestState.PLANNED],
    RequestState.DECLINED: [RequestState.DECLINED],
}


def seed(ctx) -> None:
    users = {user.email.split("@")[0]: user for user in get_user_model().objects.all()}
    secretariat = users.get("secretariat")
    note = PracticeNotePage.objects.live().filter(locale__language_code="en").first()
    training = (
        EventPage.objects.live().filter(kind=EventKind.TRAINING).first()
        or EventPage.objects.live().first()
    )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    made = 0
    for local, kind, theme, text, state, remark in REQUESTS:
        requester = users.get(local)
        if requester is None:
            continue
        country = member_country(requester)
        text_field = "description" if kind == RequestKind.TRAINING_NEED else "message"
        if CapacityRequest.objects.filter(requester=requester, **{text_field: text}).exists():
            continue
        fields: dict[str, object] = {text_field: text}
        if kind == RequestKind.TRAINING_NEED:
            fields.update(
                theme=themes.get(theme),
                target_institutions="Ministry of Internal Affairs; State Migration Service",
                staff_count=20,
                preferred_format=EventFormat.IN_PERSON,
                preferred_period="Spring 2027",
            )
        elif note is None:
            continue
        else:
            fields["note"] = note
        request = CapacityRequest.objects.create(
            kind=kind, requester=requester, country=country, **fields
        )
        CapacityRequestChange.objects.create(
            request=request, to_state=RequestState.NEW, by=requester
        )
        for step in PATH_TO[state]:
            if step == RequestState.PLANNED:
                if training is None:
                    break
                request.event = training
            if step == RequestState.DECLINED:
                request.decline_reason = remark
            CapacityRequestChange.objects.create(
                request=request,
                from_state=request.state,
                to_state=step,
                by=secretariat,
                note="" if step == RequestState.DECLINED else remark,
            )
            request.state = step
            request.save()
        made += 1
    ctx.say(f"requests: {made} new")
