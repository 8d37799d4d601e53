"""Writes for membership: invitations, roles, profiles, sessions, anonymisation."""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.roles import Role
from members.models import (
    DeletionRequest,
    Invitation,
    Organisation,
    Profile,
    User,
    token_hash,
)

# 32 random bytes: 256 bits, far above the 128 the design asks for.
TOKEN_BYTES = 32


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def _send_invitation_on_commit(invitation: Invitation, token: str) -> None:
    from members.tasks import invitation_send_email

    transaction.on_commit(lambda: invitation_send_email.delay(invitation.pk, token))


def invitation_create(
    *,
    email: str,
    role: str,
    invited_by: User | None,
    first_name: str = "",
    last_name: str = "",
    country=None,
    organisation: Organisation | None = None,
    focal_point: bool = False,
    language: str | None = None,
) -> Invitation:
    """Invite ``email`` and send the invitation e-mail once the transaction commits."""
    email = email.strip().lower()
    validate_email(email)
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email})
    if Invitation.objects.pending().filter(email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s already has a pending invitation: resend it instead.") % {"email": email}
        )
    token, hashed = _new_token()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
            role=role,
            country=country,
            organisation=organisation,
            focal_point=focal_point and role == Role.GOVERNMENT,
            invited_by=invited_by,
            token_hash=hashed,
            expires_at=timezone.now() + timedelta(days=settings.MEMBERS_INVITATION_DAYS),
            language=(language or get_language() or settings.LANGUAGE_CODE)[:10],
        )
        _send_invitation_on_commit(invitation, token)
    return invitation


@dataclass
class BulkInviteResult:
    created: list[Invitation] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, message)


def parse_invitee_lines(text: str) -> list[tuple[int, dict]]:
    """Rows of ``email[, first name[, last name]]``, comma, semicolon or tab separated.

    Spreadsheets export either; a header row naming "email" is skipped.
    """
    rows = []
    sample = text[:2048]
    delimiter = "\t" if "\t" in sample else (";" if sample.count(";") > sample.count(",") else ",")
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in {"email", "e-mail", "e-mail address"}:
            continue
        rows.append(
            (
                number,
                {
                    "email": cells[0],
                    "first_name": cells[1] if len(cells) > 1 else "",
                    "last_name": cells[2] if len(cells) > 2 else "",
                },
            )
        )
    return rows


def invitation_bulk_create(
    *,
    text: str,
    role: str,
    invited_by: User | None,
    country=None,
    organisation: Organisation | None = None,
    focal_point: bool = False,
    language: str | None = None,
) -> BulkInviteResult:
    """Invite everyone listed; bad lines are reported, the good ones still go out."""
    result = BulkInviteResult()
    for number, row in parse_invitee_lines(text):
        try:
            with transaction.atomic():
                invitation = invitation_create(
                    role=role,
                    invited_by=invited_by,
                    country=country,
                    organisation=organisation,
                    focal_point=focal_point,
                    language=language,
                    **row,
                )
        except ValidationError as exc:
            result.errors.append((number, row["email"], " ".join(exc.messages)))
        else:
            result.created.append(invitation)
    return result


def invitation_resend(*, invitation: Invitation, by: User | None) -> Invitation:
    """A fresh token (the old link stops working) and a fresh expiry date."""
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError(_("Only pending or expired invitations can be resent."))
    token, hashed = _new_token()
    with transaction.atomic():
        invitation.token_hash = hashed
        invitation.expires_at = timezone.now() + timedelta(days=settings.MEMBERS_INVITATION_DAYS)
        invitation.save(update_fields=["token_hash", "expires_at"])
        _send_invitation_on_commit(invitation, token)
    return invitation


def invitation_revoke(*, invitation: Invitation, by: User | None) -> Invitation:
    if invitation.accepted_at:
        raise ValidationError(_("This invitation has already been accepted."))
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def invitation_mark_sent(*, invitation_id: int) -> None:
    Invitation.objects.filter(pk=invitation_id).update(
        sent_at=timezone.now(), send_count=F("send_count") + 1
    )


def _language_code(language: str | None) -> str | None:
    """``language`` if the interface ships in it, else None."""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User, language: str | None = None) -> User:
    """Apply the invitation to the member just signed up. Works once.

    ``language`` is the one the newcomer chose for e-mails; else the invitation's.
    """
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_usable:
        raise ValidationError(_("This invitation can no longer be used."))
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    if not user.first_name and locked.first_name:
        user.first_name = locked.first_name
    if not user.last_name and locked.last_name:
        user.last_name = locked.last_name
    user.language = (
        _language_code(language) or _language_code(locked.language) or settings.LANGUAGE_CODE
    )
    user.save(update_fields=["first_name", "last_name", "language"])
    user.groups.add(Group.objects.get_or_create(name=locked.role)[0])
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.country = locked.country
    profile.organisation = locked.organisation
    profile.focal_point = locked.focal_point
    profile.save()
    return user


