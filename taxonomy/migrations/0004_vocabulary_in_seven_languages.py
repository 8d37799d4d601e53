"""The initial vocabulary's names in every interface language, where a term has none yet.

A database loaded before the seven languages holds its themes, GCM objectives, target groups and
resource types in English and Russian only, so a Georgian or Armenian member saw them in
English. Each term found by its slug (an objective by its number) gets the vocabulary's name for
each language it has no name in. A name the secretariat entered or edited is kept, as are the
terms it added, renamed or retired; countries are named from CLDR, not here.

Unapplying it changes nothing: the names filled in cannot be told from those entered since.
"""

from django.db import migrations


def fill_missing_names(apps, schema_editor):
    from taxonomy import vocabulary

    db = schema_editor.connection.alias
    for model_name, key, rows in (
        ("Theme", "slug", vocabulary.THEMES),
        ("GCMObjective", "number", vocabulary.GCM_OBJECTIVES),
        ("TargetGroup", "slug", vocabulary.TARGET_GROUPS),
        ("ResourceType", "slug", vocabulary.RESOURCE_TYPES),
    ):
        model = apps.get_model("taxonomy", model_name)
        names = {row.key: row.translations for row in rows}
        filled = []
        for value, term in model.objects.using(db).in_bulk(list(names), field_name=key).items():
            translations = dict(term.translations)
            for language, name in names[value].items():
                current = translations.get(language)
                if current is None or (isinstance(current, str) and not current.strip()):
                    translations[language] = name
            if translations != term.translations:
                term.translations = translations
                filled.append(term)
        model.objects.using(db).bulk_update(filled, ["translations"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_initial_vocabulary")]
    operations = [migrations.RunPython(fill_missing_names, migrations.RunPython.noop)]
