from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from members import receivers, roles

        post_migrate.connect(roles.on_post_migrate, dispatch_uid="members_roles_sync")
        receivers.connect()
