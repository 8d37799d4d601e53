from django import template

from core.roles import Role

register = template.Library()


@register.filter
def role_label(user) -> str:
    """The member's role in the interface language (uses prefetched groups when present)."""
    from members.selectors import role_of

    role = role_of(user)
    return str(Role(role).label) if role else ""


@register.filter
def mfa_required(user) -> bool:
    from members.selectors import mfa_required as required

    return user.is_authenticated and required(user)


@register.filter(name="is_secretariat")
def is_secretariat_filter(user) -> bool:
    """For the secretariat's links (nav, dashboards): ``core.access.is_secretariat``."""
    from core.access import is_secretariat

    return is_secretariat(user)
