"""Writes of the home app: every interface language gets its editorial pages."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Page


def editorial_page_types() -> tuple[type[Page], ...]:
    """The pages every language's tree has: the home page, the standard pages and the
    sections' index pages. Practice notes, events and country profiles are not among them:
    they keep their own language and reach the other trees through the routing fallback."""
    from events.models import EventIndexPage
    from home.models import HomePage, StandardPage
    from knowledge.models import CountryIndexPage, LibraryIndexPage

    return (HomePage, StandardPage, LibraryIndexPage, CountryIndexPage, EventIndexPage)


def interface_locales() -> list[Locale]:
    """A Wagtail locale per interface language (created when missing), the default first."""
    locales = [
        Locale.objects.get_or_create(language_code=code)[0] for code, _n in settings.LANGUAGES
    ]
    default = Locale.get_default()
    return sorted(locales, key=lambda locale: locale.pk != default.pk)


def editorial_pages_translate(*, user=None) -> list[Page]:
    """Give every interface language a translation of each editorial page of the default tree.

    A missing translation is copied from the default language's page (its text stays in that
    language until the secretariat translates it with the admin's "Translate" action or edits
    the copy) and published when the original is live. Parents come before their children, so
    each copy lands in its own language's tree. Idempotent; returns the pages created.
    """
    default, *others = interface_locales()
    originals = [
        page.specific
        for page in Page.objects.filter(locale=default)
        .type(*editorial_page_types())
        .order_by("depth", "path")
    ]
    created = []
    for locale in others:
        for original in originals:
            if original.get_translation_or_none(locale) is not None:
                continue
            parent = original.get_parent()
            if not parent.is_root() and parent.get_translation_or_none(locale) is None:
                continue  # below a page that is not editorial (none today): left to routing
            copy = original.copy_for_translation(locale)
            if original.live:
                copy.save_revision(user=user).publish(user=user)
            created.append(copy)
    return created
