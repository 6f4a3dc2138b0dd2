"""The multi-agency audit programme: an audit has a theme, a timetable (milestones in the one deadline
engine), the agencies taking part, a case sample (pseudonymised references; identifying detail is a
restricted record, AuditCaseDetails, with its own access rule and audit on read), the audit tool's
domains, each agency's grading of each case per domain with a rationale, and the grade the moderation
meeting agreed."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from learningloop.core.deadlines import DeadlineBase, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet
from learningloop.learning.models import LearningActivity
from learningloop.partnership.models import Agency

# The audit tool's usual domains (an audit may rename, add or remove them).
DEFAULT_DOMAINS = (
    "Recognition of need",
    "Assessment",
    "Planning and intervention",
    "Joint working",
    "Voice of the child",
    "Impact",
    "Overall",
)


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class AuditStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    GRADING = "grading", "Agencies grading cases"
    MODERATED = "moderated", "Moderated"
    COMPLETED = "completed", "Completed"


class AuditQuerySet(SignedInQuerySet):
    """Pseudonymised throughout: every signed-in user reads audits (identifying details are apart)."""


class Audit(models.Model):
    activity = models.OneToOneField(LearningActivity, on_delete=models.PROTECT, related_name="audit")
    theme = models.CharField(max_length=200)
    agencies = models.ManyToManyField(Agency, related_name="audits", verbose_name="agencies taking part")
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.PLANNED)
    moderated_on = models.DateField("moderation meeting", null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.activity.title


class AuditDomain(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="domains")
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["audit", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["audit", "name"], name="audit_domain_unique")]

    def __str__(self):
        return self.name


class AuditMilestoneQuerySet(DeadlineQuerySet):
    def visible_to(self, user):
        return self if getattr(user, "is_authenticated", False) else self.none()


class AuditMilestone(DeadlineBase):
    """A step of the audit's timetable (case sample agreed, gradings due, moderation meeting, report)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="milestones")
    label = models.CharField(max_length=200)

    objects = AuditMilestoneQuerySet.as_manager()

    class Meta(DeadlineBase.Meta):
        pass

    def __str__(self):
        return self.label


class AuditCase(models.Model):
    """A case in the sample, known only by its pseudonymised reference (for example Case 3)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cases")
    reference = models.CharField("pseudonymised reference", max_length=50)

    class Meta:
        ordering = ["audit", "reference", "pk"]
        constraints = [models.UniqueConstraint(fields=["audit", "reference"], name="audit_case_reference")]

    def __str__(self):
        return self.reference


class AuditCaseDetails(models.Model):
    """Restricted: what identifies the case's child. Read only under restricted.view, and each read is
    written to the audit trail; never listed, exported or emailed."""

    case = models.OneToOneField(AuditCase, on_delete=models.CASCADE, related_name="details")
    child_name = models.CharField("child's name", max_length=200, blank=True)
    date_of_birth = models.DateField("date of birth", null=True, blank=True)
    case_reference = models.CharField("agency case reference", max_length=100, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name_plural = "audit case details"

    def __str__(self):
        return f"Restricted details for audit case {self.case_id}"


class Grading(models.Model):
    """One agency's grade of one case in one domain, with its rationale."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="gradings")
    domain = models.ForeignKey(AuditDomain, on_delete=models.CASCADE, related_name="gradings")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    grade = models.CharField(max_length=30, choices=Grade.choices)
    rationale = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case", "domain__position", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["case", "domain", "agency"], name="one_grade_per_agency")
        ]

    def __str__(self):
        return f"{self.agency}: {self.get_grade_display()}"


class ModeratedGrade(models.Model):
    """The grade the moderation meeting agreed for a case in a domain."""

    case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="moderated")
    domain = models.ForeignKey(AuditDomain, on_delete=models.CASCADE, related_name="moderated")
    grade = models.CharField(max_length=30, choices=Grade.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["case", "domain__position"]
        constraints = [models.UniqueConstraint(fields=["case", "domain"], name="one_agreed_grade")]

    def __str__(self):
        return self.get_grade_display()
