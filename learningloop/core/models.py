from django.conf import settings
from django.db import models
from django.utils import timezone


class Reminder(models.Model):
    """The reminder ledger: one row per reminder sent. The unique constraint on (what, which object,
    recipient, date) means a reminder goes once however often the worker runs."""

    kind = models.SlugField(max_length=60)
    object_type = models.CharField(max_length=60)
    object_id = models.PositiveBigIntegerField()
    recipient = models.EmailField()
    remind_on = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_type", "object_id", "recipient", "remind_on"],
                name="reminder_sent_once",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_type}#{self.object_id} to {self.recipient} ({self.remind_on})"


def import_file_name(instance, filename):
    from .files import random_name

    return random_name("imports", filename)


class ImportRunQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An import's progress and result are its uploader's: they hold the rows of the file."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(created_by=user)


class ImportRun(models.Model):
    """One upload through core.imports: what kind of file, who sent it, how far it has got and how it
    ended (how many rows were saved, or every problem by row and column). A large file's bytes are kept in
    `file` only until its background task has read them."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        CHECKING = "checking", "Checking rows"
        SAVING = "saving", "Saving"
        DONE = "done", "Imported"
        FAILED = "failed", "Not imported"

    spec = models.CharField(max_length=80)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    original_name = models.CharField(max_length=255)
    file = models.FileField(upload_to=import_file_name, blank=True)
    context = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    checked_rows = models.PositiveIntegerField(default=0)
    saved_rows = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        """How far the run has got, 0-100: checking is the first 90%, saving the rest."""
        if self.status == self.Status.DONE:
            return 100
        if self.status == self.Status.SAVING:
            return 95
        if not self.total_rows:
            return 0
        return min(90, int(90 * self.checked_rows / self.total_rows))

    def error_list(self):
        from .imports import RowError

        return [RowError(**e) for e in self.errors]


def export_file_name(instance, filename):
    from .files import random_name

    return random_name("exports", filename)


class SpreadsheetExportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An export holds the rows its requester could see when they asked: it is theirs alone."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(created_by=user)

    def expired(self, *, before):
        """Exports finished (ready, or not built) before `before`: what the daily clean-up deletes. One
        still waiting or being written is never among them, however old."""
        finished = (SpreadsheetExport.Status.DONE, SpreadsheetExport.Status.FAILED)
        return self.filter(status__in=finished).filter(
            models.Q(finished_at__lt=before) | models.Q(finished_at__isnull=True, created_at__lt=before)
        )


class SpreadsheetExport(models.Model):
    """A spreadsheet too large to build in the request (core.spreadsheets): the download the user asked for
    (the page's path and filters), built by the background worker with the user's own rights at that
    moment, and kept as a file until they download it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        BUILDING = "building", "Writing rows"
        DONE = "done", "Ready"
        FAILED = "failed", "Not built"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    path = models.CharField(max_length=500)
    query = models.TextField(blank=True)
    back_path = models.CharField(max_length=500, default="/")
    filename = models.CharField(max_length=255)
    fmt = models.CharField(max_length=8)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    written_rows = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=export_file_name, blank=True)
    problem = models.CharField(max_length=255, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = SpreadsheetExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
