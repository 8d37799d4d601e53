from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Concat


def each_row_its_own_group(apps, schema_editor):
    """Rows written before groups are each their own result until their object is indexed
    again (a thread's posts then share the thread's group)."""
    StoredDocument = apps.get_model("search", "StoredDocument")
    StoredDocument.objects.filter(group="").update(
        group=Concat(F("kind"), Value(":"), F("object_id"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="storeddocument",
            name="group",
            field=models.CharField(blank=True, db_index=True, max_length=120),
        ),
        migrations.RunPython(each_row_its_own_group, migrations.RunPython.noop),
    ]