def member_set_role(*, user: User, role: str, focal_point: bool | None = None) -> User:
    """Give ``user`` exactly one role (replacing any other role group)."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    with transaction.atomic():
        role_groups = Group.objects.filter(name__in=Role.values)
        user.groups.remove(*role_groups)
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        if focal_point is not None:
            profile, _created = Profile.objects.get_or_create(user=user)
            profile.focal_point = focal_point and role == Role.GOVERNMENT
            profile.save(update_fields=["focal_point"])
    user.__dict__.pop("_access_group_names", None)
    return user


def member_sessions_end(*, user: User) -> int:
    """End every session of ``user`` at once, wherever they are signed in."""
    from allauth.usersessions.models import UserSession

    sessions = list(UserSession.objects.filter(user_id=user.pk))
    for session in sessions:
        session.end()
    return len(sessions)


def member_deactivate(*, user: User, by: User | None = None) -> User:
    """Lock the member out; the receiver on User ends their sessions after commit."""
    if by is not None and by.pk == user.pk:
        raise ValidationError(_("You cannot deactivate yourself."))
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return user


def member_reactivate(*, user: User) -> User:
    if not user.is_active and not user.anonymised_at:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


PROFILE_FIELDS = frozenset(
    {
        "title",
        "organisation",
        "country",
        "languages",
        "bio",
        "photo",
        "time_zone",
        "gender",
        "visibility",
        "show_email",
        "notification_frequency",
    }
)
PROFILE_USER_FIELDS = frozenset({"first_name", "last_name", "language"})


def profile_for_edit(*, user: User) -> Profile:
    """The member's own profile, made on first visit."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def profile_update(*, profile: Profile, data: dict, expertise=None) -> Profile:
    """Save the profile fields a member may change about themselves.

    ``data["photo"]`` is a new upload, ``False`` to remove the photo, or empty to keep it.
    """
    data = dict(data)
    if "photo" in data:
        if data["photo"] is False:  # "clear" ticked
            profile.photo.delete(save=False)
            data["photo"] = ""
        elif not data["photo"]:
            del data["photo"]
    if "language" in data and not _language_code(data["language"]):
        raise ValidationError(_("Unknown language."))
    with transaction.atomic():
        for name, value in data.items():
            if name in PROFILE_FIELDS:
                setattr(profile, name, value)
            elif name in PROFILE_USER_FIELDS:
                setattr(profile.user, name, value)
        user_fields = sorted(PROFILE_USER_FIELDS & set(data))
        if user_fields:
            profile.user.save(update_fields=user_fields)
        profile.save()
        if expertise is not None:
            profile.expertise.set(expertise)
    return profile


def member_language_set(*, user: User, language: str) -> User:
    """The member's preferred language (interface and e-mails), as chosen in the switcher."""
    code = _language_code(language)
    if code is None:
        raise ValidationError(_("Unknown language."))
    if user.language != code:
        user.language = code
        user.save(update_fields=["language"])
    return user


def notification_frequency_set(*, user: User, frequency: str) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.notification_frequency = frequency
    profile.save(update_fields=["notification_frequency", "updated_at"])
    return profile


def deletion_request_create(*, user: User, reason: str = "") -> DeletionRequest:
    existing = DeletionRequest.objects.filter(user=user, confirmed_at__isnull=True).first()
    if existing:
        return existing
    return DeletionRequest.objects.create(user=user, reason=reason.strip())


def deletion_request_cancel(*, user: User) -> None:
    DeletionRequest.objects.filter(user=user, confirmed_at__isnull=True).delete()


@transaction.atomic
def deletion_request_confirm(*, deletion_request: DeletionRequest, by: User) -> User:
    if deletion_request.confirmed_at:
        return deletion_request.user
    deletion_request.confirmed_at = timezone.now()
    deletion_request.confirmed_by = by
    deletion_request.reason = ""
    deletion_request.save(update_fields=["confirmed_at", "confirmed_by", "reason"])
    return member_anonymise(user=deletion_request.user)


@transaction.atomic
def member_anonymise(*, user: User) -> User:
    """Remove the member's personal data; what they contributed stays, by "former member".

    The row is kept (with an address that cannot receive mail) so that posts, notes and
    registrations keep a valid author; ``display_name`` then reads "Former member".
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        if profile.photo:
            profile.photo.delete(save=False)
        profile.delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).update(
        email=f"former-member-{user.pk}@invalid", first_name="", last_name=""
    )
    user.email = f"former-member-{user.pk}@invalid"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return user
