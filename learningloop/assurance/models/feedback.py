"""Complaints and compliments from children and young people (seed 2.1): counts by agency, period and
theme. Each year's counts are one learning activity in the register (source type "Complaints and
compliments"), with the agencies that reported as its providers."""

from django.conf import settings
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone

from learningloop.core.querysets import SignedInQuerySet
from learningloop.learning.models import LearningActivity, Theme
from learningloop.partnership.models import Agency


class FeedbackKind(models.TextChoices):
    COMPLAINT = "complaint", "Complaints"
    COMPLIMENT = "compliment", "Compliments"


class FeedbackCountQuerySet(SignedInQuerySet):
    def by_year(self):
        """{(year, kind): total}: one query."""
        rows = (
            self.annotate(year=ExtractYear("period_start"))
            .values("year", "kind")
            .annotate(total=models.Sum("count"))
            .order_by("year")
        )
        return {(r["year"], r["kind"]): r["total"] for r in rows}


class FeedbackCount(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="feedback_counts")
    period_start = models.DateField("quarter starting")
    kind = models.CharField(max_length=20, choices=FeedbackKind.choices)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    count = models.PositiveIntegerField()
    activity = models.ForeignKey(LearningActivity, on_delete=models.PROTECT, related_name="feedback_counts")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = FeedbackCountQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "agency__name", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "period_start", "kind", "theme"], name="one_feedback_count_per_theme"
            )
        ]

    def __str__(self):
        return f"{self.agency}: {self.count} {self.get_kind_display().lower()} from {self.period_start}"
