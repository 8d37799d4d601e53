"""The one access layer: who may see what.

Every object that members can see carries *access keys*: the audiences allowed to see it.
Every member holds keys too. A member sees an object when the two sets meet. Views, feeds,
exports and search all ask this module, and search documents store the same keys so a query
filters on them (``search`` never decides access on its own).

Keys:
  ``members``            every active member
  ``group:<name>``       members of a group (a role such as ``government``, or a working group)
  ``secretariat``        secretariat staff; every restricted object carries it too
Drafts are not a key: an unpublished object is visible only to its author and to editors.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol, runtime_checkable

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.roles import Role

MEMBERS = "members"
SECRETARIAT = "secretariat"


def group_key(name: str) -> str:
    return f"group:{name}"


class Tier(models.TextChoices):
    """Confidentiality tiers an editor can pick for a piece of content."""

    MEMBERS = "members", _("All members")
    GOVERNMENTS = "governments", _("Government officials only")
    SECRETARIAT = "secretariat", _("Secretariat only")


def keys_for_tier(tier: str, groups: Iterable[str] = ()) -> frozenset[str]:
    """The audiences allowed to see content of ``tier``, optionally narrowed to ``groups``.

    Groups narrow a members-tier object to working groups; the secretariat always sees.
    """
    groups = tuple(groups)
    if tier == Tier.SECRETARIAT:
        return frozenset({SECRETARIAT})
    if tier == Tier.GOVERNMENTS:
        return frozenset({group_key(Role.GOVERNMENT), SECRETARIAT})
    if groups:
        return frozenset({*(group_key(g) for g in groups), SECRETARIAT})
    return frozenset({MEMBERS, SECRETARIAT})


def is_secretariat(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Role.SECRETARIAT in _group_names(user)


def _group_names(user) -> frozenset[str]:
    cached = getattr(user, "_access_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._access_group_names = cached
    return cached


def has_role(user, role: str) -> bool:
    """True when ``user`` is an active member holding ``role`` (a ``core.roles.Role``).

    The one role check: every app asks this instead of reading groups itself.
    """
    return group_key(role) in user_keys(user)


def user_keys(user) -> frozenset[str]:
    """The audiences ``user`` belongs to; empty for anonymous or deactivated users."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    keys = {MEMBERS, *(group_key(name) for name in _group_names(user))}
    if is_secretariat(user):
        keys.add(SECRETARIAT)
    return frozenset(keys)


# --- Wagtail's page privacy ---------------------------------------------------------------------
#
# Editors may also restrict a page (and everything below it) in Wagtail's "Privacy" dialog. Those
# rules narrow the page's keys here, so listings, feeds, discussions and the search index honour
# them exactly as the page view does. "Signed-in users" narrows nothing (every member is signed
# in); "these groups" keeps those groups (and the secretariat); a shared password is not a way
# members are told apart, so such a page is the secretariat's only (the password option is
# switched off in the admin: WAGTAIL_PRIVATE_PAGE_OPTIONS).

PRIVACY_CACHE_KEY = "access:page-privacy:v1"


_rules_held: ContextVar[list | None] = ContextVar("privacy_rules_held", default=None)


@contextmanager
def privacy_rules_held():
    """Read the rules once for a batch (indexing a chunk of pages asks for each page)."""
    token = _rules_held.set(privacy_rules())
    try:
        yield
    finally:
        _rules_held.reset(token)


def privacy_rules() -> list[tuple[str, frozenset[str]]]:
    """``(page path, keys allowed at and below it)`` for every restriction; cached, and
    forgotten whenever a restriction changes (``members.receivers``)."""
    from django.core.cache import cache

    held = _rules_held.get()
    if held is not None:
        return held
    rules = cache.get(PRIVACY_CACHE_KEY)
    if rules is None:
        from wagtail.models import PageViewRestriction

        rules = []
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        for restriction in restrictions:
            if restriction.restriction_type == PageViewRestriction.LOGIN:
                continue
            allowed = {SECRETARIAT}
            if restriction.restriction_type == PageViewRestriction.GROUPS:
                allowed |= {group_key(group.name) for group in restriction.groups.all()}
            rules.append((restriction.page.path, frozenset(allowed)))
        cache.set(PRIVACY_CACHE_KEY, rules, 300)
    return rules


