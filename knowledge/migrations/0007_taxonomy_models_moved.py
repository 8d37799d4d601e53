"""The taxonomy moved to its own app, keeping its tables (see taxonomy/0001): knowledge's
pages point at ``taxonomy.*``, then knowledge lets the five models go, in Django's state only.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_taxonomy_models_moved'),
        ('knowledge', '0006_note_documents_in_reference_index'),
        ('members', '0006_taxonomy_models_moved'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables and their constraints stay as they are: only Django's
            # picture of which app holds the models changes.
            state_operations=[
                migrations.AlterField(
                    model_name='countryprofilepage',
                    name='country',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='profile_pages', to='taxonomy.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='practicenotepage',
                    name='resource_type',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='practice_notes', to='taxonomy.resourcetype', verbose_name='type'),
                ),
                migrations.AlterField(
                    model_name='practicenotepage',
                    name='countries',
                    field=modelcluster.fields.ParentalManyToManyField(related_name='practice_notes', to='taxonomy.country', verbose_name='countries'),
                ),
                migrations.AlterField(
                    model_name='practicenotepage',
                    name='gcm_objectives',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='practice_notes', to='taxonomy.gcmobjective', verbose_name='GCM objectives'),
                ),
                migrations.AlterField(
                    model_name='practicenotepage',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='practice_notes', to='taxonomy.targetgroup', verbose_name='target groups'),
                ),
                migrations.AlterField(
                    model_name='practicenotepage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(related_name='practice_notes', to='taxonomy.theme', verbose_name='themes'),
                ),
                migrations.DeleteModel(
                    name='Country',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
                migrations.DeleteModel(
                    name='GCMObjective',
                ),
                migrations.DeleteModel(
                    name='TargetGroup',
                ),
                migrations.DeleteModel(
                    name='ResourceType',
                ),
            ],
            database_operations=[],
        ),
    ]
