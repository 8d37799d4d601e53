"""The library's pages: the index, practice notes, and a profile for each country."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.access import Tier, keys_for_tier, page_keys
from knowledge.blocks import PracticeBodyBlock


class LibraryIndexPage(Page):
    """The best-practice library: every practice note below it, filtered and paginated."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.PracticeNotePage", "knowledge.CountryIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")

    def access_keys(self) -> frozenset[str]:
        """Every member reads it, unless a privacy rule on the page narrows that."""
        return page_keys(self, keys_for_tier(Tier.MEMBERS))

    def get_context(self, request, *args, **kwargs):
        from knowledge.views import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request=request, library=self))
        return context


class PracticeNotePage(Page):
    """One practice: what a country did about a migration issue, and what it learned."""

    summary: models.TextField = models.TextField(
        _("summary"), max_length=1200, help_text=_("Two or three sentences shown in listings.")
    )
    body = StreamField(PracticeBodyBlock(), verbose_name=_("body"), blank=True)
    countries = ParentalManyToManyField(
        "taxonomy.Country", verbose_name=_("countries"), related_name="practice_notes"
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme", verbose_name=_("themes"), related_name="practice_notes"
    )
    gcm_objectives = ParentalManyToManyField(
        "taxonomy.GCMObjective",
        verbose_name=_("GCM objectives"),
        blank=True,
        related_name="practice_notes",
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="practice_notes",
    )
    resource_type: models.ForeignKey = models.ForeignKey(
        "taxonomy.ResourceType",
        verbose_name=_("type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_notes",
    )
    period_start: models.PositiveSmallIntegerField = models.PositiveSmallIntegerField(
        _("from (year)"), null=True, blank=True
    )
    period_end: models.PositiveSmallIntegerField = models.PositiveSmallIntegerField(
        _("until (year)"), null=True, blank=True, help_text=_("Empty if still running.")
    )
    implementing_organisations: models.TextField = models.TextField(
        _("implementing organisations"), blank=True, help_text=_("One per line.")
    )
    results: models.TextField = models.TextField(_("results"), blank=True)
    language: models.CharField = models.CharField(
        _("language of the text"),
        max_length=8,
        choices=settings.CONTENT_LANGUAGES,
        default="en",
    )
    tier: models.CharField = models.CharField(
        _("who may read it"), max_length=20, choices=Tier.choices, default=Tier.MEMBERS
    )
    authoritative: models.BooleanField = models.BooleanField(
        _("authoritative version"),
        default=True,
        help_text=_("Uncheck on translations that only follow another language's original."),
    )
    external_id: models.CharField = models.CharField(
        _("external identifier"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("The row's identifier in an imported spreadsheet; re-imports update by it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("gcm_objectives", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("resource_type"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("implementing_organisations"),
                FieldPanel("results"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("authoritative")]),
            ],
            heading=_("About the practice"),
        ),
        FieldPanel("tier"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("external_id")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("implementing_organisations"),
        index.SearchField("results"),
        index.FilterField("tier"),
        index.FilterField("language"),
    ]
    parent_page_types = ["knowledge.LibraryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("practice note")
        verbose_name_plural = _("practice notes")

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    # --- access -------------------------------------------------------------------------
    def access_keys(self) -> frozenset[str]:
        return page_keys(self, keys_for_tier(self.tier))

    def is_visible_draft_to(self, user) -> bool:
        from knowledge.access import is_note_editor

        return is_note_editor(user, self)

    def route(self, request, path_components):
        from core.access import can_view

        result = super().route(request, path_components)
        # Visitors who are not signed in are sent to sign in by the gate, as before.
        if request.user.is_authenticated and not can_view(request.user, self):
            # Raised while routing, a language's tree that has this note in a tier the reader
            # is outside of lets the default tree's version answer (home.models.HomePage).
            raise Http404
        return result

    def serve(self, request, *args, **kwargs):
        from core.access import can_view

        if not can_view(request.user, self):
            # Not 403: a member outside the tier must not learn that the note exists.
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from knowledge.selectors import note_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(note_detail_context(user=request.user, note=self))
        return context

    # --- display ------------------------------------------------------------------------
    @property
    def author_name(self) -> str:
        return self.owner.display_name if self.owner_id and self.owner else ""

    @property
    def period_display(self) -> str:
        if self.period_start and self.period_end:
            if self.period_start == self.period_end:
                return str(self.period_start)
            return f"{self.period_start}–{self.period_end}"
        if self.period_start:
            return _("since %(year)s") % {"year": self.period_start}
        if self.period_end:
            return _("until %(year)s") % {"year": self.period_end}
        return ""

    @property
    def organisations_list(self) -> list[str]:
        return [
            line.strip() for line in self.implementing_organisations.splitlines() if line.strip()
        ]

    def document_ids(self) -> set[int]:
        """The documents the body shows, read from its stored data: no block (nor document)
        is loaded. An id may name a document since deleted; callers look them up."""
        return {
            block["value"]["document"]
            for block in self.body.raw_data
            if block.get("type") == "document" and (block.get("value") or {}).get("document")
        }


class CountryIndexPage(Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["knowledge.LibraryIndexPage"]
    subpage_types = ["knowledge.CountryProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("country profiles")

    def access_keys(self) -> frozenset[str]:
        """Every member reads it, unless a privacy rule on the page narrows that."""
        return page_keys(self, keys_for_tier(Tier.MEMBERS))

    def get_context(self, request, *args, **kwargs):
        from knowledge.selectors import country_profiles

        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = country_profiles(index=self)
        return context


class CountryProfilePage(Page):
    """One country's migration governance in brief, its focal points, practices and events."""

    country: models.ForeignKey = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="profile_pages",
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ul", "ol", "link", "document-link"],
    )

    content_panels = [*Page.content_panels, FieldPanel("country"), FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["knowledge.CountryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("country profile")
        verbose_name_plural = _("country profiles")

    def access_keys(self) -> frozenset[str]:
        """Every member reads it, unless a privacy rule on the page narrows that."""
        return page_keys(self, keys_for_tier(Tier.MEMBERS))

    def clean(self) -> None:
        super().clean()
        # One profile per country and language (the locale lives on Wagtail's page table, out of
        # reach of a database constraint here).
        others = CountryProfilePage.objects.filter(
            country_id=self.country_id, locale_id=self.locale_id
        )
        if self.country_id and others.exclude(pk=self.pk).exists():
            raise ValidationError({"country": _("This country already has a profile.")})

    def get_context(self, request, *args, **kwargs):
        from knowledge.selectors import country_profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(country_profile_context(user=request.user, profile=self))
        return context
