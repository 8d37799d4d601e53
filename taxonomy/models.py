"""The shared vocabulary: countries, themes, GCM objectives, target groups, resource types.

Used by the library, members' profiles, events, discussions and search facets alike. Names are
kept in English with translations beside them, so adding a language needs no migration.

The models began in the ``knowledge`` app and kept its tables (``db_table``) when they moved
here, so existing databases moved without copying a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db import models
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.collation import sort_key
from core.formats import interface_locale

TermT = TypeVar("TermT", bound="Term")


class TermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_label_order(self) -> list:
        """The terms sorted by their names in the interface language, in its alphabet (names
        come from translations and CLDR, not the database, so the sort is done here)."""
        return label_order(self)


def label_order(terms: Iterable[TermT]) -> list[TermT]:
    """Terms in the order a member looks for them: each model's groups first (Eastern
    Partnership countries before the others), then by name in the interface language."""
    language = _interface_language()
    return sorted(terms, key=lambda term: (term.sort_group, sort_key(term.label, language)))


class LabelOrderIterator(ModelChoiceIterator):
    """A form field's terms in label order: ``field.iterator = LabelOrderIterator``."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for term in label_order(self.queryset):
            yield self.choice(term)


def _interface_language() -> str:
    return (get_language() or "en").split("-")[0]


class Term(models.Model):
    name = models.CharField(_("name (English)"), max_length=160)
    translations = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('For example {"ru": "Трудовая миграция"}.'),
    )
    active = models.BooleanField(_("offered to editors"), default=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the interface language, English when no translation exists."""
        return self.translations.get(_interface_language()) or self.name

    @property
    def sort_group(self) -> int:
        return 0


# Wagtail ships no type information, so the Django plugin of mypy cannot see the manager of a
# page model pointing here (CountryProfilePage.country) and cannot type the reverse manager.
class Country(Term):  # type: ignore[django-manager-missing]
    code = models.CharField(_("ISO 3166 code"), max_length=2, unique=True)
    eastern_partnership = models.BooleanField(_("Eastern Partnership country"), default=False)
    slug = models.SlugField(unique=True)

    class Meta(Term.Meta):
        db_table = "knowledge_country"
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["-eastern_partnership", "name"]

    @property
    def label(self) -> str:
        """The country's name in the interface language: the secretariat's own translation when
        it entered one, otherwise CLDR's (through Babel), otherwise the English name."""
        language = _interface_language()
        if entered := self.translations.get(language):
            return entered
        if language != "en":
            cldr = interface_locale().territories.get(self.code.upper())
            if cldr:
                return cldr
        return self.name

    @property
    def sort_group(self) -> int:
        return 0 if self.eastern_partnership else 1


class Theme(Term):
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta(Term.Meta):
        db_table = "knowledge_theme"
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class GCMObjective(Term):
    """One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)

    class Meta(Term.Meta):
        db_table = "knowledge_gcmobjective"
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        ordering = ["number"]

    @property
    def label(self) -> str:
        return f"{self.number}. {super().label}"

    @property
    def sort_group(self) -> int:
        return self.number


class TargetGroup(Term):
    slug = models.SlugField(unique=True)

    class Meta(Term.Meta):
        db_table = "knowledge_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


# As for Country: PracticeNotePage.resource_type points here from a Wagtail page.
class ResourceType(Term):  # type: ignore[django-manager-missing]
    slug = models.SlugField(unique=True)

    class Meta(Term.Meta):
        db_table = "knowledge_resourcetype"
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")
