"""Registration rules through the services: eligibility, windows, capacity, waitlist, approval."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.roles import Role
from events import services
from events.models import Registration, RegistrationStatus
from taxonomy.models import Country
from tests.events.builders import make_event, set_country
from tests.factories.members import make_member

S = RegistrationStatus
pytestmark = pytest.mark.django_db


def statuses(event):
    return list(
        Registration.objects.filter(event_id=event.pk)
        .order_by("position")
        .values_list("user__email", "status")
    )


def test_first_come_first_served_then_waitlist_in_order(event, officials):
    users = officials(5)
    results = [services.registration_create(event=event, user=u) for u in users]
    assert [r.status for r in results] == [S.CONFIRMED] * 3 + [S.WAITLISTED] * 2
    assert [r.position for r in results] == [1, 2, 3, 4, 5]


def test_registering_twice_keeps_one_row_and_updates_answers(event, official):
    first = services.registration_create(event=event, user=official)
    again = services.registration_create(
        event=event, user=official, answers={"dietary": "Vegetarian", "status": "confirmed"}
    )
    assert again.pk == first.pk
    assert Registration.objects.filter(event_id=event.pk).count() == 1
    assert Registration.objects.get(pk=first.pk).dietary == "Vegetarian"


def test_cancellation_promotes_the_first_waitlisted_and_tells_them(event, officials):
    users = officials(5)
    regs = [services.registration_create(event=event, user=u) for u in users]
    mail.outbox.clear()
    promoted = services.registration_cancel(registration=regs[1])
    assert [p.user for p in promoted] == [users[3]]
    assert statuses(event)[3][1] == S.CONFIRMED
    assert statuses(event)[4][1] == S.WAITLISTED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "A place has opened for you" in subjects[users[3].email]
    assert "cancelled" in subjects[users[1].email]
    promoted_mail = next(m for m in mail.outbox if m.to == [users[3].email])
    assert promoted_mail.attachments[0][0] == "event.ics"


def test_cancelling_a_waitlisted_place_promotes_nobody(event, officials):
    regs = [services.registration_create(event=event, user=u) for u in officials(5)]
    assert services.registration_cancel(registration=regs[3]) == []
    assert [s for _e, s in statuses(event)].count(S.CONFIRMED) == 3


def test_cancelling_twice_promotes_once(event, officials):
    regs = [services.registration_create(event=event, user=u) for u in officials(5)]
    assert len(services.registration_cancel(registration=regs[0])) == 1
    assert services.registration_cancel(registration=regs[0]) == []
    assert [s for _e, s in statuses(event)].count(S.CONFIRMED) == 3


def test_re_registering_after_cancelling_goes_to_the_back(event, officials):
    users = officials(4)
    regs = [services.registration_create(event=event, user=u) for u in users]
    services.registration_cancel(registration=regs[0])  # users[3] promoted
    again = services.registration_create(event=event, user=users[0])
    assert again.pk == regs[0].pk
    assert again.status == S.WAITLISTED
    assert again.position == 5


def test_confirmation_mail_carries_the_calendar_file(event, official):
    services.registration_create(event=event, user=official)
    (message,) = mail.outbox
    assert message.to == [official.email]
    assert "confirmed" in message.subject
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    # The link is for confirmed participants: it is in their calendar file.
    assert "secret-room" in content


def test_waitlisted_mail_has_no_link(events_index, officials):
    event = make_event(events_index, capacity=1)
    users = officials(2)
    services.registration_create(event=event, user=users[0])
    mail.outbox.clear()
    services.registration_create(event=event, user=users[1])
    (message,) = mail.outbox
    assert "waiting list" in message.subject
    assert "secret-room" not in message.body
    assert not message.attachments


def test_unlimited_capacity_confirms_everyone(events_index, officials):
    event = make_event(events_index, capacity=None)
    regs = [services.registration_create(event=event, user=u) for u in officials(6)]
    assert {r.status for r in regs} == {S.CONFIRMED}


def test_seats_per_country(events_index, officials):
    event = make_event(events_index, capacity=4, seats_per_country=1)
    georgians = officials(2, "GE")
    armenians = officials(1, "AM")
    a = services.registration_create(event=event, user=georgians[0])
    b = services.registration_create(event=event, user=georgians[1])
    c = services.registration_create(event=event, user=armenians[0])
    assert (a.status, b.status, c.status) == (S.CONFIRMED, S.WAITLISTED, S.CONFIRMED)
    # The Georgian seat frees: the waitlisted Georgian gets it.
    promoted = services.registration_cancel(registration=a)
    assert [p.pk for p in promoted] == [b.pk]


def test_promotion_skips_a_country_whose_seats_are_taken(events_index, officials):
    event = make_event(events_index, capacity=2, seats_per_country=1)
    ge1, ge2 = officials(2, "GE")
    (am1,) = officials(1, "AM")
    (md1,) = officials(1, "MD")
    r_ge1 = services.registration_create(event=event, user=ge1)
    services.registration_create(event=event, user=am1)
    r_ge2 = services.registration_create(event=event, user=ge2)  # waitlisted (full)
    r_md1 = services.registration_create(event=event, user=md1)  # waitlisted (full)
    assert r_ge2.status == r_md1.status == S.WAITLISTED
    services.registration_cancel(registration=Registration.objects.get(user=am1))
    # Georgia still holds its one seat: the Moldovan, second in line, is promoted.
    assert Registration.objects.get(pk=r_md1.pk).status == S.CONFIRMED
    assert Registration.objects.get(pk=r_ge2.pk).status == S.WAITLISTED
    assert r_ge1.status == S.CONFIRMED


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "not opened"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "closed"),
        ({"cancelled": True}, "cancelled"),
        ({"registration_open": False}, "not taken"),
        (
            {
                "starts_at": timezone.now() - timedelta(days=2),
                "ends_at": timezone.now() - timedelta(days=1),
            },
            "over",
        ),
        ({"invitation_only": True}, "invitation"),
    ],
)
def test_registration_refused_outside_the_rules(events_index, official, fields, reason):
    event = make_event(events_index, **fields)
    with pytest.raises(PermissionDenied, match=reason):
        services.registration_create(event=event, user=official)
    assert not Registration.objects.exists()


def test_window_open_now_accepts(events_index, official):
    now = timezone.now()
    event = make_event(
        events_index,
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=1),
    )
    assert services.registration_create(event=event, user=official).status == S.CONFIRMED


def test_eligible_roles_and_countries(events_index, official, member):
    event = make_event(events_index)
    event.eligible_roles.set([Group.objects.get(name=Role.GOVERNMENT)])
    event.eligible_countries.set([Country.objects.get(code="GE")])
    event.save()
    with pytest.raises(PermissionDenied, match="role"):
        services.registration_create(event=event, user=member)
    set_country(official, "AM")
    with pytest.raises(PermissionDenied, match="country"):
        services.registration_create(event=event, user=official)
    set_country(official, "GE")
    assert services.registration_create(event=event, user=official).status == S.CONFIRMED


def test_invited_member_registers_whatever_their_role(events_index, member):
    event = make_event(events_index, invitation_only=True)
    event.eligible_roles.set([Group.objects.get(name=Role.GOVERNMENT)])
    event.invitees.set([member])
    event.save()
    assert services.registration_create(event=event, user=member).status == S.CONFIRMED
    with pytest.raises(PermissionDenied):
        services.registration_create(event=event, user=make_member(Role.GOVERNMENT))


def test_secretariat_tier_event_is_closed_to_members(events_index, official, secretariat):
    event = make_event(events_index, tier="secretariat")
    with pytest.raises(PermissionDenied):
        services.registration_create(event=event, user=official)
    assert services.registration_create(event=event, user=secretariat).status == S.CONFIRMED


def test_approval_mode(events_index, officials):
    event = make_event(events_index, capacity=1, approval_required=True)
    a, b = officials(2)
    ra = services.registration_create(event=event, user=a)
    rb = services.registration_create(event=event, user=b)
    assert ra.status == rb.status == S.PENDING
    assert "awaits approval" in mail.outbox[-1].subject
    assert services.registration_decide(registration=ra, approve=True).status == S.CONFIRMED
    assert services.registration_decide(registration=rb, approve=True).status == S.WAITLISTED
    services.registration_cancel(registration=ra)
    assert Registration.objects.get(pk=rb.pk).status == S.CONFIRMED


def test_declined_registration(events_index, official):
    event = make_event(events_index, approval_required=True)
    registration = services.registration_create(event=event, user=official)
    decided = services.registration_decide(registration=registration, approve=False)
    assert decided.status == S.CANCELLED
    assert "not approved" in mail.outbox[-1].subject


def test_larger_capacity_on_publish_promotes_the_waitlist(events_index, officials):
    event = make_event(events_index, capacity=1)
    regs = [services.registration_create(event=event, user=u) for u in officials(3)]
    event.capacity = 2
    event.save_revision().publish()
    assert Registration.objects.get(pk=regs[1].pk).status == S.CONFIRMED
    assert Registration.objects.get(pk=regs[2].pk).status == S.WAITLISTED


def test_attendance_marks_only_confirmed(event, officials):
    regs = [services.registration_create(event=event, user=u) for u in officials(4)]
    services.attendance_mark(event=event, attended_ids=[regs[0].pk, regs[3].pk])
    attended = dict(Registration.objects.values_list("pk", "attended"))
    assert attended == {regs[0].pk: True, regs[1].pk: False, regs[2].pk: False, regs[3].pk: None}


def test_message_to_registrants_goes_through_celery(event, officials, secretariat):
    regs = [services.registration_create(event=event, user=u) for u in officials(4)]
    mail.outbox.clear()
    services.registrants_message(
        event=event,
        subject="Visa letters",
        body="Letters were sent today.",
        statuses=["waitlisted"],
        sender=secretariat,
    )
    assert [m.to for m in mail.outbox] == [[regs[3].user.email]]
    assert "Visa letters" in mail.outbox[0].subject
