from django.db import migrations


class Migration(migrations.Migration):
    """Loaded the initial taxonomy; the taxonomy moved to its own app, and taxonomy/0003 loads
    it now (into a new database only: a database that ran this has it)."""

    dependencies = [("knowledge", "0001_initial")]
    operations = []
