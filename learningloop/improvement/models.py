"""Improvement actions (seed 1.5): single- and multi-agency action plans linked to where the learning
came from, actions with an append-only log of updates, evidence, and a later check that they lasted."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.deadlines import DeadlineMixin, DeadlineQuerySet
from learningloop.core.files import random_name
from learningloop.core.stored_files import StoredFile
from learningloop.learning.models import CaseReview, Finding, KeyMessage, LearningActivity
from learningloop.partnership.models import Agency, Person

_SOURCE_KEYS = ("source_review", "source_finding", "source_activity", "source_key_message")


def _exactly_one_source():
    """Exactly one of the source foreign keys is set, or none of them and the meeting is named."""
    options = []
    for chosen in _SOURCE_KEYS:
        options.append(Q(**{f"{key}__isnull": key != chosen for key in _SOURCE_KEYS}) & Q(source_meeting=""))
    options.append(Q(**{f"{key}__isnull": True for key in _SOURCE_KEYS}) & ~Q(source_meeting=""))
    combined = options[0]
    for option in options[1:]:
        combined |= option
    return combined


class PlanScope(models.TextChoices):
    SINGLE_AGENCY = "single", "Single-agency"
    MULTI_AGENCY = "multi", "Multi-agency"


class ActionPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Partnership-wide roles see every plan; agency users see multi-agency plans and their own
        agency's single-agency plans."""
        from learningloop.core.policy import can

        if not user.is_authenticated:
            return self.none()
        if can(user, "actions.view_all"):
            return self
        return self.filter(Q(scope=PlanScope.MULTI_AGENCY) | Q(agency_id=user.agency_id))


class ActionPlan(models.Model):
    """A set of actions answering one source of learning. Exactly one source is named."""

    title = models.CharField(max_length=200)
    scope = models.CharField(max_length=10, choices=PlanScope.choices, default=PlanScope.MULTI_AGENCY)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans",
        help_text="The agency whose plan this is (single-agency plans only)",
    )  # fmt: skip
    # Where it came from: exactly one of these (a review recommendation, a finding, an audit or inspection
    # or other activity, a key message, or a meeting — meetings are recorded as text until governance).
    source_review = models.ForeignKey(
        CaseReview, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans"
    )
    source_finding = models.ForeignKey(
        Finding, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans"
    )
    source_activity = models.ForeignKey(
        LearningActivity, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans"
    )
    source_key_message = models.ForeignKey(
        KeyMessage, on_delete=models.PROTECT, null=True, blank=True, related_name="action_plans"
    )
    source_meeting = models.CharField("meeting", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ActionPlanQuerySet.as_manager()

    SOURCE_FIELDS = (
        "source_review",
        "source_finding",
        "source_activity",
        "source_key_message",
        "source_meeting",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_source(), name="action_plan_has_exactly_one_source"
            ),
            models.CheckConstraint(
                condition=Q(scope="multi") | Q(agency__isnull=False), name="single_agency_plan_has_agency"
            ),
        ]  # fmt: skip

    def __str__(self):
        return self.title

    def clean(self):
        named = [f for f in self.SOURCE_FIELDS if getattr(self, f if f == "source_meeting" else f + "_id")]
        if len(named) != 1:
            raise ValidationError("Choose exactly one source for this plan")
        if self.scope == PlanScope.SINGLE_AGENCY and not self.agency_id:
            raise ValidationError({"agency": "Select the agency whose plan this is"})

    @property
    def source(self):
        for name in self.SOURCE_FIELDS:
            value = getattr(self, name)
            if value:
                return value
        return None


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


OPEN_ACTION_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


class SustainmentResult(models.TextChoices):
    SUSTAINED = "sustained", "Improvement has lasted"
    NOT_SUSTAINED = "not_sustained", "Improvement has not lasted"


class ActionQuerySet(DeadlineQuerySet):
    """open, overdue, due_between and due_soon come from the deadline engine (core.deadlines)."""

    def visible_to(self, user):
        from learningloop.core.policy import can

        if not user.is_authenticated:
            return self.none()
        if can(user, "actions.view_all"):
            return self
        return self.filter(Q(plan__scope=PlanScope.MULTI_AGENCY) | Q(plan__agency_id=user.agency_id))

    def for_agency(self, agency_id):
        return self.filter(owner_agency_id=agency_id)

    def open_first(self):
        """Open actions before closed ones, each soonest due first."""
        is_closed = models.Case(
            models.When(status__in=OPEN_ACTION_STATUSES, then=models.Value(0)),
            default=models.Value(1),
            output_field=models.IntegerField(),
        )
        return self.annotate(is_closed=is_closed).order_by("is_closed", "due_on", "pk")

    def sustainment_due(self, today):
        return self.filter(
            status=ActionStatus.COMPLETED, sustainment_due_on__lte=today, sustainment_checked_on=None
        )


class Action(DeadlineMixin, models.Model):
    """An improvement action: a deadline in the one engine (due_on; done on completed_on; open while not
    started or in progress)."""

    deadline_done_field = "completed_on"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="actions")
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    due_on = models.DateField("due date")
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField("progress (per cent)", default=0)
    completed_on = models.DateField("date completed", null=True, blank=True)
    evidence_of_completion = models.TextField("evidence of completion", blank=True)
    sustainment_due_on = models.DateField("check the improvement lasted on", null=True, blank=True)
    sustainment_checked_on = models.DateField("date checked", null=True, blank=True)
    sustainment_result = models.CharField(max_length=20, choices=SustainmentResult.choices, blank=True)
    sustainment_note = models.TextField("what the check found", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        # The action lists' order (25,000 actions in ten years): read in order, not sorted; and the open
        # actions past their due date (home page, overdue list) found without reading every action (ADR 0025).
        indexes = [
            models.Index(fields=["due_on"], name="action_due_on"),
            models.Index(fields=["status", "due_on"], name="action_status_due_on"),
            # The contribution scorecard's "actions completed on time" per agency, from the index alone.
            models.Index(
                fields=["owner_agency", "due_on", "completed_on", "status"], name="action_agency_on_time"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="action_progress_at_most_100"),
            models.CheckConstraint(
                condition=~Q(status="completed") | Q(completed_on__isnull=False),
                name="completed_action_has_date",
            ),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def scope_agency_id(self):
        return self.owner_agency_id

    @classmethod
    def deadline_open_q(cls):
        return Q(status__in=OPEN_ACTION_STATUSES)

    def clean(self):
        errors = {}
        if self.status == ActionStatus.COMPLETED and not self.completed_on:
            errors["completed_on"] = "Enter the date the action was completed"
        if self.sustainment_due_on and self.completed_on and self.sustainment_due_on < self.completed_on:
            errors["sustainment_due_on"] = "The check must be on or after the date the action was completed"
        if self.sustainment_result and not self.sustainment_checked_on:
            errors["sustainment_checked_on"] = "Enter the date the improvement was checked"
        if errors:
            raise ValidationError(errors)


class ActionUpdate(models.Model):
    """An append-only log entry: what happened, with the status and progress it left the action in."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    progress = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%d %b %Y}: {self.note[:60]}"


def action_evidence_name(instance, filename):
    return random_name("action-evidence", filename)


class ActionEvidence(StoredFile):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=action_evidence_name)

    class Meta(StoredFile.Meta):
        pass


AUDITED = (ActionPlan, Action, ActionUpdate, ActionEvidence)
