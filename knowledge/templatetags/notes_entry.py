"""The writer's way in, for templates (the nav's "My notes")."""

from __future__ import annotations

from django import template

from knowledge.access import library_for_writing

register = template.Library()


@register.simple_tag
def writes_notes(user) -> bool:
    """Whether ``user`` may write practice notes (``knowledge.access.library_for_writing``)."""
    return library_for_writing(user) is not None
