from __future__ import annotations

from typing import Any

from django import template

from events import access, evaluation

register = template.Library()


@register.simple_tag(takes_context=True)
def evaluation_state(context, event) -> dict[str, Any]:
    """What the event page shows of the evaluation to the member viewing it."""
    user = context["request"].user
    state = evaluation.participant_state(user=user, event=event)
    shown = state and (
        state["pre_open"]
        or state["pre_done"]
        or state["post_open"]
        or state["post_done"]
        or state["certificate"].allowed
        or state["registration"].attended
    )
    return {
        "participant": state if shown else None,
        "can_manage": access.can_manage_events(user) and event.is_past(),
    }
