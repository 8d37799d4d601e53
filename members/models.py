from __future__ import annotations

import hashlib
import uuid

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.roles import Role


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


def _interface_languages():
    return settings.LANGUAGES


# django-stubs cannot resolve knowledge.PracticeDocument's reverse manager for uploaded_by_user
# (a foreign key to this model declared by Wagtail's AbstractDocument): a stubs limitation.
def latin_key(text: str) -> str:
    """``text`` in Latin letters, lowercased, as the directory compares names: "ნინო ბერიძე"
    and "Нино Беридзе" are both "nino beridze", "Հովհաննիսյան" is "hovhannisyan"."""
    return anyascii(text).lower().replace("'", "")


class User(AbstractUser):  # type: ignore[django-manager-missing]
    """A member. The e-mail address is the login; there are no usernames."""

    # Django's documented way to drop an inherited field; the stubs type it as str.
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    # Set when the member's personal data was removed; their contributions stay, attributed
    # to "former member".
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # Every e-mail to the member is written in this language; set at sign-up from the interface
    # language they used, changed in their profile.
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=_interface_languages,
        default=settings.LANGUAGE_CODE,
    )

    # The name in Latin letters (``latin_key``), so that a name typed in one script finds one
    # written in another with a plain ``icontains``; written by ``save``.
    name_latin = models.CharField(max_length=310, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    # Ours creates members by e-mail; the stubs expect Django's username-based manager.
    objects = UserManager()  # type: ignore[assignment, misc]

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs) -> None:
        # Here rather than in a service: names are also written by Wagtail's user editor,
        # allauth and the anonymiser, and the key must follow each of them.
        self.name_latin = latin_key(f"{self.first_name} {self.last_name}".strip())
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "name_latin"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        if self.anonymised_at:
            return str(_("Former member"))
        return self.get_full_name() or self.email.split("@")[0]


class NotificationFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        AGENCY = "agency", _("Government agency")
        NGO = "ngo", _("Non-governmental organisation")
        ACADEMIA = "academia", _("Academia or research")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="organisation_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    """Self-described and optional; the secretariat sees it only counted, in groups of five or
    more (participation reports to donors ask for it)."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    ANOTHER = "another", _("In another way")


def _time_zone_choices():
    from core.formats import zone_choices

    return zone_choices()


def _visibility_choices():
    from core.access import Tier

    return Tier.choices


def photo_path(instance: Profile, filename: str) -> str:
    # Unguessable names: photos are served only through the members' photo view anyway.
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"members/photos/{uuid.uuid4().hex}.{extension}"


class Profile(models.Model):
    """What a member tells other members about themselves, and their preferences."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
    )
    expertise = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("areas of expertise"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    bio = models.TextField(_("short biography"), max_length=1500, blank=True)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    focal_point = models.BooleanField(_("national focal point"), default=False)
    # Blank: times are shown in each event's own time zone.
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=_time_zone_choices, blank=True, default=""
    )
    # Blank: the member did not say.
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, blank=True, default=""
    )
    # Who may find this profile in the directory and open it: one of core.access.Tier.
    visibility = models.CharField(
        _("who can see my profile"), max_length=20, choices=_visibility_choices, default="members"
    )
    show_email = models.BooleanField(
        _("show my e-mail address to those who can see me"), default=True
    )
    notification_frequency = models.CharField(
        _("e-mail notifications"),
        max_length=20,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.DAILY,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)

    def access_keys(self) -> frozenset[str]:
        from core.access import keys_for_tier

        return keys_for_tier(self.visibility)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An invitation to join. Only the token's hash is stored; the token lives in the e-mail."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OBSERVER)
    focal_point = models.BooleanField(_("national focal point"), default=False)
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The e-mail goes out in the language the secretariat was using when inviting.
    language = models.CharField(_("language"), max_length=10, default="en")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(_("times sent"), default=0)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.email

    @property
    def status(self) -> str:
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def is_usable(self) -> bool:
        return self.status == self.Status.PENDING


class DeletionRequest(models.Model):
    """A member asks to be forgotten; the secretariat confirms, then the data is anonymised."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deletion_requests"
    )
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("deletion request")
        verbose_name_plural = _("deletion requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(confirmed_at__isnull=True),
                name="one_open_deletion_request",
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
