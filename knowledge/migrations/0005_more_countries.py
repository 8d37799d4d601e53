from django.db import migrations


def seed(apps, schema_editor):
    from knowledge import taxonomy_data as data

    Country = apps.get_model("knowledge", "Country")
    for code, name, ru, slug, eap in data.COUNTRIES:
        Country.objects.get_or_create(
            code=code,
            defaults={"name": name, "translations": {"ru": ru}, "slug": slug, "eastern_partnership": eap},
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_review_workflow")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
