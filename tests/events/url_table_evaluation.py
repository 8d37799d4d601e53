"""Who reaches the evaluation and certificate URLs (merged into ``tests/events/url_table``)."""

from __future__ import annotations

from tests.url_expectations import Expect


def _training(request) -> dict:
    from tests.events.evaluation_builders import make_training

    return {"event": make_training()}


def _certificate(request) -> dict:
    from events.certificates import certificate_issue
    from tests.events.evaluation_builders import attend, make_training
    from tests.factories.members import make_member

    event = make_training(pass_mark=None)
    return {"certificate": certificate_issue(registration=attend(event, make_member()))}


TRAINING = {"setup": _training, "kwargs": lambda ctx: {"event_id": ctx["event"].pk}}
CERTIFICATE = {
    "setup": _certificate,
    "kwargs": lambda ctx: {"certificate_id": ctx["certificate"].pk},
}

EXPECTED = {
    # Nobody in the URL walk holds a registration: there is nothing for them to answer.
    "events:evaluation_form": Expect(member=404, **TRAINING),
    "events:pretest_form": Expect(member=404, **TRAINING),
    "events:certificate_download": Expect(member=404, **TRAINING),
    "events:evaluation_results": Expect(member=403, secretariat=200, **TRAINING),
    # Fewer than three answers: the export is withheld, with the reason on the page.
    "events:evaluation_export": Expect(member=403, secretariat=409, **TRAINING),
    "events:certificate_list": Expect(member=403, secretariat=200, **TRAINING),
    "events:certificate_revoke": Expect(member=403, secretariat=200, **CERTIFICATE),
    # The one page outside the members-only gate: anyone with the code may check it.
    "verify:form": Expect(anonymous=200, anonymous_to_login=False),
    "verify:certificate": Expect(
        anonymous=200,
        anonymous_to_login=False,
        setup=_certificate,
        kwargs=lambda ctx: {"code": ctx["certificate"].code},
    ),
}
