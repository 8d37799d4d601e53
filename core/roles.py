"""The platform's roles. Each is a Django group of this name; members hold one or more."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles are Django groups of these names; the choice list keeps the names in one place."""

    SECRETARIAT = "secretariat", _("Secretariat")
    EXPERT = "expert", _("Expert")
    GOVERNMENT = "government", _("Government official")
    OBSERVER = "observer", _("Observer")
