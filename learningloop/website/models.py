"""The public learning hub's own tables: published snapshots and what happens to them.

Nothing here points at a working record: a snapshot names its kind (core.publishing) and the working
record's id as plain values, and holds its own copy of the allow-listed text. The public views
(website.public) read only these models (import-linter contract), so the public site can show nothing that
was not copied in by the publishing layer after a recorded check."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.files import random_name
from learningloop.core.stored_files import StoredFile


class PublicationStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class PublicTheme(models.Model):
    """A theme as the public site shows it (copied from the learning themes when something is published)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=110, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PublicationQuerySet(models.QuerySet):
    def live(self):
        """What the public site shows: published and not retired."""
        return self.filter(status=PublicationStatus.PUBLISHED)

    def search(self, words: str):
        query = self
        for word in (words or "").split()[:10]:
            query = query.filter(search_text__icontains=word)
        return query

    def retirable(self, on):
        return self.live().filter(Q(keep_until__isnull=True) | Q(keep_until__lte=on))


class Publication(models.Model):
    kind = models.CharField(max_length=40)  # core.publishing.PublishableKind.code
    kind_label = models.CharField(max_length=100)
    source_id = models.PositiveIntegerField()  # the working record's id within its kind; never shown
    slug = models.SlugField(max_length=220, unique=True)
    title = models.CharField(max_length=250)
    summary = models.TextField(blank=True)
    sections = models.JSONField(default=list, blank=True)  # [{"heading": str, "html": sanitised html}]
    search_text = models.TextField(blank=True)
    themes = models.ManyToManyField(PublicTheme, blank=True, related_name="publications")
    key_message_ids = models.JSONField(default=list, blank=True)  # for the learning trail's reach
    status = models.CharField(
        max_length=20, choices=PublicationStatus.choices, default=PublicationStatus.PUBLISHED
    )
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    keep_until = models.DateField("must stay online until", null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retire_reason = models.TextField("why it was retired", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_id"],
                condition=Q(status="published"),
                name="one_live_publication_per_record",
            )
        ]

    def __str__(self):
        return self.title


class PublicationCheck(models.Model):
    """The recorded check, made by the publisher before publishing, that the item identifies no child,
    family member or practitioner."""

    publication = models.OneToOneField(Publication, on_delete=models.CASCADE, related_name="safety_check")
    no_child = models.BooleanField("identifies no child")
    no_family_member = models.BooleanField("identifies no family member")
    no_practitioner = models.BooleanField("identifies no practitioner")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Check of {self.publication}"


def publication_file_name(instance, filename):
    return random_name("publications", filename)


class PublicationFile(StoredFile):
    """A document published with an item, stored after its author, comments and revision metadata were
    removed (website.publishing.cleaning)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=publication_file_name)

    class Meta(StoredFile.Meta):
        pass


class MonthlyCount(models.Model):
    """Page views and downloads of one item in one calendar month. No cookie, no address, nothing about
    the visitor: one row per item and month, incremented atomically."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="counts")
    month = models.DateField()  # the first day of the month
    views = models.PositiveIntegerField(default=0)
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-month", "publication"]
        constraints = [models.UniqueConstraint(fields=["publication", "month"], name="one_count_per_month")]
        # The statistics page reads the latest months first and the financial years from the months held:
        # both walk this index instead of sorting or scanning every item's months.
        indexes = [models.Index(fields=["month", "views", "downloads"], name="website_count_month")]

    def __str__(self):
        return f"{self.publication} {self.month:%B %Y}"
