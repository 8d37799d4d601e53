from django.db import migrations

TOPIC_PERMISSIONS = ["add_topic", "change_topic", "delete_topic", "view_topic"]


def grant(apps, schema_editor):
    """The secretariat manages topics (snippets) and reviews flags in the Wagtail admin."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("discussions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    secretariat, _ = Group.objects.get_or_create(name="secretariat")
    wanted = list(
        Permission.objects.filter(
            content_type__app_label="discussions", codename__in=TOPIC_PERMISSIONS
        )
    )
    wanted += list(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    secretariat.permissions.add(*wanted)


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0001_initial"),
        ("members", "0002_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
