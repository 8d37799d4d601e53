"""Country and Theme moved to the taxonomy app, keeping their tables (see taxonomy/0001)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_consultation_material_and_emails_sent_once'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables and their constraints stay as they are: only Django's
            # picture of which app holds the models changes.
            state_operations=[
                migrations.AlterField(
                    model_name='consultationpage',
                    name='audience_countries',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Leave empty to ask every country.', related_name='+', to='taxonomy.country', verbose_name='countries asked'),
                ),
                migrations.AlterField(
                    model_name='consultationpage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='consultation_pages', to='taxonomy.theme', verbose_name='themes'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='countries',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='event_pages', to='taxonomy.country', verbose_name='countries'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='eligible_countries',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Leave empty to let every country register.', related_name='+', to='taxonomy.country', verbose_name='countries whose members may register'),
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='event_pages', to='taxonomy.theme', verbose_name='themes'),
                ),
                migrations.AlterField(
                    model_name='registration',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='response',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='taxonomy.country', verbose_name='country'),
                ),
            ],
            database_operations=[],
        ),
    ]
