from django.db import migrations


class Migration(migrations.Migration):
    """Added Israel, Kazakhstan, Portugal and Russia; the taxonomy moved to its own app, and
    taxonomy/0003 loads every country now (into a new database only)."""

    dependencies = [("knowledge", "0004_review_workflow")]
    operations = []
