from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """The shared vocabulary (countries, themes, GCM objectives, target groups, resource types).

    It imports only ``core``: every content app may tag with it, none is named here.
    """

    name = "taxonomy"
    verbose_name = _("Taxonomy")
    default_auto_field = "django.db.models.BigAutoField"
