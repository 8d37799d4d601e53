"""Demo events: past and upcoming of every kind, with registrations and waitlists, and one open
and one closed written consultation with answers. Idempotent (stable slugs and e-mails)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from events import demo_evaluation
from events.access import member_country
from events.models import (
    Answer,
    ConsultationPage,
    ConsultationQuestion,
    EventFormat,
    EventIndexPage,
    EventKind,
    EventLedger,
    EventPage,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Response,
    ResponseMode,
    ResponseStatus,
)

S = RegistrationStatus

EVENTS = [
    # slug, title, kind, format, days from today, zone, venue, capacity
    (
        "regional-meeting-labour-migration",
        "Regional meeting on labour migration",
        EventKind.REGIONAL_MEETING,
        EventFormat.HYBRID,
        21,
        "Asia/Tbilisi",
        "Tbilisi Marriott",
        6,
    ),
    (
        "webinar-return-reintegration",
        "Webinar: sustainable return and reintegration",
        EventKind.WEBINAR,
        EventFormat.ONLINE,
        9,
        "Europe/Chisinau",
        "",
        40,
    ),
    (
        "training-migration-data",
        "Training on migration data and statistics",
        EventKind.TRAINING,
        EventFormat.IN_PERSON,
        45,
        "Asia/Yerevan",
        "Yerevan, Ani Plaza",
        4,
    ),
    (
        "study-visit-border-management",
        "Study visit: integrated border management",
        EventKind.STUDY_VISIT,
        EventFormat.IN_PERSON,
        60,
        "Europe/Warsaw",
        "Warsaw, Frontex",
        3,
    ),
    (
        "conference-eastern-partnership",
        "Eastern Partnership migration conference",
        EventKind.CONFERENCE,
        EventFormat.HYBRID,
        90,
        "Europe/Brussels",
        "Brussels, Résidence Palace",
        10,
    ),
    (
        "regional-meeting-diaspora-2026",
        "Regional meeting on diaspora engagement",
        EventKind.REGIONAL_MEETING,
        EventFormat.IN_PERSON,
        -40,
        "Asia/Baku",
        "Baku, Hilton",
        8,
    ),
    (
        "webinar-counter-trafficking",
        "Webinar: identifying victims of trafficking",
        EventKind.WEBINAR,
        EventFormat.ONLINE,
        -15,
        "Europe/Kyiv",
        "",
        50,
    ),
    (
        "training-labour-agreements",
        "Training on bilateral labour agreements",
        EventKind.TRAINING,
        EventFormat.HYBRID,
        -75,
        "Europe/Chisinau",
        "Chisinau, Radisson",
        6,
    ),
]

COUNTRIES = ["AM", "AZ", "GE", "MD", "UA"]


def _members(ctx) -> list:
    """Members from the members app's demo (``{role: [users]}``) when it ran, else a few of ours."""
    shared: dict[str, list] = ctx.shared.get("members", {})
    users = [user for role_users in shared.values() for user in role_users]
    if len(users) >= 8:
        return users
    from core.roles import Role
    from members.models import Profile, User
    from taxonomy.models import Country

    government = Group.objects.get(name=Role.GOVERNMENT)
    for i in range(12):
        code = COUNTRIES[i % len(COUNTRIES)]
        user, created = User.objects.get_or_create(
            email=f"official{i + 1}.{code.lower()}@demo.example.org",
            defaults={"first_name": f"Official {i + 1}", "last_name": code},
        )
        if created:
            user.set_password(ctx.password)
            user.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        user.groups.add(government)
        Profile.objects.update_or_create(
            user=user,
            defaults={"country": Country.objects.get(code=code), "focal_point": i < 5},
        )
        users.append(user)
    return users


def _index(home: Page) -> EventIndexPage:
    index = EventIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title="Events and consultations",
                slug="events",
                intro="<p>Regional meetings, webinars, trainings and study visits, and the "
                "written consultations between them.</p>",
            )
        )
    return index


