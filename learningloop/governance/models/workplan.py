"""The LDG's accountability (Appendix A §1-§3): the annual work plan grouped under the activities its terms
of reference list, the risk and barrier log reported to the Assurance and Review Group, and the highlight
report to each Executive meeting (generated from live data, editable while a draft, frozen when issued)."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from learningloop.core.deadlines import DeadlineMixin, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet
from learningloop.partnership.models import Group, Person

from .meetings import Meeting


class WorkPlanActivity(models.TextChoices):
    """The activities the LDG's terms of reference list (Appendix A §1)."""

    WORK_PLAN = "work_plan", "Multi-agency learning and development work plan"
    PRIORITIES = "priorities", "Learning priorities and dissemination"
    FRAMEWORK = "framework", "The framework and monitoring its impact"
    EVENTS = "events", "Learning events and agency attendance"
    POLICIES = "policies", "Policies and procedures"
    FORUM = "forum", "The Practitioner Learning Forum"
    TRAINING = "training", "The training strategy and offer"
    COMMUNICATIONS = "communications", "Communications: newsletters, briefings, the joint learning resource"
    PARTICIPATION = "participation", "Participation of children and families"


class WorkPlanStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    DELAYED = "delayed", "Delayed"
    COMPLETE = "complete", "Complete"


class WorkPlanQuerySet(DeadlineQuerySet, SignedInQuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def in_plan_order(self):
        """By activity in the order the terms of reference list them (WorkPlanActivity), then due date."""
        position = Case(
            *(When(activity=value, then=Value(n)) for n, value in enumerate(WorkPlanActivity.values)),
            default=Value(len(WorkPlanActivity.values)),
        )
        return self.alias(plan_position=position).order_by("plan_position", "due_on", "pk")


class WorkPlanItem(DeadlineMixin, models.Model):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="work_plan_items")
    year = models.PositiveSmallIntegerField(
        help_text="The year the plan starts, for example 2026 for 2026 to 2027"
    )
    activity = models.CharField(max_length=30, choices=WorkPlanActivity.choices)
    objective = models.TextField()
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    due_on = models.DateField("due date", db_index=True)
    status = models.CharField(
        max_length=20, choices=WorkPlanStatus.choices, default=WorkPlanStatus.NOT_STARTED
    )
    progress_notes = models.TextField("progress notes", blank=True)
    completed_on = models.DateField("date completed", null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    deadline_done_field = "completed_on"
    objects = WorkPlanQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "due_on", "pk"]

    def __str__(self):
        return self.objective[:80]

    @classmethod
    def deadline_open_q(cls):
        return ~Q(status=WorkPlanStatus.COMPLETE)


class RiskRating(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class RiskItem(models.Model):
    """A risk or barrier to the group's work, with its mitigation and whether the chair escalated it."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="risks")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_barrier = models.BooleanField("a barrier rather than a risk", default=False)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    rating = models.CharField(max_length=10, choices=RiskRating.choices, default=RiskRating.MEDIUM)
    mitigation = models.TextField(blank=True)
    escalated_on = models.DateField("escalated on", null=True, blank=True)
    escalated_to = models.CharField("escalated to", max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-rating", "title", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.escalated_on and not self.escalated_to:
            raise ValidationError({"escalated_to": "Enter who the risk was escalated to"})


class HighlightStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"


class HighlightReport(models.Model):
    """The group's highlight report to one Executive meeting, for the period since the previous one.
    `sections` is a list of {"key", "heading", "text"}: generated from live data when drafted, editable
    while a draft, frozen once issued."""

    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="highlight_reports")
    executive_meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="highlight_reports")
    period_start = models.DateField()
    period_end = models.DateField()
    sections = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=HighlightStatus.choices, default=HighlightStatus.DRAFT)
    issued_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "executive_meeting"], name="one_highlight_report_per_meeting"
            )
        ]

    def __str__(self):
        return f"{self.group.display_name} highlight report to the {self.executive_meeting}"
