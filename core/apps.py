from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: roles, access keys and tiers, links. It imports no other app of ours."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"
