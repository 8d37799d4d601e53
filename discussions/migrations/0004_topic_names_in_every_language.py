"""Topics get names and descriptions in every interface language: the Russian columns move
into the JSON translations (like the taxonomy's), then go."""

from django.db import migrations, models


def russian_into_translations(apps, schema_editor):
    Topic = apps.get_model("discussions", "Topic")
    for topic in Topic.objects.all():
        if topic.name_ru:
            topic.name_translations["ru"] = topic.name_ru
        if topic.description_ru:
            topic.description_translations["ru"] = topic.description_ru
        topic.save(update_fields=["name_translations", "description_translations"])


def translations_into_russian(apps, schema_editor):
    Topic = apps.get_model("discussions", "Topic")
    for topic in Topic.objects.all():
        topic.name_ru = topic.name_translations.get("ru", "")[:120]
        topic.description_ru = topic.description_translations.get("ru", "")
        topic.save(update_fields=["name_ru", "description_ru"])


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0003_thread_and_post_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="name_translations",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text='For example {"ru": "Трудовая миграция"}.',
                verbose_name="names in other languages",
            ),
        ),
        migrations.AddField(
            model_name="topic",
            name="description_translations",
            field=models.JSONField(
                blank=True, default=dict, verbose_name="descriptions in other languages"
            ),
        ),
        migrations.RunPython(russian_into_translations, translations_into_russian),
        migrations.RemoveField(model_name="topic", name="description_ru"),
        migrations.RemoveField(model_name="topic", name="name_ru"),
        migrations.AlterField(
            model_name="topic",
            name="description",
            field=models.TextField(blank=True, verbose_name="description (English)"),
        ),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(max_length=120, verbose_name="name (English)"),
        ),
    ]