def forget_privacy_rules() -> None:
    from django.core.cache import cache

    cache.delete(PRIVACY_CACHE_KEY)


def page_keys(page, keys: Iterable[str]) -> frozenset[str]:
    """``keys`` (the page's tier) narrowed by the privacy rules on the page and its ancestors."""
    keys = frozenset(keys)
    for path, allowed in privacy_rules():
        if page.path.startswith(path):
            keys = allowed if MEMBERS in keys else (keys & allowed) | {SECRETARIAT}
    return keys


def passes_privacy(user, page) -> bool:
    keys = user_keys(user)
    return all(keys & allowed for path, allowed in privacy_rules() if page.path.startswith(path))


def filter_pages_by_privacy(user, queryset: models.QuerySet) -> models.QuerySet:
    """Drop the pages below privacy rules ``user`` does not pass."""
    keys = user_keys(user)
    for path, allowed in privacy_rules():
        if not keys & allowed:
            queryset = queryset.exclude(path__startswith=path)
    return queryset


class Guarded(Protocol):
    def access_keys(self) -> Iterable[str]: ...


@runtime_checkable
class DraftAuthored(Protocol):
    """Content whose unpublished drafts its authors and editors see (practice notes)."""

    def is_visible_draft_to(self, user) -> bool: ...


def can_view(user, obj: Guarded) -> bool:
    """True when ``user`` may see ``obj``: their keys meet the object's keys.

    An unpublished page is the secretariat's, and its authors' where its class says who they
    are (``DraftAuthored``); its keys do not open it to anyone else.
    """
    if not user_keys(user):
        return False
    from wagtail.models import Page

    if isinstance(obj, Page) and not obj.live:
        return is_secretariat(user) or (
            isinstance(obj, DraftAuthored) and obj.is_visible_draft_to(user)
        )
    return bool(user_keys(user) & frozenset(obj.access_keys()))


def _has_own_audience(page) -> bool:
    """Tiered page classes (notes, events, consultations, library pages) define
    ``access_keys()``; the others (standard pages, indexes) are every member's. A capability
    of the class, asked here once; not an ``isinstance`` on a runtime protocol, whose cache
    would keep an answer after a class changes."""
    return callable(getattr(type(page), "access_keys", None))


def page_access_keys(page) -> frozenset[str]:
    """The audiences of any page: its class's own (tiered pages: notes, events, ...), else every
    member's; narrowed by the privacy rules; an unpublished page is the secretariat's."""
    if not page.live:
        return frozenset({SECRETARIAT})
    specific = page.specific
    keys = specific.access_keys() if _has_own_audience(specific) else keys_for_tier(Tier.MEMBERS)
    return page_keys(page, keys)


def can_view_page(user, page) -> bool:
    """True when ``user`` may open ``page``, whatever its class (see ``page_access_keys``)."""
    specific = page.specific
    if _has_own_audience(specific):
        return can_view(user, specific)
    if not user_keys(user):
        return False
    if not page.live:
        return is_secretariat(user)
    return passes_privacy(user, page)


def visible_tiers(user) -> frozenset[str]:
    """The tiers ``user`` may read, for filtering querysets on a ``tier`` field."""
    keys = user_keys(user)
    if not keys:
        return frozenset()
    if SECRETARIAT in keys:
        return frozenset(Tier.values)
    if group_key(Role.GOVERNMENT) in keys:
        return frozenset({Tier.MEMBERS, Tier.GOVERNMENTS})
    return frozenset({Tier.MEMBERS})


def filter_by_tier(user, queryset: models.QuerySet, field: str = "tier") -> models.QuerySet:
    """Narrow ``queryset`` to rows whose ``field`` holds a tier ``user`` may read."""
    tiers = visible_tiers(user)
    if not tiers:
        return queryset.none()
    from wagtail.models import Page

    if issubclass(queryset.model, Page):
        queryset = filter_pages_by_privacy(user, queryset)
    return queryset.filter(**{f"{field}__in": tiers})


def secretariat_required(view):
    """Let only the secretariat through; others get 403 (anonymous never get here: the gate)."""
    from functools import wraps

    from django.core.exceptions import PermissionDenied

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
