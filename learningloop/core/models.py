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
