"""The discussions' part of the donor report: threads started and posts written in a period.

Posts are those members can still read (not deleted by their author, not hidden by a
moderator). A thread on a page (a practice note, an event) has no topic: such threads are
counted together.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _
from wagtail import hooks

from core.collation import sort_key
from core.reports import DONOR_REPORT_SECTION_HOOK, Cell, Figure, Period, ReportSection, Table
from discussions.models import Post, Thread, Topic


@hooks.register(DONOR_REPORT_SECTION_HOOK)
def discussions_section(period: Period) -> ReportSection:
    in_period = {"created_at__gte": period.starts_at, "created_at__lt": period.ends_before}
    threads = Counter(
        {
            row["topic"]: row["n"]
            for row in Thread.objects.filter(**in_period).values("topic").annotate(n=Count("pk"))
        }
    )
    posts = Post.objects.public().filter(**in_period)
    by_topic = Counter(
        {
            row["thread__topic"]: row["n"]
            for row in posts.values("thread__topic").annotate(n=Count("pk"))
        }
    )
    authors = posts.exclude(author=None).values("author").distinct().count()
    topics = {
        topic.pk: topic.label for topic in Topic.objects.filter(pk__in=set(threads) | set(by_topic))
    }
    rows: list[list[Cell]] = [
        [topics[pk], by_topic[pk], threads[pk]]
        for pk in sorted((pk for pk in topics), key=lambda pk: sort_key(topics[pk]))
    ]
    if threads[None] or by_topic[None]:
        rows.append([_("On pages (practice notes, events)"), by_topic[None], threads[None]])
    return ReportSection(
        key="discussions",
        title=_("Discussions"),
        order=30,
        figures=[
            Figure(_("Threads started"), sum(threads.values())),
            Figure(_("Posts written"), sum(by_topic.values())),
            Figure(_("Members who wrote"), authors),
        ],
        tables=[
            Table(
                key="discussions-by-topic",
                caption=_("Posts and threads by topic"),
                columns=[_("Topic"), _("Posts written"), _("Threads started")],
                rows=rows,
                chart="bars",
                note=_("Posts deleted by their authors or hidden by moderators are not counted."),
            )
        ],
    )
