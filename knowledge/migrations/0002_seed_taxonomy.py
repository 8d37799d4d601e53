from django.db import migrations


def seed(apps, schema_editor):
    from knowledge import taxonomy_data as data

    Country = apps.get_model("knowledge", "Country")
    Theme = apps.get_model("knowledge", "Theme")
    GCMObjective = apps.get_model("knowledge", "GCMObjective")
    TargetGroup = apps.get_model("knowledge", "TargetGroup")
    ResourceType = apps.get_model("knowledge", "ResourceType")
    for code, name, ru, slug, eap in data.COUNTRIES:
        Country.objects.update_or_create(
            code=code,
            defaults={"name": name, "translations": {"ru": ru}, "slug": slug, "eastern_partnership": eap},
        )
    for number, name, ru in data.GCM_OBJECTIVES:
        GCMObjective.objects.update_or_create(
            number=number, defaults={"name": name, "translations": {"ru": ru}}
        )
    for model, rows in ((Theme, data.THEMES), (TargetGroup, data.TARGET_GROUPS), (ResourceType, data.RESOURCE_TYPES)):
        for slug, name, ru in rows:
            model.objects.update_or_create(slug=slug, defaults={"name": name, "translations": {"ru": ru}})


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
