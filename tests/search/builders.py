"""Content for search tests, published through Wagtail so the signals run as in the admin."""

from __future__ import annotations

from core.access import Tier
from home.models import HomePage, StandardPage
from taxonomy.models import Country, GCMObjective, Theme


def make_searchable() -> None:
    """Drain the indexing outbox in-process and make the result searchable: what the task
    does after a commit, done now."""
    from search import indexing

    indexing.process_outbox()
    target = indexing.current_index()
    target.ensure()
    target.refresh()


def home() -> HomePage:
    return HomePage.objects.get()


def library():
    from knowledge.models import LibraryIndexPage

    existing = LibraryIndexPage.objects.first()
    if existing:
        return existing
    return home().add_child(instance=LibraryIndexPage(title="Library", slug="library-pages"))


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def make_note(
    title: str,
    *,
    summary: str = "",
    text: str = "",
    language: str = "en",
    tier: str = Tier.MEMBERS,
    countries=("GE",),
    themes=("labour-migration",),
    gcm=(),
    target_groups=(),
    body=None,
    **fields,
):
    """A published note; ``body`` (stream blocks) replaces the one paragraph of ``text``."""
    from knowledge.models import PracticeNotePage
    from taxonomy.models import TargetGroup

    page = PracticeNotePage(
        title=title,
        summary=summary or f"About {title}",
        language=language,
        tier=tier,
        body=body if body is not None else [("text", f"<p>{text}</p>")] if text else [],
        **fields,
    )
    library().add_child(instance=page)
    page.countries.set(Country.objects.filter(code__in=countries))
    page.themes.set(Theme.objects.filter(slug__in=themes))
    page.gcm_objectives.set(GCMObjective.objects.filter(number__in=gcm))
    page.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
    return publish(page)


def make_standard_page(title: str, *, summary: str = "", body: str = "") -> StandardPage:
    page = StandardPage(title=title, summary=summary, body=f"<p>{body}</p>" if body else "")
    home().add_child(instance=page)
    return publish(page)


def restrict(page, *groups: str):
    """Wagtail's "Privacy" dialog: ``page`` and everything below it for ``groups`` only."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=groups))
    return restriction


def make_restricted_section(*groups: str, note_title: str, note_summary: str):
    """A library section limited to ``groups``, holding one published note."""
    from knowledge.models import LibraryIndexPage, PracticeNotePage

    section = home().add_child(
        instance=LibraryIndexPage(title="Expert working papers", slug="expert-papers")
    )
    note = PracticeNotePage(title=note_title, summary=note_summary)
    section.add_child(instance=note)
    note.save_revision().publish()
    restrict(section, *groups)
    return section, PracticeNotePage.objects.get(pk=note.pk)
