"""Demo content shared by every app: the context each app's ``demo.seed`` receives."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Protocol

from wagtail.models import Locale

from home.models import HomePage


def default_home() -> HomePage:
    """The home page of the default language: the parent of each app's section."""
    return HomePage.objects.get(locale=Locale.get_default())


class Writer(Protocol):
    def write(self, msg: str) -> object: ...


@dataclass
class DemoContext:
    password: str
    stdout: Writer
    # Apps add their sections (library, events) below it; they never look it up themselves.
    home: HomePage = field(default_factory=default_home)
    rng: random.Random = field(default_factory=lambda: random.Random(2026))  # noqa: S311
    # Apps leave things here for the apps seeded after them (e.g. members by role).
    shared: dict = field(default_factory=dict)

    def say(self, message: str) -> None:
        self.stdout.write(message + "\n")


def seed(ctx: DemoContext) -> None:
    """Home page text, an about page and the public privacy notice."""
    from home.models import SiteSettings, StandardPage

    home = ctx.home
    introduction = (
        "The regional consultation platform of the Eastern Partnership Panel on Migration and "
        "Asylum: governments and experts from Armenia, Azerbaijan, Georgia, Moldova, Ukraine and "
        "partner countries share what works in migration governance."
    )
    welcome = (
        "<p>Find what other countries did, register for regional meetings and take part in "
        "written consultations.</p>"
    )
    # Seeding again publishes only what changed: a new revision each run would fill the history.
    if (home.introduction, home.welcome) != (introduction, welcome) or not home.live:
        home.introduction, home.welcome = introduction, welcome
        home.save_revision().publish()
    pages = {
        "about": ("About the platform", False, "Who runs the platform and how consultations work."),
        "privacy": ("Privacy notice", True, "What personal data the platform keeps, and why."),
        "help": ("Help", False, "How to find practices, register for events and take part."),
    }
    for slug, (title, public, summary) in pages.items():
        page = StandardPage.objects.filter(slug=slug, locale=home.locale).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=title, slug=slug, public=public))
        elif page.live and (page.summary, page.body) == (summary, f"<p>{summary}</p>"):
            continue
        page.summary = summary
        page.body = f"<p>{summary}</p>"
        page.save_revision().publish()
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.organisation_name = "Migration Partnership Secretariat"
    site_settings.contact_email = "secretariat@migration-partnership.example.org"
    site_settings.privacy_page = StandardPage.objects.get(slug="privacy", locale=home.locale)
    site_settings.save()
    ctx.say("home: home page, about, help and privacy pages")
