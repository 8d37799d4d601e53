"""The initial vocabulary (``taxonomy.vocabulary``), loaded into a new database.

knowledge/0002 and knowledge/0005 loaded it before the move. A database that ran them has its
terms already, perhaps renamed or retired by the secretariat since: a table that holds any row
is left exactly as it is (taxonomy/0004 then fills in the names it lacks).

It reads today's ``vocabulary``, so a new database starts with every interface language.
"""

from django.db import migrations


def load(apps, schema_editor):
    from taxonomy import vocabulary

    db = schema_editor.connection.alias
    Country = apps.get_model("taxonomy", "Country")
    Theme = apps.get_model("taxonomy", "Theme")
    GCMObjective = apps.get_model("taxonomy", "GCMObjective")
    TargetGroup = apps.get_model("taxonomy", "TargetGroup")
    ResourceType = apps.get_model("taxonomy", "ResourceType")
    if not Country.objects.using(db).exists():
        Country.objects.using(db).bulk_create(
            Country(code=code, name=name, translations={"ru": ru}, slug=slug, eastern_partnership=eap)
            for code, name, ru, slug, eap in vocabulary.COUNTRIES
        )
    if not GCMObjective.objects.using(db).exists():
        GCMObjective.objects.using(db).bulk_create(
            GCMObjective(number=row.key, name=row.name, translations=row.translations)
            for row in vocabulary.GCM_OBJECTIVES
        )
    for model, rows in (
        (Theme, vocabulary.THEMES),
        (TargetGroup, vocabulary.TARGET_GROUPS),
        (ResourceType, vocabulary.RESOURCE_TYPES),
    ):
        if not model.objects.using(db).exists():
            model.objects.using(db).bulk_create(
                model(slug=row.key, name=row.name, translations=row.translations) for row in rows
            )

class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_content_types_from_knowledge")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
