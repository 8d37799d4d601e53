"""Country and Theme moved to the taxonomy app, keeping their tables (see taxonomy/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0005_user_language_profile_gender_time_zone'),
        ('taxonomy', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables and their constraints stay as they are: only Django's
            # picture of which app holds the models changes.
            state_operations=[
                migrations.AlterField(
                    model_name='invitation',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='taxonomy.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='organisation',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='organisations', to='taxonomy.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='profile',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='member_profiles', to='taxonomy.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='profile',
                    name='expertise',
                    field=models.ManyToManyField(blank=True, related_name='+', to='taxonomy.theme', verbose_name='areas of expertise'),
                ),
            ],
            database_operations=[],
        ),
    ]
