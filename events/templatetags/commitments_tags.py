from django import template

from events import selectors_commitments

register = template.Library()


@register.simple_tag(takes_context=True)
def event_outcome(context, page) -> dict:
    """The meeting's conclusions and commitments, for the event page's include."""
    return selectors_commitments.event_outcome(user=context["request"].user, event=page)
