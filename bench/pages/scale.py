"""Multiply the demo data (bench only): ``multiply(10)`` leaves ten times what ``seed_demo`` made.

``seed_demo`` has no scale option, and its content is hand written. What grows here is what the
benchmarked pages list or count: practice notes (the library, the dashboard's counts and the
note's related notes), members with profiles (the directory, attendee lists), events with
registrations (the events index), posts in the benchmarked thread and other threads (the
thread, the dashboard), registrations on the benchmarked event. Notes, threads and posts come
from ``bench/search/corpus.py``'s bulk loaders (their text in the four languages); events through
``events/demo.py``'s own helpers, so that they are pages like the demo's.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from django.db import transaction


def multiply(factor: int, rng: random.Random | None = None) -> dict[str, tuple[int, int]]:
    """Grow the data to ``factor`` times the demo's; returns {what: (before, after)}."""
    from discussions.models import Post
    from events.models import EventPage
    from knowledge.models import PracticeNotePage
    from members.models import Profile

    rng = rng or random.Random(16)
    before = {
        "practice notes": PracticeNotePage.objects.count(),
        "posts": Post.objects.count(),
        "members with a profile": Profile.objects.count(),
        "events": EventPage.objects.count(),
    }
    new_members = _members(before["members with a profile"] * (factor - 1), rng)
    _events(before["events"] * (factor - 1), new_members, rng)
    _thread_posts(factor, new_members)
    _notes_and_posts(
        notes=before["practice notes"] * factor, posts=before["posts"] * factor, rng=rng
    )
    after = {
        "practice notes": PracticeNotePage.objects.count(),
        "posts": Post.objects.count(),
        "members with a profile": Profile.objects.count(),
        "events": EventPage.objects.count(),
    }
    grown = {key: (before[key], after[key]) for key in before}
    print(
        "data multiplied: " + ", ".join(f"{k} {a} → {b}" for k, (a, b) in grown.items()),
        file=sys.stderr,
    )
    return grown


def _members(count: int, rng: random.Random) -> list:
    """Officials and experts with profiles, in bulk (a real password hash costs 0.5 s each)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from core.roles import Role
    from members.models import Organisation, Profile, User
    from taxonomy.models import Country, Theme

    organisations = list(Organisation.objects.all())
    countries = list(Country.objects.filter(eastern_partnership=True))
    themes = list(Theme.objects.all())
    groups = [Group.objects.get(name=Role.GOVERNMENT), Group.objects.get(name=Role.OBSERVER)]
    unusable = make_password(None)
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"bench-member-{n}@example.org",
                first_name=f"Member{n}",
                last_name=rng.choice(["Aliyeva", "Beridze", "Ceban", "Hovhannisyan", "Kovalenko"]),
                password=unusable,
                is_active=True,
            )
            for n in range(count)
        )
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=user.pk, group_id=groups[n % 2].pk)
            for n, user in enumerate(users)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
        profiles = Profile.objects.bulk_create(
            Profile(
                user=user,
                title="Head of unit",
                organisation=rng.choice(organisations),
                country=rng.choice(countries),
                languages=["en", "ru"],
                bio="Works on labour migration and return.",
            )
            for user in users
        )
        Profile.expertise.through.objects.bulk_create(
            Profile.expertise.through(profile_id=profile.pk, theme_id=theme.pk)
            for profile in profiles
            for theme in rng.sample(themes, 2)
        )
    return users


def _events(count: int, members: list, rng: random.Random) -> None:
    """More events like the demo's (same helpers), each with a few registrations; the
    benchmarked event (the most registrations) gets the factor's share of registrations."""
    from django.db.models import Count
    from django.utils import timezone

    from events import demo
    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.first()
    now = timezone.now()
    measured = EventPage.objects.live().annotate(n=Count("registrations")).order_by("-n", "pk")[0]
    with transaction.atomic():
        # What the benchmark's page picks stays the same page: it keeps the most registrations.
        demo._register(measured, members[: measured.registrations.count() * 9], now)
        for n in range(count):
            slug, title, kind, fmt, days, zone, venue, capacity = demo.EVENTS[n % len(demo.EVENTS)]
            event = demo._event(
                index,
                (
                    f"{slug}-bench-{n}",
                    f"{title} ({n + 2})",
                    kind,
                    fmt,
                    days + rng.randrange(-200, 200),
                    zone,
                    venue,
                    capacity,
                ),
            )
            demo._register(event, rng.sample(members, min(len(members), 3)), now)


def _thread_posts(factor: int, members: list) -> None:
    """The benchmarked thread (the most posts, open to all members) gets ``factor`` times its
    posts, by the new members."""
    from django.db.models import Max

    from discussions.models import Post, Thread

    thread = Thread.objects.filter(topic__restricted_groups__isnull=True).order_by(
        "-post_count", "pk"
    )[0]
    posts = list(thread.posts.order_by("number"))
    last = thread.posts.aggregate(n=Max("number"))["n"] or 0
    extra = []
    for n in range(len(posts) * (factor - 1)):
        model = posts[n % len(posts)]
        extra.append(
            Post(
                thread=thread,
                number=last + n + 1,
                author=members[n % len(members)],
                source=model.source,
                html=model.html,
                created_at=model.created_at + dt.timedelta(minutes=n + 1),
            )
        )
    with transaction.atomic():
        created = Post.objects.bulk_create(extra)
        Thread.objects.filter(pk=thread.pk).update(
            post_count=thread.post_count + len(created),
            reply_count=thread.reply_count + len(created),
            last_post=created[-1],
            last_activity_at=created[-1].created_at,
        )


def _notes_and_posts(*, notes: int, posts: int, rng: random.Random) -> None:
    from bench.search import corpus

    corpus.build(notes=notes, posts=posts, rng=rng)
