"""Every member's name in Latin letters, for the directory (see ``members.models.latin_key``)."""

from anyascii import anyascii
from django.db import migrations, models


def fill(apps, schema_editor):
    User = apps.get_model("members", "User")
    members = list(User.objects.only("pk", "first_name", "last_name"))
    for member in members:
        name = f"{member.first_name} {member.last_name}".strip()
        # The same as latin_key (historical models have none of the model's functions).
        member.name_latin = anyascii(name).lower().replace("'", "")
    User.objects.bulk_update(members, ["name_latin"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0006_taxonomy_models_moved"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="name_latin",
            field=models.CharField(blank=True, editable=False, max_length=310),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
