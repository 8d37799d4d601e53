"""Who reaches each events URL. Events are built by the setup functions below."""

from __future__ import annotations

from tests.url_expectations import Expect


def _event(request) -> dict:
    from tests.events.builders import get_events_index, make_event

    return {"event": make_event(get_events_index())}


def _registration(request) -> dict:
    from events.services import registration_create
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import make_member

    event = make_event(get_events_index(), approval_required=True)
    registration = registration_create(event=event, user=make_member())
    return {"registration": registration}


def _confirmed(request, **answers) -> dict:
    from events.services import registration_create
    from tests.events.builders import get_events_index, make_event
    from tests.factories.members import make_member

    event = make_event(get_events_index(), format="in_person")
    return {"registration": registration_create(event=event, user=make_member(), answers=answers)}


def _visa_details(request) -> dict:
    from events import services_attendance
    from taxonomy.models import Country

    context = _confirmed(request, visa_letter=True)
    services_attendance.visa_details_save(
        registration=context["registration"],
        passport_name="NINO BERIDZE",
        nationality=Country.objects.get(code="GE"),
        passport_number="13AB45678",
    )
    return context


def _visa_signed(request) -> dict:
    from events import services_attendance

    context = _visa_details(request)
    letter = services_attendance.visa_letter_for(registration=context["registration"])
    services_attendance.visa_letter_sign(
        letter=letter, by=None, signatory_name="Elena Moraru", signatory_title="Head", language="en"
    )
    return context


def _registration_kwargs(ctx):
    return {"registration_id": ctx["registration"].pk}


def _consultation(request) -> dict:
    from tests.events.builders import get_events_index, make_consultation

    return {"consultation": make_consultation(get_events_index())}


def _event_kwargs(ctx):
    return {"event_id": ctx["event"].pk}


def _consultation_kwargs(ctx):
    return {"page_id": ctx["consultation"].pk}


EVENT = {"setup": _event, "kwargs": _event_kwargs}
SECRETARIAT_ONLY = {"member": 403, "secretariat": 200}

EXPECTED = {
    # Registering answers with a redirect back to the page, whatever the outcome.
    "events:register": Expect(member=302, method="post", data={"visa_letter": ""}, **EVENT),
    # Nobody in the URL walk holds a registration, so there is nothing to cancel.
    "events:cancel": Expect(member=404, method="post", **EVENT),
    "events:event_calendar": Expect(**EVENT),
    "events:manage": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:attendance": Expect(member=403, secretariat=302, method="post", **EVENT),
    "events:message": Expect(
        member=403,
        secretariat=302,
        method="post",
        data={"subject": "Venue", "body": "Bring your passport.", "statuses": ["confirmed"]},
        **EVENT,
    ),
    "events:export_csv": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:export_xlsx": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:decide": Expect(
        member=403,
        secretariat=302,
        method="post",
        data={"decision": "approve"},
        setup=_registration,
        kwargs=lambda ctx: {"registration_id": ctx["registration"].pk},
    ),
    # Attendance: the secretariat's tools answer 403 to others, like the registrant tools; a
    # participant's code and visa letter are theirs and the secretariat's (404 for others).
    "events:check_in": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:check_in_scan": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:sign_in_sheet": Expect(**SECRETARIAT_ONLY, **EVENT),
    # Before the event has started there are no no-shows to mark: a clear 400.
    "events:no_shows": Expect(member=403, secretariat=400, method="post", **EVENT),
    "events:check_in_action": Expect(
        member=403,
        secretariat=302,
        method="post",
        data={"action": "in"},
        setup=_confirmed,
        kwargs=_registration_kwargs,
    ),
    "events:check_in_code": Expect(
        member=404, secretariat=200, setup=_confirmed, kwargs=_registration_kwargs
    ),
    "events:check_in_code_svg": Expect(
        member=404, secretariat=200, setup=_confirmed, kwargs=_registration_kwargs
    ),
    "events:visa_list": Expect(**SECRETARIAT_ONLY, **EVENT),
    "events:visa_details": Expect(
        member=404, secretariat=200, setup=_visa_details, kwargs=_registration_kwargs
    ),
    "events:visa_sign": Expect(
        member=403,
        secretariat=302,
        method="post",
        data={"signatory_name": "Elena Moraru", "signatory_title": "Head", "language": "en"},
        setup=_visa_details,
        kwargs=_registration_kwargs,
    ),
    "events:visa_pdf": Expect(
        member=404, secretariat=200, setup=_visa_signed, kwargs=_registration_kwargs
    ),
    "events:feed_manage": Expect(),
    # Calendar apps carry no session: the token decides, and a wrong one is not found.
    "events:feed": Expect(
        anonymous=404, member=404, kwargs={"token": "not-a-token"}, anonymous_to_login=False
    ),
    "events:consultation_respond": Expect(
        member=302,
        method="post",
        data={"save": "1"},
        setup=_consultation,
        kwargs=_consultation_kwargs,
    ),
    # Answers are the secretariat's until the consultation closes (and then only if opened):
    # until then they are not there for members.
    "events:consultation_answers": Expect(
        member=404, secretariat=200, setup=_consultation, kwargs=_consultation_kwargs
    ),
    "events:consultation_export": Expect(
        **SECRETARIAT_ONLY, setup=_consultation, kwargs=_consultation_kwargs
    ),
}

from tests.events.url_table_evaluation import EXPECTED as _EVALUATION  # noqa: E402

EXPECTED.update(_EVALUATION)
from tests.events.url_table_commitments import EXPECTED as _COMMITMENTS  # noqa: E402

EXPECTED.update(_COMMITMENTS)
