"""Demo library: the practices in ``knowledge.demo_data`` as published notes. Idempotent."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.models import Locale

from knowledge.demo_data import PRACTICES, Practice
from knowledge.models import (
    CountryProfilePage,
    LibraryIndexPage,
    PracticeDocument,
    PracticeNotePage,
)
from knowledge.pdf import simple_pdf
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme

PROFILES = {
    "AM": "Armenia's migration policy is led by the Migration Service. Seasonal work in Russia, "
    "return and reintegration, and the engagement of a large diaspora shape its agenda.",
    "AZ": "Azerbaijan's State Migration Service runs permits, registration and the ASAN Visa "
    "system; labour immigration and border management are priorities.",
    "BY": "Belarus takes part in the Eastern Partnership's migration panel through technical "
    "co-operation on statistics and border management.",
    "GE": "Georgia co-ordinates migration policy through the State Commission on Migration "
    "Issues; visa-free travel to the EU, circular migration and reintegration are central.",
    "MD": "Moldova combines labour-migration agreements, diaspora engagement and a national "
    "referral mechanism for victims of trafficking; since 2022 it also protects refugees.",
    "UA": "Ukraine's migration agenda since 2022 is dominated by displacement inside the "
    "country and abroad, consular services for millions, and preparing for return.",
}


class Vocabulary:
    def __init__(self) -> None:
        self.countries = {c.code: c for c in Country.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.objectives = {str(o.number): o for o in GCMObjective.objects.all()}
        self.targets = {t.slug: t for t in TargetGroup.objects.all()}
        self.types = {t.slug: t for t in ResourceType.objects.all()}


def _document(practice: Practice) -> PracticeDocument:
    title = f"{practice.key}: summary sheet"
    document = PracticeDocument.objects.filter(title=title).first()
    if document is None:
        lines = [
            f"Practice: {practice.key}",
            f"Countries: {practice.countries}",
            f"Period: {practice.period[0]}-{practice.period[1] or 'ongoing'}",
            *(f"{value}: {label}" for value, label in practice.figures if label.isascii()),
        ]
        document = PracticeDocument(
            title=title,
            file=ContentFile(
                simple_pdf("Practice summary sheet", lines), name=f"{practice.key}.pdf"
            ),
        )
        document.save()
    return document


def _body(practice: Practice, russian: bool) -> list:
    headings = ("Контекст", "Что было сделано") if russian else ("Context", "What was done")
    body = [
        (
            "text",
            f"<h2>{headings[0]}</h2><p>{escape(practice.context)}</p>"
            f"<h2>{headings[1]}</h2><p>{escape(practice.approach)}</p>",
        ),
        (
            "key_figures",
            {
                "heading": "Ключевые цифры" if russian else "Key figures",
                "figures": [{"value": v, "label": label} for v, label in practice.figures],
            },
        ),
    ]
    if practice.quote:
        body.append(
            (
                "testimony",
                {"quote": practice.quote[0], "attribution": practice.quote[1], "role": ""},
            )
        )
    body.append(("lessons", {"heading": "", "lessons": list(practice.lessons)}))
    if practice.document:
        body.append(("document", {"document": _document(practice), "title": ""}))
    return body


def _apply(note, practice: Practice, vocabulary: Vocabulary, owner) -> None:
    note.title = practice.title
    note.summary = practice.summary
    note.body = _body(practice, practice.language == "ru")
    note.resource_type = vocabulary.types.get(practice.kind)
    note.period_start, note.period_end = practice.period
    note.implementing_organisations = "\n".join(
        part.strip() for part in practice.organisations.split(";")
    )
    note.results = practice.results
    note.language = practice.language
    note.tier = practice.tier
    note.owner = note.owner or owner
    note.countries = [vocabulary.countries[c] for c in practice.countries.split()]
    note.themes = [vocabulary.themes[t] for t in practice.themes.split()]
    note.gcm_objectives = [vocabulary.objectives[o] for o in practice.objectives.split()]
    note.target_groups = [vocabulary.targets[t] for t in practice.targets.split()]


def _publish(library, note, slug: str) -> PracticeNotePage:
    if note.pk is None:
        note.slug = slug
        library.add_child(instance=note)
    # The demo stands in for the secretariat's approval: experts cannot publish on their own.
    note.save_revision(user=note.owner).publish(user=note.owner, skip_permission_checks=True)
    return note


def seed(ctx) -> None:
    from django.contrib.auth import get_user_model

    from core.roles import Role
    from knowledge.services import library_setup

    library: LibraryIndexPage = library_setup()
    vocabulary = Vocabulary()
    experts = list(get_user_model().objects.filter(groups__name=Role.EXPERT).order_by("pk")[:6])
    russian = Locale.objects.get(language_code="ru")
    existing = {
        note.external_id: note
        for note in PracticeNotePage.objects.child_of(library).filter(
            external_id__startswith="demo-"
        )
    }
    for number, practice in enumerate(PRACTICES):
        owner = experts[number % len(experts)] if experts else None
        external_id = f"demo-{practice.key}"
        note = existing.get(external_id)
        if note is not None and (note.title, note.summary) == (practice.title, practice.summary):
            continue  # already seeded; re-publishing 60 notes would only slow `make run`
        note = note or PracticeNotePage(external_id=external_id)
        _apply(note, practice, vocabulary, owner)
        note.authoritative = True
        _publish(library, note, practice.key)
        if practice.russian:
            ru_id = f"demo-{practice.key}-ru"
            translation = existing.get(ru_id) or PracticeNotePage(
                external_id=ru_id, translation_key=note.translation_key, locale=russian
            )
            _apply(translation, practice, vocabulary, owner)
            translation.title, translation.summary = practice.russian
            translation.language = "ru"
            translation.authoritative = False
            _publish(library, translation, f"{practice.key}-ru")
    for profile in CountryProfilePage.objects.select_related("country"):
        text = PROFILES.get(profile.country.code)
        if text and profile.summary != f"<p>{text}</p>":
            profile.summary = f"<p>{text}</p>"
            profile.save_revision().publish()
    ctx.say(f"knowledge: {len(PRACTICES)} practice notes, country profiles, library at /library/")
