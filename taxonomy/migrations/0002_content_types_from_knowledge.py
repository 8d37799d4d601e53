"""The moved models' content types follow them: ``knowledge | country`` becomes
``taxonomy | country`` (and so on), keeping its id, so the snippet permissions (and the groups
holding them), Wagtail's log entries and reference index, and any generic relation still find
them.

It runs after knowledge/0006, once no app state holds the models under ``knowledge`` any more,
so no new ``knowledge`` content type can appear after it.
"""

from django.db import migrations

MODELS = ("country", "theme", "gcmobjective", "targetgroup", "resourcetype")


def _move(apps, schema_editor, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for model in MODELS:
        old = ContentType.objects.using(db).filter(app_label=source, model=model).first()
        if old is None:
            continue
        # A new database may have both: members/0004 creates the permissions of every model the
        # state holds, and may run while both apps hold this one. The new row has nothing but
        # those default permissions; the old one keeps whatever hangs off it.
        duplicate = ContentType.objects.using(db).filter(app_label=target, model=model).first()
        if duplicate is not None:
            Permission.objects.using(db).filter(content_type=duplicate).delete()
            duplicate.delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    _move(apps, schema_editor, "knowledge", "taxonomy")


def backwards(apps, schema_editor):
    _move(apps, schema_editor, "taxonomy", "knowledge")


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("knowledge", "0007_taxonomy_models_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
