"""The snippet form of a term: its name in each interface language, one field a language.

``Term.name`` holds the English name and ``Term.translations`` the others; the secretariat edits
them as plain text fields, each marked with its language, rather than as JSON.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

# Term.name is the English name; each other interface language has a field of its own.
NAME_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def name_field(language: str) -> str:
    """The form field that holds a term's name in ``language``."""
    return f"name_{language}"


class _TermFormBase(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in NAME_LANGUAGES:
            field = self.fields[name_field(language)]
            field.label = _("name (%(language)s)") % {
                "language": get_language_info(language)["name_translated"]
            }
            self.initial.setdefault(
                name_field(language), self.instance.translations.get(language, "")
            )

    def clean(self):
        cleaned_data = super().clean()
        # Languages that are not (or no longer) interface languages keep their names.
        translations = {
            language: name
            for language, name in self.instance.translations.items()
            if language not in NAME_LANGUAGES
        }
        for language in NAME_LANGUAGES:
            name = cleaned_data.get(name_field(language), "").strip()
            if name:
                translations[language] = name
        self.instance.translations = translations
        return cleaned_data


# The fields are declared on the class (Wagtail's panels name them before a form exists), one
# for each language of settings.LANGUAGES.
_metaclass: Any = type(_TermFormBase)
TermForm: type[_TermFormBase] = _metaclass(
    "TermForm",
    (_TermFormBase,),
    {
        "__module__": __name__,
        **{
            name_field(language): forms.CharField(
                max_length=160, required=False, widget=forms.TextInput(attrs={"lang": language})
            )
            for language in NAME_LANGUAGES
        },
    },
)