def _event(index, spec) -> EventPage:
    slug, title, kind, fmt, days, zone, venue, capacity = spec
    event = EventPage.objects.filter(slug=slug).first()
    if event is None:
        day = timezone.localdate() + timedelta(days=days)
        start = datetime.combine(day, time(10, 0), tzinfo=ZoneInfo(zone))
        event = index.add_child(
            instance=EventPage(
                title=title,
                slug=slug,
                kind=kind,
                format=fmt,
                starts_at=start,
                ends_at=start + timedelta(hours=6 if kind != EventKind.WEBINAR else 2),
                timezone=zone,
                venue=venue,
                online_link="https://meet.example.org/" + slug if fmt != "in_person" else "",
                capacity=capacity,
                summary=f"{title}: officials and experts from the Eastern Partnership "
                "compare what works.",
                body="<p>Each delegation presents one practice; working groups draft "
                "recommendations for the Panel.</p>",
            )
        )
        from taxonomy.models import Country

        event.countries.set(Country.objects.filter(code__in=COUNTRIES))
        from events.models import AgendaSession

        for n, (hour, name) in enumerate(
            ((10, "Opening and tour de table"), (11, "Country practices"), (14, "Working groups"))
        ):
            event.sessions.add(
                AgendaSession(
                    title=name,
                    date=start.date(),
                    start_time=time(hour, 0),
                    end_time=time(hour + 1, 0),
                    speakers="Secretariat" if n == 0 else "",
                    sort_order=n,
                )
            )
        if days < 0:
            event.outcomes = "<p>Participants agreed to exchange model contracts.</p>"
        event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def _register(event, users, now) -> None:
    ledger, _ = EventLedger.objects.get_or_create(event=event)
    past = event.ends_at < now
    for i, user in enumerate(users):
        confirmed = event.capacity is None or i < event.capacity
        status = S.CONFIRMED if confirmed else S.WAITLISTED
        _registration, created = Registration.objects.get_or_create(
            event=event,
            user=user,
            defaults={
                "status": status,
                "position": ledger.next_position,
                "country": member_country(user),
                "interpretation_language": "ru" if i % 3 == 0 else "",
                "visa_letter": i % 4 == 0,
                "confirmed_at": now if confirmed else None,
                "attended": (i % 5 != 0) if past and confirmed else None,
            },
        )
        if created:
            ledger.next_position += 1
    ledger.save()


def _consultation(index, *, slug, title, opens, closes, mode, visibility):
    page = ConsultationPage.objects.filter(slug=slug).first()
    if page is None:
        page = ConsultationPage(
            title=title,
            slug=slug,
            opens_at=opens,
            closes_at=closes,
            mode=mode,
            answers_visibility=visibility,
            intro="<p>The secretariat asks each participant for their experience before the "
            "next regional meeting.</p>",
        )
        questions = [
            ("What has worked best in your country?", QuestionKind.TEXT, ""),
            ("Is there a national strategy?", QuestionKind.CHOICE, "Yes\nIn preparation\nNo"),
            (
                "Which groups does it cover?",
                QuestionKind.MULTIPLE,
                "Returnees\nLabour migrants\nDiaspora\nStudents",
            ),
        ]
        for n, (text, kind, choices) in enumerate(questions):
            page.questions.add(
                ConsultationQuestion(text=text, kind=kind, choices=choices, sort_order=n)
            )
        page = index.add_child(instance=page)
        page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk)


def _answers(page, users, *, submitted: bool) -> None:
    questions = list(page.questions.all())
    for i, user in enumerate(users):
        country = None
        if page.mode == ResponseMode.COUNTRY:
            country = member_country(user)
            if country is None:
                continue
        lookup = {"consultation": page, "country": country}
        if country is None:
            lookup["user"] = user
        response, _ = Response.objects.get_or_create(
            **lookup,
            defaults={
                "user": user,
                "status": ResponseStatus.SUBMITTED if submitted or i % 2 else ResponseStatus.DRAFT,
                "submitted_at": page.opens_at + timedelta(days=1) if submitted or i % 2 else None,
            },
        )
        Answer.objects.update_or_create(
            response=response,
            question=questions[0],
            defaults={"text": "Mobile one-stop centres for returnees in three regions."},
        )
        Answer.objects.update_or_create(
            response=response,
            question=questions[1],
            defaults={"selected": [["Yes", "In preparation", "No"][i % 3]]},
        )
        Answer.objects.update_or_create(
            response=response,
            question=questions[2],
            defaults={"selected": ["Returnees", "Diaspora"][: 1 + i % 2]},
        )


def seed(ctx) -> None:
    now = timezone.now()
    index = _index(ctx.home)
    users = _members(ctx)
    for n, spec in enumerate(EVENTS):
        event = _event(index, spec)
        # Enough members to fill the small events and leave a waitlist.
        _register(event, users[n % 3 :][: (event.capacity or 0) + 2], now)
    open_page = _consultation(
        index,
        slug="consultation-reintegration-strategies",
        title="Written consultation: reintegration strategies",
        opens=now - timedelta(days=5),
        closes=now + timedelta(days=20),
        mode=ResponseMode.MEMBER,
        visibility="members",
    )
    _answers(open_page, users[:4], submitted=False)
    closed_page = _consultation(
        index,
        slug="consultation-labour-mobility-2026",
        title="Written consultation: labour mobility schemes",
        opens=now - timedelta(days=60),
        closes=now - timedelta(days=30),
        mode=ResponseMode.COUNTRY,
        visibility="members",
    )
    _answers(closed_page, users[:5], submitted=True)
    if not closed_page.synthesis_published:
        closed_page.synthesis = (
            "<p>Four countries run circular labour mobility schemes; all ask for shared "
            "pre-departure training material.</p>"
        )
        closed_page.synthesis_published = True
        closed_page.save_revision().publish()
    ctx.say(f"events: {len(EVENTS)} events with registrations and waitlists, 2 consultations")
    from events import demo_attendance

    demo_attendance.seed(ctx)
    demo_evaluation.seed(ctx)
    from events import demo_commitments  # a past meeting's conclusions and commitments

    demo_commitments.seed(ctx)
