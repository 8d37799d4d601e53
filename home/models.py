from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index


class HomePage(Page):
    """Visitors see a short introduction and the way in; members see their dashboard."""

    introduction: models.TextField = models.TextField(
        _("introduction for visitors"),
        blank=True,
        help_text=_("Shown to people who are not signed in, above the sign-in link."),
    )
    welcome: RichTextField = RichTextField(
        _("welcome for members"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("welcome")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    # The home page is the landing page: visitors may see its public part.
    is_public = True

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Serve what this language's tree lacks from the default language's tree.

        Each interface language has its home page and editorial pages (``/ka/``,
        ``/ka/library/``), but practice notes, events and pages written later often exist
        only in the default tree: ``/ka/library/<note>/`` then finds the note there and
        serves it with the Georgian interface, where the Georgian tree alone would answer
        404. A page the language's own tree has (a translation at the same address) wins.
        """
        try:
            return super().route(request, path_components)
        except Http404:
            default = Locale.get_default()
            if not path_components or self.locale_id == default.pk:
                raise
            original = self.get_translation_or_none(default)
            if original is None or not original.live:
                raise
            return original.specific.route(request, path_components)

    def get_template(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return "home/dashboard.html"
        return "home/landing.html"

    def get_context(self, request, *args, **kwargs):
        from home.selectors import dashboard_for

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["dashboard"] = dashboard_for(user=request.user)
        return context


class StandardPage(Page):
    """About, privacy, help: plain pages edited by the secretariat."""

    summary: models.TextField = models.TextField(_("summary"), blank=True)
    body: RichTextField = RichTextField(_("body"), blank=True)
    public: models.BooleanField = models.BooleanField(
        _("visible to visitors who are not signed in"),
        default=False,
        help_text=_("Only for pages such as the privacy notice; everything else is members only."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("public")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    @property
    def is_public(self) -> bool:
        return self.public


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name: models.CharField = models.CharField(
        _("organisation running the platform"), max_length=200, blank=True
    )
    contact_email: models.EmailField = models.EmailField(
        _("contact e-mail for members"), blank=True
    )
    privacy_page: models.ForeignKey = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")
