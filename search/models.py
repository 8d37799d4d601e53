from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexOutbox(models.Model):
    """A change the index has to catch up with, written in the changing transaction.

    Rows are also the version ledger: a document's version is the highest row id for its object,
    read before the object itself, so a late or repeated task can never overwrite newer data.
    Processed rows are kept until superseded (and a day old) so a rebuild can replay the changes
    made while it ran.
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            models.Index(
                fields=["id"],
                name="search_outbox_pending",
                condition=models.Q(processed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}#{self.pk}"


class StoredDocument(models.Model):
    """The database engine's index: the same entries the Elasticsearch index holds.

    ``access``, ``countries``, ``themes`` and ``gcm`` are stored as ``|a|b|`` so that membership
    is a plain ``contains`` lookup on every database; ``terms`` likewise holds the words as
    `` a b ``.
    """

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    object_id = models.CharField(max_length=64)
    # Rows shown as one result (a thread's posts); "<kind>:<object_id>" when alone.
    group = models.CharField(max_length=120, blank=True, db_index=True)
    version = models.BigIntegerField(default=0)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=8, blank=True)
    countries = models.TextField(blank=True)
    themes = models.TextField(blank=True)
    gcm = models.TextField(blank=True)
    year = models.IntegerField(null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    access = models.TextField(blank=True)
    # Every word of title, summary and body folded and stemmed in ``language``
    # (search.languages.document_terms): " word stem word ... ", matched as " stem ".
    terms = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.key


class ZeroResultQuery(models.Model):
    """A search that found nothing: the words and the day, never who asked."""

    query = models.CharField(_("query"), max_length=200)
    day = models.DateField(_("day"), default=timezone.localdate)
    count = models.PositiveIntegerField(_("times"), default=0)
    last_seen_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_zero_result_once_a_day")
        ]
        ordering = ["-day", "-count"]

    def __str__(self) -> str:
        return self.query
