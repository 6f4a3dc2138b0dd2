"""Section 11 (Children Act 2004) and Section 175/157 (Education Act 2002) self-assessment.

A standard set (the common eight Section 11 standards; the schools' Section 175/157 set) is loaded by the
framework preset and editable. A cycle (annual or biennial) asks every agency, or every school, for a
return: a score per standard (0–3, shown also as red, amber or green), evidence and areas for improvement
with dates. A return is a deadline in the one engine (due_on, done on submitted_on) and locks at its
deadline; the business unit may reopen it with a reason and a new date. A moderation (challenge) event
records the moderated score per standard and the agreed actions, which become improvement actions."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.deadlines import DeadlineMixin, DeadlineQuerySet
from learningloop.core.files import random_name
from learningloop.core.querysets import SignedInQuerySet
from learningloop.core.stored_files import StoredFile
from learningloop.improvement.models import ActionPlan
from learningloop.learning.models import LearningActivity
from learningloop.partnership.models import Agency, StatutoryRole


class StandardSetKind(models.TextChoices):
    SECTION_11 = "section_11", "Section 11 (Children Act 2004)"
    SECTION_175 = "section_175", "Section 175/157 (Education Act 2002), for schools"


class StandardSet(models.Model):
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=StandardSetKind.choices, unique=True)
    description = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return self.name

    @property
    def for_schools(self):
        return self.kind == StandardSetKind.SECTION_175

    def expected_agencies(self):
        """Who makes a return: every active school for the Section 175/157 set; every other active agency
        (not the business unit) for Section 11."""
        agencies = Agency.objects.filter(is_active=True)
        if self.for_schools:
            return agencies.filter(is_school=True)
        return agencies.filter(is_school=False).exclude(statutory_role=StatutoryRole.BUSINESS_UNIT)


class Standard(models.Model):
    standard_set = models.ForeignKey(StandardSet, on_delete=models.CASCADE, related_name="standards")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField("what the standard asks", blank=True)
    is_active = models.BooleanField("in use", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["standard_set", "position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Frequency(models.TextChoices):
    ANNUAL = "annual", "Annual"
    BIENNIAL = "biennial", "Every two years"


class CycleQuerySet(SignedInQuerySet):
    def previous_of(self, cycle):
        """The cycle of the same standard set due before this one, most recent first (or None)."""
        return (
            self.filter(standard_set_id=cycle.standard_set_id, due_on__lt=cycle.due_on)
            .order_by("-due_on", "-pk")
            .first()
        )


class Cycle(models.Model):
    activity = models.OneToOneField(
        LearningActivity, on_delete=models.PROTECT, related_name="self_assessment_cycle"
    )
    standard_set = models.ForeignKey(StandardSet, on_delete=models.PROTECT, related_name="cycles")
    name = models.CharField(max_length=200)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.ANNUAL)
    opens_on = models.DateField("opens")
    due_on = models.DateField("returns due")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CycleQuerySet.as_manager()

    class Meta:
        ordering = ["-due_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=models.F("opens_on")), name="cycle_due_after_open")
        ]

    def __str__(self):
        return self.name


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Submitted"
    LOCKED = "locked", "Locked at its deadline"


OPEN_RETURN_STATUSES = (ReturnStatus.NOT_STARTED, ReturnStatus.IN_PROGRESS)


class ReturnQuerySet(DeadlineQuerySet):
    def visible_to(self, user):
        """Partnership-wide roles see every agency's return; agency users their own agency's only."""
        from learningloop.core.policy import can

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if can(user, "assurance.view_all"):
            return self
        return self.filter(agency_id=user.agency_id)

    def counts(self, today):
        """due (all), received (submitted), late (submitted after the cycle's date, or still open past
        the return's own date): one query."""
        late = Q(submitted_on__gt=models.F("cycle__due_on")) | (
            Q(submitted_on__isnull=True) & Q(due_on__lt=today)
        )
        return self.aggregate(
            due=models.Count("pk"),
            received=models.Count("pk", filter=Q(submitted_on__isnull=False)),
            late=models.Count("pk", filter=late),
        )


class SelfAssessmentReturn(DeadlineMixin, models.Model):
    """One agency's (or school's) return in a cycle: a deadline (due_on, done on submitted_on)."""

    deadline_done_field = "submitted_on"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="self_assessment_returns")
    status = models.CharField(max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED)
    due_on = models.DateField("due", db_index=True)
    submitted_on = models.DateField("submitted", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["agency__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["cycle", "agency"], name="one_return_per_agency")]

    def __str__(self):
        return f"{self.agency} — {self.cycle}"

    @property
    def scope_agency_id(self):
        return self.agency_id

    @classmethod
    def deadline_open_q(cls):
        return Q(status__in=OPEN_RETURN_STATUSES)

    def apply_deadline(self, today):
        """An open return past its deadline reads as locked (it locks at its deadline, whether or not
        anybody has looked at it since). Returns self."""
        if self.status in OPEN_RETURN_STATUSES and self.due_on < today:
            self.status = ReturnStatus.LOCKED
        return self


SCORE_CHOICES = [(0, "0 – Not met"), (1, "1 – Partly met"), (2, "2 – Met"), (3, "3 – Met and exceeded")]


class AnswerQuerySet(models.QuerySet):
    def averages(self, cycle, by="standard_id"):
        """{standard id (or `by`, e.g. "standard__title"): average final score} across a cycle's returns,
        moderated scores where moderated: one query ({} for no cycle)."""
        if cycle is None:
            return {}
        from django.db.models.functions import Coalesce

        rows = (
            self.filter(ret__cycle=cycle, score__isnull=False)
            .values(by)
            .annotate(avg=models.Avg(Coalesce("moderated_score", "score")))
        )
        return {r[by]: r["avg"] for r in rows}


class Answer(models.Model):
    ret = models.ForeignKey(SelfAssessmentReturn, on_delete=models.CASCADE, related_name="answers")
    standard = models.ForeignKey(Standard, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(
        choices=SCORE_CHOICES, null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    evidence = models.TextField(blank=True)
    improvement_areas = models.TextField("areas for improvement", blank=True)
    improvement_due_on = models.DateField("improvements due", null=True, blank=True)
    carried_forward = models.BooleanField(default=False)
    moderated_score = models.PositiveSmallIntegerField(
        choices=SCORE_CHOICES, null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["standard__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["ret", "standard"], name="one_answer_per_standard"),
            models.CheckConstraint(condition=Q(score__lte=3), name="answer_score_at_most_3"),
            models.CheckConstraint(condition=Q(moderated_score__lte=3), name="moderated_score_at_most_3"),
        ]

    def __str__(self):
        return f"{self.standard} ({self.ret})"

    @property
    def scope_agency_id(self):
        return self.ret.agency_id

    @property
    def final_score(self):
        return self.moderated_score if self.moderated_score is not None else self.score


def return_evidence_name(instance, filename):
    return random_name("self-assessment-evidence", filename)


class ReturnEvidence(StoredFile):
    ret = models.ForeignKey(SelfAssessmentReturn, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=return_evidence_name)

    class Meta(StoredFile.Meta):
        pass


class ReturnEvent(models.Model):
    """The return's history: submitted, reopened (with the reason), carried forward, moderated."""

    class Kind(models.TextChoices):
        CARRIED_FORWARD = "carried_forward", "Started from last cycle's answers"
        SUBMITTED = "submitted", "Submitted"
        REOPENED = "reopened", "Reopened"
        MODERATED = "moderated", "Moderated"

    ret = models.ForeignKey(SelfAssessmentReturn, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return self.get_kind_display()


class Moderation(models.Model):
    """A moderation (challenge) event for one return: when it was held, what was said, and the action plan
    its agreed actions went into."""

    ret = models.ForeignKey(SelfAssessmentReturn, on_delete=models.CASCADE, related_name="moderations")
    held_on = models.DateField("held on")
    notes = models.TextField(blank=True)
    plan = models.ForeignKey(ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"Moderation of {self.ret} on {self.held_on}"
