from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: roles, access keys and tiers, links. It imports no other app of ours."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.urls import register_converter

        from core.collation import register_sqlite_collations
        from core.params import IdConverter

        register_converter(IdConverter, "id")
        connection_created.connect(register_sqlite_collations, dispatch_uid="core_collations")
