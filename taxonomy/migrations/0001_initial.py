"""The taxonomy moves here from ``knowledge``, which created its tables (knowledge/0001).

The models keep those tables (``db_table = "knowledge_country"`` etc.), so nothing is copied
and no row or link is lost: this migration only tells Django that ``taxonomy`` holds them now.
Then members/0006, events/0002 and knowledge/0006 point their fields here and knowledge lets
the models go, also in Django's state only; taxonomy/0002 moves the content types (and with
them the snippet permissions) and taxonomy/0003 loads the vocabulary into a new database.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('knowledge', '0005_more_countries'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables exist already, made by knowledge/0001.
            state_operations=[
                migrations.CreateModel(
                    name='Country',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=160, verbose_name='name (English)')),
                        ('translations', models.JSONField(blank=True, default=dict, help_text='For example {"ru": "Трудовая миграция"}.', verbose_name='names in other languages')),
                        ('active', models.BooleanField(default=True, verbose_name='offered to editors')),
                        ('code', models.CharField(max_length=2, unique=True, verbose_name='ISO 3166 code')),
                        ('eastern_partnership', models.BooleanField(default=False, verbose_name='Eastern Partnership country')),
                        ('slug', models.SlugField(unique=True)),
                    ],
                    options={
                        'verbose_name': 'country',
                        'verbose_name_plural': 'countries',
                        'db_table': 'knowledge_country',
                        'ordering': ['-eastern_partnership', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='GCMObjective',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=160, verbose_name='name (English)')),
                        ('translations', models.JSONField(blank=True, default=dict, help_text='For example {"ru": "Трудовая миграция"}.', verbose_name='names in other languages')),
                        ('active', models.BooleanField(default=True, verbose_name='offered to editors')),
                        ('number', models.PositiveSmallIntegerField(unique=True, verbose_name='number')),
                    ],
                    options={
                        'verbose_name': 'GCM objective',
                        'verbose_name_plural': 'GCM objectives',
                        'db_table': 'knowledge_gcmobjective',
                        'ordering': ['number'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ResourceType',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=160, verbose_name='name (English)')),
                        ('translations', models.JSONField(blank=True, default=dict, help_text='For example {"ru": "Трудовая миграция"}.', verbose_name='names in other languages')),
                        ('active', models.BooleanField(default=True, verbose_name='offered to editors')),
                        ('slug', models.SlugField(unique=True)),
                    ],
                    options={
                        'verbose_name': 'resource type',
                        'verbose_name_plural': 'resource types',
                        'db_table': 'knowledge_resourcetype',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='TargetGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=160, verbose_name='name (English)')),
                        ('translations', models.JSONField(blank=True, default=dict, help_text='For example {"ru": "Трудовая миграция"}.', verbose_name='names in other languages')),
                        ('active', models.BooleanField(default=True, verbose_name='offered to editors')),
                        ('slug', models.SlugField(unique=True)),
                    ],
                    options={
                        'verbose_name': 'target group',
                        'verbose_name_plural': 'target groups',
                        'db_table': 'knowledge_targetgroup',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=160, verbose_name='name (English)')),
                        ('translations', models.JSONField(blank=True, default=dict, help_text='For example {"ru": "Трудовая миграция"}.', verbose_name='names in other languages')),
                        ('active', models.BooleanField(default=True, verbose_name='offered to editors')),
                        ('slug', models.SlugField(unique=True)),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                    ],
                    options={
                        'verbose_name': 'theme',
                        'verbose_name_plural': 'themes',
                        'db_table': 'knowledge_theme',
                        'ordering': ['name'],
                        'abstract': False,
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
