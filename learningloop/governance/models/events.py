"""Webinars and learning events (Appendix A §1) with attendance by agency, feeding the reach of
communications on the learning trail."""

from django.db import models

from learningloop.core.querysets import SignedInQuerySet
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Agency


class LearningEventKind(models.TextChoices):
    WEBINAR = "webinar", "Webinar"
    EVENT = "event", "Learning event"
    BRIEFING = "briefing", "Briefing session"


class LearningEvent(models.Model):
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=LearningEventKind.choices, default=LearningEventKind.EVENT)
    held_on = models.DateField("date")
    key_messages = models.ManyToManyField(KeyMessage, blank=True, related_name="learning_events")
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return self.title


class EventAttendance(models.Model):
    event = models.ForeignKey(LearningEvent, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="event_attendance")
    attendees = models.PositiveIntegerField()

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["event", "agency"], name="one_event_row_per_agency")]

    def __str__(self):
        return f"{self.agency}: {self.attendees}"
