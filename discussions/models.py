"""Topics, threads and posts that members write, and what the platform keeps about them.

Plain Django models (not pages): members create them, and each change goes through
``discussions.services``. A thread lives in a topic or on a page (practice note, event,
consultation); it inherits that container's audience through ``discussions.access``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.access import Tier, keys_for_tier


def _interface_language() -> str:
    return (get_language() or "en").split("-")[0]


class Topic(models.Model):
    """A place for threads. Named in English, with names in the other interface languages
    beside it (like ``taxonomy.Term``), so adding a language needs no migration."""

    name = models.CharField(_("name (English)"), max_length=120)
    name_translations = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('For example {"ru": "Трудовая миграция"}.'),
    )
    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_translations = models.JSONField(
        _("descriptions in other languages"), default=dict, blank=True
    )
    restricted_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("restricted to groups"),
        blank=True,
        related_name="discussion_topics",
        help_text=_("Leave empty for all members. The secretariat always sees every topic."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("discussion topic")
        verbose_name_plural = _("discussion topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("discussions:topic", kwargs={"slug": self.slug})

    @property
    def label(self) -> str:
        """The name in the interface language, English when it has no name in that language."""
        return self.name_translations.get(_interface_language()) or self.name

    @property
    def label_lang(self) -> str:
        """The language of ``label`` ("en") when it fell back to English, else empty."""
        language = _interface_language()
        if language == "en" or self.name_translations.get(language):
            return ""
        return "en"

    @property
    def description_label(self) -> str:
        return self.description_translations.get(_interface_language()) or self.description

    @property
    def description_lang(self) -> str:
        language = _interface_language()
        if language == "en" or self.description_translations.get(language):
            return ""
        return "en"

    def group_names(self) -> list[str]:
        # Prefetched by the selectors; .all() then costs no query.
        return [g.name for g in self.restricted_groups.all()]

    def access_keys(self) -> frozenset[str]:
        return keys_for_tier(Tier.MEMBERS, self.group_names())


class Thread(models.Model):
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="discussion_threads",
    )
    title = models.CharField(_("title"), max_length=200)
    # The language the thread is written in: its title and, unless a post says otherwise, its
    # posts (marked with ``lang`` wherever it differs from the reader's interface).
    language = models.CharField(
        _("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="en"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    # Denormalised by the services so lists need no counting query.
    post_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-pinned", "-last_activity_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        constraints = [
            models.CheckConstraint(
                condition=(Q(topic__isnull=False) & Q(page__isnull=True))
                | (Q(topic__isnull=True) & Q(page__isnull=False)),
                name="discussions_thread_in_topic_xor_page",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discussions:thread", kwargs={"pk": self.pk})


class PostQuerySet(models.QuerySet):
    def public(self):
        """Posts whose text members may read: not deleted by the author, not hidden."""
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    # Position in the thread, from 1; pages and "first unread" are computed from it.
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
    )
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.TextField(_("text"))
    html = models.TextField(editable=False)
    # Empty: written in the thread's language.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mentioned = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="discussion_mentions"
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["thread", "number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="discussions_post_number")
        ]

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("discussions:post", kwargs={"pk": self.pk})

    @property
    def text_language(self) -> str:
        """The language the post is written in: its own, else its thread's."""
        return self.language or self.thread.language

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class PostRevision(models.Model):
    """The text of a post before an edit: the history members can read."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    source = models.TextField()
    html = models.TextField()
    created_at = models.DateTimeField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at"]

    def __str__(self) -> str:
        return f"{self.post_id} @ {self.replaced_at:%Y-%m-%d %H:%M}"


class ReadState(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_states")
    last_read_number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="discussions_readstate_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} to {self.last_read_number}"


class Subscription(models.Model):
    class Level(models.TextChoices):
        WATCH = "watch", _("Watching")
        MUTE = "mute", _("Muted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_subscriptions"
    )
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    level = models.CharField(max_length=8, choices=Level.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=Q(thread__isnull=False),
                name="discussions_subscription_thread_once",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="discussions_subscription_topic_once",
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=True) ^ Q(topic__isnull=True),
                name="discussions_subscription_thread_xor_topic",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.level} {self.thread_id or self.topic_id}"


class Digest(models.Model):
    """One digest e-mail per member and period: the unique key makes sending it once a fact."""

    class Period(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=8, choices=Period.choices)
    period_key = models.CharField(max_length=16)  # e.g. 2026-11-25 or 2026-W48
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "period_key"], name="discussions_digest_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} digest {self.period_key} for {self.user_id}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", _("mentioned you")
        REPLY = "reply", _("replied")
        NEW_THREAD = "new_thread", _("started a thread")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digest = models.ForeignKey(
        Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "post"], name="discussions_notification_once_per_post"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id} on {self.post_id}"


class EmailOptOut(models.Model):
    """A member who clicked "unsubscribe" in a digest: no more discussion e-mail at all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_email_opt_out"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"no discussion e-mail for {self.user_id}"


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abusive or disrespectful")
        CONFIDENTIAL = "confidential", _("Shares confidential information")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="discussions_flag_once")
        ]

    def __str__(self) -> str:
        return f"{self.reason} on {self.post_id}"


class ModerationAction(models.Model):
    class Action(models.TextChoices):
        HIDE = "hide", _("Hid a post")
        RESTORE = "restore", _("Restored a post")
        LOCK = "lock", _("Locked a thread")
        UNLOCK = "unlock", _("Unlocked a thread")
        PIN = "pin", _("Pinned a thread")
        UNPIN = "unpin", _("Unpinned a thread")
        SUSPEND = "suspend", _("Suspended a member from posting")
        LIFT = "lift", _("Lifted a suspension")
        DISMISS = "dismiss", _("Dismissed flags")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL)
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.SET_NULL)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")

    def __str__(self) -> str:
        return f"{self.action} by {self.actor_id}"


class PostingSuspensionQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(lifted_at__isnull=True).filter(Q(until__isnull=True) | Q(until__gt=now))


class PostingSuspension(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posting_suspensions"
    )
    until = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = PostingSuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} suspended until {self.until or 'further notice'}"
