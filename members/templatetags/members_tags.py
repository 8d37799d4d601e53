from django import template

from core.roles import Role

register = template.Library()


@register.filter
def role_label(user) -> str:
    """The member's role in the interface language (uses prefetched groups when present)."""
    names = {group.name for group in user.groups.all()}
    for role in Role:
        if role.value in names:
            return str(role.label)
    return ""


@register.filter
def mfa_required(user) -> bool:
    from members.selectors import mfa_required as required

    return required(user)
