"""Demo: the editorial pages in every interface language, with the texts of
``home.editorial_texts``. Runs after the apps that create the sections. Idempotent."""

from __future__ import annotations

from wagtail.models import Locale, Page

from home.editorial_texts import EDITORIAL, STANDARD
from home.services import editorial_pages_translate


def _fields(kind: str, texts: dict[str, str]) -> dict[str, str]:
    fields = dict(texts)
    if kind == STANDARD:
        fields["body"] = f"<p>{texts['summary']}</p>"
    return fields


def seed(ctx) -> None:
    editorial_pages_translate()
    home = ctx.home
    written = 0
    for address, (kind, languages) in EDITORIAL.items():
        original = home if not address else _below(home, address)
        if original is None:
            continue
        for code, texts in languages.items():
            locale = Locale.objects.filter(language_code=code).first()
            page = original.get_translation_or_none(locale) if locale else None
            if page is None:
                continue
            page = page.specific
            fields = _fields(kind, texts)
            if page.live and all(getattr(page, name) == value for name, value in fields.items()):
                continue
            for name, value in fields.items():
                setattr(page, name, value)
            # The draft title is what the admin shows; keep it with the published one.
            page.draft_title = page.title
            page.save_revision().publish()
            written += 1
    ctx.say(f"home: editorial pages in {Locale.objects.count()} languages ({written} updated)")


def _below(home: Page, address: str) -> Page | None:
    page: Page | None = home
    for slug in address.split("/"):
        page = page.get_children().filter(slug=slug).first() if page is not None else None
    return page.specific if page is not None else None
