"""Signals, only where another app's code changes our models (Wagtail's user editor, allauth)."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save


def _remember_active(sender, instance, update_fields=None, **kwargs) -> None:
    # Saves that cannot touch is_active (e.g. last_login at every sign-in) cost no query.
    if instance.pk and (update_fields is None or "is_active" in update_fields):
        previous = sender.objects.filter(pk=instance.pk).values_list("is_active", flat=True).first()
        instance._was_active = previous
    else:
        instance._was_active = None


def _end_sessions_when_deactivated(sender, instance, created, **kwargs) -> None:
    # Whoever deactivates a member (our service, Wagtail's user editor, the shell), every one of
    # their sessions ends at once.
    if created or instance.is_active or not instance._was_active:
        return
    from members.services import member_sessions_end

    # At once, not on commit: a session ended too early costs a sign-in, one left open is a leak.
    member_sessions_end(user=instance)


def _forget_privacy(sender, **kwargs) -> None:
    from django.db import transaction

    from core.access import forget_privacy_rules

    # Now for this process, and again at commit: a request in between may have cached the
    # rules as they were before the change.
    forget_privacy_rules()
    transaction.on_commit(forget_privacy_rules)


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    from members.models import User

    post_save.connect(_forget_privacy, sender=PageViewRestriction, dispatch_uid="privacy-save")
    post_delete.connect(_forget_privacy, sender=PageViewRestriction, dispatch_uid="privacy-del")
    m2m_changed.connect(
        _forget_privacy, sender=PageViewRestriction.groups.through, dispatch_uid="privacy-groups"
    )
    # A restricted section moved elsewhere takes its rule to its new path.
    post_page_move.connect(_forget_privacy, dispatch_uid="privacy-moved")

    pre_save.connect(_remember_active, sender=User, dispatch_uid="members_remember_active")
    post_save.connect(
        _end_sessions_when_deactivated, sender=User, dispatch_uid="members_end_sessions"
    )
