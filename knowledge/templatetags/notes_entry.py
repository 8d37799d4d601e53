"""The writer's way in, for templates (the nav's "My notes")."""

from __future__ import annotations

from django import template

from knowledge.access import writes_notes as holds_writer_role

register = template.Library()


@register.simple_tag
def writes_notes(user) -> bool:
    """Whether ``user`` holds a writer's role (``knowledge.access.writes_notes``)."""
    return holds_writer_role(user)
