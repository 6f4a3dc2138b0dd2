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
from .surveys import QuestionKind, SurveyQuestion

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
    baseline_question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    followup_question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # What counts as favourable: the options' labels (a choice question; the same labels in both surveys),
    # or, for a scale, this number or higher.
    favourable_options = models.JSONField("favourable answers", default=list, blank=True)
    favourable_from = models.SmallIntegerField("favourable from", null=True, blank=True)
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
            models.UniqueConstraint(
                fields=["key_message", "baseline_question", "followup_question"],
                condition=Q(kind="survey"),
                name="assurance_evidence_survey_once",
            ),
            models.CheckConstraint(
                condition=~Q(kind="survey")
                | (Q(baseline_question__isnull=False) & Q(followup_question__isnull=False)),
                name="assurance_evidence_survey_questions",
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

        if self.kind == EvidenceKind.SURVEY and self.baseline_question_id and self.followup_question_id:
            self._clean_survey()

    def _clean_survey(self):
        before, after = self.baseline_question, self.followup_question
        if before.pk == after.pk or before.survey_id == after.survey_id:
            raise ValidationError(
                {"followup_question": "Choose a question from a different, later survey for the follow-up"}
            )
        opened = (before.survey.opens_on, after.survey.opens_on)
        if None not in opened and opened[1] <= opened[0]:
            raise ValidationError(
                {"followup_question": "The follow-up survey must open after the baseline survey"}
            )
        if before.kind != after.kind:
            raise ValidationError({"followup_question": "Choose a follow-up question of the same kind"})
        if before.kind == QuestionKind.SCALE:
            if self.favourable_from is None:
                raise ValidationError(
                    {"favourable_from": "Enter the lowest number that counts as favourable"}
                )
            for q in (before, after):
                if not q.scale_min <= self.favourable_from <= q.scale_max:
                    raise ValidationError(
                        {"favourable_from": f"Enter a number from {q.scale_min} to {q.scale_max}"}
                    )
        elif before.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            if not self.favourable_options:
                raise ValidationError({"favourable_options": "Select the answers that count as favourable"})
            for side, q in (("baseline", before), ("follow-up", after)):
                labels = {o.label.casefold() for o in q.options.all()}
                missing = [x for x in self.favourable_options if x.casefold() not in labels]
                if missing:
                    raise ValidationError(
                        {"favourable_options": f"The {side} question has no answer “{missing[0]}”"}
                    )
        else:
            raise ValidationError({"baseline_question": "Choose a choice or scale question, not free text"})

    @property
    def baseline_share(self):
        return share(self.baseline_favourable, self.baseline_counted)

    @property
    def followup_share(self):
        return share(self.followup_favourable, self.followup_counted)
