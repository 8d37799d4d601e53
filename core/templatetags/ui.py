"""Template helpers of the design system (templates/components/*, /styleguide/).

``{% query_replace page=3 %}`` keeps the other query-string parameters of the current address;
``{% field_control field %}`` and ``{% field_options field %}`` render a form field's control
with its component class and the ARIA links to its hint and error (components/field.html).
"""

from __future__ import annotations

from django import forms, template
from django.core.paginator import Page
from django.forms.boundfield import BoundField, BoundWidget
from django.utils.safestring import SafeString

register = template.Library()

# The widget_type (Django's name for the widget class, lower-cased, "Input"/"Widget" dropped)
# of each control that is not a one-line text box.
_CONTROL_CLASS = {
    "textarea": "mp-textarea",
    "select": "mp-select",
    "nullbooleanselect": "mp-select",
    "selectmultiple": "mp-select",
}
_CHOICE_WIDGETS = frozenset({"radioselect", "checkboxselectmultiple"})
_NO_CLASS = frozenset({"checkbox", "hidden", "multiplehidden"})


@register.simple_tag(takes_context=True)
def query_replace(context, **changes) -> str:
    """``?`` + the current query string with ``changes`` applied (a value of None drops the key)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        from django.http import QueryDict

        query = QueryDict(mutable=True)
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def hint_id(field: BoundField) -> str:
    return f"{field.auto_id}-hint"


def error_id(field: BoundField) -> str:
    return f"{field.auto_id}-error"


@register.filter
def field_hint_id(field: BoundField) -> str:
    return hint_id(field)


@register.filter
def field_error_id(field: BoundField) -> str:
    return error_id(field)


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(hint_id(field))
    if field.errors:
        ids.append(error_id(field))
    return " ".join(ids)


@register.filter
def field_described_by(field: BoundField) -> str:
    return _described_by(field)


@register.filter
def field_target_id(field: BoundField) -> str:
    """The id an error-summary link points at: the control, or a group's first option."""
    if field.widget_type in _CHOICE_WIDGETS:
        return f"{field.auto_id}_0"
    return field.auto_id or field.html_name


def _aria(field: BoundField) -> dict[str, str | bool]:
    attrs: dict[str, str | bool] = {}
    described_by = _described_by(field)
    if described_by:
        attrs["aria-describedby"] = described_by
    if field.errors:
        attrs["aria-invalid"] = "true"
    return attrs


@register.simple_tag
def field_control(field: BoundField) -> SafeString:
    """The field's control, classed for the design system and linked to its hint and error."""
    widget_type = field.widget_type
    attrs = _aria(field)
    if widget_type not in _NO_CLASS:
        css = _CONTROL_CLASS.get(widget_type, "mp-input")
        existing = field.field.widget.attrs.get("class", "")
        attrs["class"] = f"{existing} {css}".strip()
    return field.as_widget(attrs=attrs)


@register.simple_tag
def field_options(field: BoundField) -> list[BoundWidget]:
    """The options of a radio or checkbox group, each input marked invalid when the field is."""
    attrs: dict[str, str | bool] = {"id": field.auto_id} if field.auto_id else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget = field.field.widget
    attrs = field.build_widget_attrs(attrs, widget)
    return [
        BoundWidget(widget, option, field.form.renderer)
        for option in widget.subwidgets(field.html_name, field.value(), attrs=attrs)
    ]


@register.filter
def is_choice_group(field: BoundField) -> bool:
    return field.widget_type in _CHOICE_WIDGETS


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def page_links(page_obj: Page) -> list[int | str]:
    """Page numbers around the current one, with the paginator's ellipsis for the gaps."""
    paginator = page_obj.paginator
    return list(paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.filter
def in_language(text, language: str):
    """``text`` marked as written in ``language`` when that is not the interface's, for content
    placed inside an interface sentence ("Check-in: <the event's title>"), WCAG 3.1.2."""
    from django.utils.html import format_html
    from django.utils.translation import get_language

    if not language or language == (get_language() or "").split("-")[0]:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)
