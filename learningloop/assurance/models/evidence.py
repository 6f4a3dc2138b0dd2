"""A key message's evidence of impact from assurance (ADR 0033): a multi-agency audit domain graded again in a
later audit, or a survey question asked again in a later survey. One table for both kinds.

The value of each side is a share: of the audit's cases with an agreed (moderated) grade in the domain, those
graded good or outstanding; of the respondents who answered the question, those giving a favourable answer.
The counts are worked out by assurance.evidence.services.assurance_evidence_update whenever moderation or
survey responses change, so the learning trail's "evidenced" stage is one EXISTS over this table."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.querysets import SignedInQuerySet

from .audits import AuditDomain, Grade

# The audit rule: these agreed grades count as a good outcome for the case in that domain.
GOOD_OR_BETTER = (Grade.GOOD, Grade.OUTSTANDING)


class EvidenceKind(models.TextChoices):
    AUDIT = "audit", "Multi-agency audit domain"
    SURVEY = "survey", "Survey question"


class AssuranceEvidenceQuerySet(SignedInQuerySet):
    def went_the_desired_way(self):
        return self.filter(desired=True)


def share(favourable, counted):
    """The percentage, to one decimal place; None when nothing was counted."""
    if not counted:
        return None
    return (Decimal(100) * favourable / counted).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class AssuranceEvidence(models.Model):
    key_message = models.ForeignKey(
        "learning.KeyMessage", on_delete=models.CASCADE, related_name="assurance_evidence"
    )
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    baseline_domain = models.ForeignKey(
        AuditDomain, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    followup_domain = models.ForeignKey(
        AuditDomain, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Worked out by the service (never typed): favourable cases or respondents, and how many were counted.
    baseline_favourable = models.PositiveIntegerField(null=True, editable=False)
    baseline_counted = models.PositiveIntegerField(null=True, editable=False)
    followup_favourable = models.PositiveIntegerField(null=True, editable=False)
    followup_counted = models.PositiveIntegerField(null=True, editable=False)
    desired = models.BooleanField("went the desired way", null=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = AssuranceEvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["key_message", "pk"]
        verbose_name_plural = "assurance evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["key_message", "baseline_domain", "followup_domain"],
                condition=Q(kind="audit"),
                name="assurance_evidence_audit_once",
            ),
            models.CheckConstraint(
                condition=~Q(kind="audit")
                | (Q(baseline_domain__isnull=False) & Q(followup_domain__isnull=False)),
                name="assurance_evidence_audit_domains",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for “{self.key_message}”"

    def clean(self):
        if self.kind == EvidenceKind.AUDIT and self.baseline_domain_id and self.followup_domain_id:
            before, after = self.baseline_domain.audit, self.followup_domain.audit
            if before.pk == after.pk:
                raise ValidationError({"followup_audit": "Choose a different, later audit for the follow-up"})
            started = (before.activity.started_on, after.activity.started_on)
            if None not in started and started[1] <= started[0]:
                raise ValidationError(
                    {"followup_audit": "The follow-up audit must have started after the baseline audit"}
                )

    @property
    def baseline_share(self):
        return share(self.baseline_favourable, self.baseline_counted)

    @property
    def followup_share(self):
        return share(self.followup_favourable, self.followup_counted)
