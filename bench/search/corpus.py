"""The benchmark's corpus: practice notes and discussion posts, loaded in bulk.

Creating pages one by one through Wagtail (``add_child``: a parent lock, a path lookup, signals,
the reference index and the search outbox per page) runs at ~7 pages/s here, two hours for the
issue's 50,000 notes. This module writes the same rows the site would, a chunk at a time:
``wagtailcore_page`` rows through ``Page.objects.bulk_create`` with tree paths computed as
treebeard does (``MP_Node._get_path``: steps of 4 characters over ``0-9A-Z``), then the
``knowledge_practicenotepage`` rows through PostgreSQL ``COPY``, then the taxonomy links. Threads
and posts go through ``bulk_create``. No signal fires, so nothing is queued for the index: the
benchmark's rebuild indexes everything afterwards.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

VOCABULARY = {
    "en": [
        "migration",
        "labour",
        "seasonal",
        "workers",
        "return",
        "reintegration",
        "diaspora",
        "remittances",
        "border",
        "management",
        "integration",
        "asylum",
        "refugees",
        "trafficking",
        "protection",
        "rights",
        "employment",
        "skills",
        "recognition",
        "mobility",
        "partnership",
        "agreement",
        "policy",
        "strategy",
        "data",
        "statistics",
        "consular",
        "services",
        "counselling",
        "training",
        "youth",
        "students",
        "circular",
        "pathways",
        "pilot",
        "programme",
        "ministry",
        "agency",
        "cooperation",
        "region",
        "municipality",
        "employers",
        "recruitment",
    ],
    "ru": [
        "миграция",
        "трудовые",
        "мигранты",
        "сезонные",
        "работники",
        "возвращение",
        "реинтеграция",
        "диаспора",
        "денежные",
        "переводы",
        "граница",
        "управление",
        "интеграция",
        "убежище",
        "беженцы",
        "торговля",
        "защита",
        "права",
        "занятость",
        "навыки",
        "признание",
        "мобильность",
        "партнёрство",
        "соглашение",
        "политика",
        "стратегия",
        "данные",
        "статистика",
        "консульские",
        "услуги",
        "обучение",
        "молодёжь",
        "студенты",
        "программа",
        "министерство",
        "агентство",
        "сотрудничество",
        "регион",
        "работодатели",
    ],
    "ka": [
        "მიგრაცია",
        "შრომითი",
        "მიგრანტები",
        "სეზონური",
        "დასაქმება",
        "დაბრუნება",
        "რეინტეგრაცია",
        "დიასპორა",
        "ფულადი",
        "გზავნილები",
        "საზღვარი",
        "მართვა",
        "ინტეგრაცია",
        "თავშესაფარი",
        "ლტოლვილები",
        "ტრეფიკინგი",
        "დაცვა",
        "უფლებები",
        "უნარები",
        "აღიარება",
        "პარტნიორობა",
        "შეთანხმება",
        "პოლიტიკა",
        "სტრატეგია",
        "მონაცემები",
        "სტატისტიკა",
        "სამინისტრო",
        "სააგენტო",
        "თანამშრომლობა",
        "რეგიონი",
    ],
    "hy": [
        "միգրացիա",
        "աշխատանքային",
        "միգրանտներ",
        "սեզոնային",
        "վերադարձ",
        "վերաինտեգրում",
        "սփյուռք",
        "դրամական",
        "փոխանցումներ",
        "սահման",
        "կառավարում",
        "ինտեգրում",
        "ապաստան",
        "փախստականներ",
        "թրաֆիքինգ",
        "պաշտպանություն",
        "իրավունքներ",
        "զբաղվածություն",
        "հմտություններ",
        "գործընկերություն",
        "համաձայնագիր",
        "քաղաքականություն",
        "ռազմավարություն",
        "տվյալներ",
        "վիճակագրություն",
        "նախարարություն",
    ],
}
LANGUAGE_WEIGHTS = {"en": 4, "ru": 3, "ka": 2, "hy": 1}


def words(rng: random.Random, language: str, n: int) -> str:
    return " ".join(rng.choice(VOCABULARY[language]) for _ in range(n))


def language_pool() -> list[str]:
    return [lang for lang, weight in LANGUAGE_WEIGHTS.items() for _ in range(weight)]


NOTES_CHUNK = 1000
POSTS_CHUNK = 5000
POSTS_PER_THREAD = 20
AUTHORS = 40
TOPICS = [
    # (slug, name, restricted to the group of this role or None)
    ("bench-labour", "Labour migration", None),
    ("bench-return", "Return and reintegration", None),
    ("bench-borders", "Border management", None),
    ("bench-officials", "Officials' room", "government"),
]


def build(*, notes: int, posts: int, rng: random.Random) -> dict:
    """Top the corpus up to ``notes`` practice notes and ``posts`` posts; returns counts."""
    import search.outbox
    from discussions.models import Post
    from knowledge.models import PracticeNotePage
    from search.models import IndexOutbox

    have_notes, have_posts = PracticeNotePage.objects.count(), Post.objects.count()
    if have_notes >= notes and have_posts >= posts:
        print(f"corpus kept: {have_notes} notes, {have_posts} posts", file=sys.stderr)
        return {"notes": have_notes, "posts": have_posts, "seconds": 0.0}
    started = time.perf_counter()
    outbox_mark = IndexOutbox.objects.order_by("-id").values_list("id", flat=True).first() or 0
    # The few objects made through the ORM below (library page, authors, topics) would queue
    # index tasks; the rebuild that follows indexes everything, so no worker is needed now.
    kick = search.outbox._kick
    search.outbox._kick = lambda row_ids: None
    try:
        authors = _authors()
        if notes > have_notes:
            _notes(start=have_notes, count=notes - have_notes, owners=authors, rng=rng)
        if posts > have_posts:
            _posts(count=posts - have_posts, authors=authors, rng=rng)
    finally:
        search.outbox._kick = kick
    # Those rows' objects are in the rebuild; leave no pending rows for the freshness worker.
    IndexOutbox.objects.filter(id__gt=outbox_mark, processed_at__isnull=True).update(
        processed_at=dt.datetime.now(dt.UTC)
    )
    seconds = time.perf_counter() - started
    counts = {
        "notes": PracticeNotePage.objects.count(),
        "posts": Post.objects.count(),
        "seconds": seconds,
    }
    print(
        f"corpus built in {seconds:.0f}s: {counts['notes']} notes, {counts['posts']} posts",
        file=sys.stderr,
    )
    return counts


def _authors() -> list:
    from django.test import override_settings

    from core.roles import Role
    from members.models import User
    from tests.factories.members import make_member

    authors = list(User.objects.filter(email__startswith="bench-author-").order_by("pk"))
    roles = [Role.EXPERT, Role.GOVERNMENT, Role.GOVERNMENT, Role.SECRETARIAT, Role.OBSERVER]
    # They never sign in; a real password hash costs half a second each.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        authors.extend(
            make_member(roles[n % len(roles)], email=f"bench-author-{n}@example.org")
            for n in range(len(authors), AUTHORS)
        )
    return authors


def _library():
    from home.models import HomePage
    from knowledge.models import LibraryIndexPage

    library = LibraryIndexPage.objects.first()
    if library is None:
        library = HomePage.objects.get().add_child(
            instance=LibraryIndexPage(title="Library", slug="bench-library")
        )
    return library


def _notes(*, start: int, count: int, owners: list, rng: random.Random) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from core.access import Tier
    from knowledge.models import PracticeNotePage
    from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme

    library = _library()
    content_type = ContentType.objects.get_for_model(PracticeNotePage)
    countries = list(Country.objects.filter(eastern_partnership=True).values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    objectives = list(GCMObjective.objects.values_list("pk", flat=True))
    groups = list(TargetGroup.objects.values_list("pk", flat=True))
    types = list(ResourceType.objects.values_list("pk", flat=True))
    languages = language_pool()
    tiers = [Tier.MEMBERS] * 8 + [Tier.GOVERNMENTS, Tier.SECRETARIAT]
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    note_fields = PracticeNotePage._meta.local_concrete_fields
    copy_sql = "COPY {} ({}) FROM STDIN".format(
        connection.ops.quote_name(PracticeNotePage._meta.db_table),
        ", ".join(connection.ops.quote_name(f.column) for f in note_fields),
    )
    m2m = {
        name: PracticeNotePage._meta.get_field(name)
        for name in ("countries", "themes", "gcm_objectives", "target_groups")
    }
    last = library.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    now = timezone.now()
    began = time.perf_counter()
    for offset in range(0, count, NOTES_CHUNK):
        size = min(NOTES_CHUNK, count - offset)
        notes, links = [], {name: [] for name in m2m}
        for i in range(size):
            n = start + offset + i
            step += 1
            language = rng.choice(languages)
            title = words(rng, language, 5).capitalize()
            slug = f"note-{n}"
            published = now - dt.timedelta(days=rng.randrange(1, 3650), minutes=n % 1440)
            period_start = published.year - rng.randrange(0, 4)
            notes.append(
                PracticeNotePage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(library.path, library.depth + 1, step),
                    depth=library.depth + 1,
                    numchild=0,
                    url_path=f"{library.url_path}{slug}/",
                    locale_id=library.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published + dt.timedelta(days=rng.randrange(0, 90)),
                    owner=rng.choice(owners),
                    summary=words(rng, language, 30),
                    body=[
                        ("text", "".join(f"<p>{words(rng, language, 60)}</p>" for _ in range(3)))
                    ],
                    implementing_organisations="\n".join(
                        words(rng, language, 3).title() for _ in range(rng.randrange(1, 3))
                    ),
                    results=words(rng, language, 20),
                    period_start=period_start,
                    period_end=rng.choice([None, period_start + rng.randrange(0, 4)]),
                    resource_type_id=rng.choice(types) if types else None,
                    language=language,
                    tier=rng.choice(tiers),
                    external_id=f"bench-{n}",
                )
            )
            links["countries"].append(rng.sample(countries, rng.choice([1, 1, 2, 3])))
            links["themes"].append(rng.sample(themes, rng.choice([1, 2, 2, 3])))
            links["gcm_objectives"].append(rng.sample(objectives, rng.choice([0, 1, 2])))
            links["target_groups"].append(rng.sample(groups, rng.choice([0, 1, 2])))
        with transaction.atomic():
            pages = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(note, f.attname) for f in page_fields})
                    for note in notes
                ]
            )
            for note, page in zip(notes, pages, strict=True):
                note.pk = note.page_ptr_id = note.id = page.pk
            with connection.cursor() as cursor, cursor.cursor.copy(copy_sql) as copy:
                for note in notes:
                    copy.write_row(
                        [
                            f.get_db_prep_save(getattr(note, f.attname), connection)
                            for f in note_fields
                        ]
                    )
            for name, field in m2m.items():
                through = field.remote_field.through
                own, other = field.m2m_column_name(), field.m2m_reverse_name()
                through.objects.bulk_create(
                    through(**{own: note.pk, other: pk})
                    for note, pks in zip(notes, links[name], strict=True)
                    for pk in pks
                )
            Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + size)
        done = offset + size
        if done % 10_000 < NOTES_CHUNK or done == count:
            print(f"  notes {done}/{count} ({time.perf_counter() - began:.0f}s)", file=sys.stderr)


def _posts(*, count: int, authors: list, rng: random.Random) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.utils import timezone

    from discussions.models import Post, Thread, Topic

    topics = []
    for position, (slug, name, role) in enumerate(TOPICS):
        topic, _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
        if role:
            topic.restricted_groups.add(Group.objects.get(name=role))
        topics.append(topic)
    languages = language_pool()
    now = timezone.now()
    began = time.perf_counter()
    # Table names come from the models, not from input.
    update_threads = f"""
        UPDATE {Thread._meta.db_table} AS t
        SET last_post_id = p.last_id, last_activity_at = p.last_at,
            post_count = p.n, reply_count = p.n - 1
        FROM (SELECT thread_id, MAX(id) AS last_id, MAX(created_at) AS last_at, COUNT(*) AS n
              FROM {Post._meta.db_table} WHERE thread_id = ANY(%s) GROUP BY thread_id) AS p
        WHERE t.id = p.thread_id
    """  # noqa: S608
    for offset in range(0, count, POSTS_CHUNK):
        size = min(POSTS_CHUNK, count - offset)
        threads, thread_language, thread_start = [], [], []
        for _ in range(-(-size // POSTS_PER_THREAD)):
            language = rng.choice(languages)
            created = now - dt.timedelta(days=rng.randrange(1, 1500), minutes=rng.randrange(1440))
            threads.append(
                Thread(
                    topic=rng.choice(topics),
                    title=words(rng, language, 6).capitalize(),
                    author=rng.choice(authors),
                    created_at=created,
                    last_activity_at=created,
                )
            )
            thread_language.append(language)
            thread_start.append(created)
        batch = []
        with transaction.atomic():
            Thread.objects.bulk_create(threads)
            for i in range(size):
                t = i // POSTS_PER_THREAD
                text = words(rng, thread_language[t], rng.randrange(20, 100))
                batch.append(
                    Post(
                        thread=threads[t],
                        number=i % POSTS_PER_THREAD + 1,
                        author=rng.choice(authors),
                        source=text,
                        html=f"<p>{text}</p>",
                        created_at=thread_start[t] + dt.timedelta(hours=i % POSTS_PER_THREAD),
                    )
                )
            Post.objects.bulk_create(batch, batch_size=1000)
            with connection.cursor() as cursor:
                cursor.execute(update_threads, [[t.pk for t in threads]])
        done = offset + size
        if done % 50_000 < POSTS_CHUNK or done == count:
            print(f"  posts {done}/{count} ({time.perf_counter() - began:.0f}s)", file=sys.stderr)


# Page.find_problems() compares every node with its children: 5 minutes at 50,000 notes here.
FULL_TREE_CHECK_LIMIT = 10_000


def check(sample: int = 3) -> list[str]:
    """Evidence that the bulk-loaded notes are ordinary Wagtail pages; returns problems found."""
    from django.db.models.functions import Length
    from django.test import RequestFactory
    from wagtail.models import Page

    from knowledge.models import LibraryIndexPage, PracticeNotePage

    problems = []
    if Page.objects.count() <= FULL_TREE_CHECK_LIMIT:
        found = Page.find_problems()
        if any(found):
            problems.append(f"treebeard find_problems: {found}")
    library = LibraryIndexPage.objects.first()
    notes = PracticeNotePage.objects.alias(length=Length("path"))
    # What find_problems checks, for the notes only and in one pass each.
    misplaced = notes.exclude(
        path__startswith=library.path,
        depth=library.depth + 1,
        length=Page.steplen * (library.depth + 1),
        numchild=0,
        path__regex=r"^[0-9A-Z]+$",
    )
    if misplaced.exists():
        problems.append(f"{misplaced.count()} notes with a wrong path, depth or numchild")
    if library.get_children().count() != library.numchild:
        problems.append("library numchild differs from its children")
    live = PracticeNotePage.objects.live().count()
    if live != PracticeNotePage.objects.count():
        problems.append("some notes are not live")
    request = RequestFactory().get("/")
    for note in PracticeNotePage.objects.order_by("?")[:sample]:
        page = Page.objects.get(pk=note.pk)
        if not isinstance(page.specific, PracticeNotePage):
            problems.append(f"page {page.pk}: specific is {type(page.specific).__name__}")
        url = page.get_url(request)
        if not url or page.get_parent().pk != library.pk:
            problems.append(f"page {page.pk}: url {url!r}")
        if not page.specific.countries.exists() or not list(page.specific.body):
            problems.append(f"page {page.pk}: no countries or empty body")
    return problems
