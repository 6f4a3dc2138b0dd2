"""Agencies contribute their own learning (seed 1.3, 1.4): an agency's lead records the agency's
single-agency inspections, internal learning reviews, audits (objectives, outcomes and action plan) and
assurance reports; the business unit accepts one into the partnership's learning register (it becomes a
learning activity with the agency as provider) or returns it with a reason. Drafts are the agency's own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.learning.models import LearningActivity
from learningloop.partnership.models import Agency, LearningSourceType


class ContributionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted to the business unit"
    ACCEPTED = "accepted", "Accepted into the register"
    RETURNED = "returned", "Returned"


class ContributionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An agency's users see their own agency's contributions only, in every state; the business unit
        (who may record one on an agency's behalf) sees every one; chairs and the scrutineer see every
        agency's once submitted (a draft is not yet shared with the partnership)."""
        from learningloop.core.policy import PARTNERSHIP_WIDE, can, has_any_role

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if has_any_role(user, PARTNERSHIP_WIDE):
            return self
        own = Q(agency_id=user.agency_id)
        if can(user, "assurance.view_all"):
            return self.filter(own | ~Q(status=ContributionStatus.DRAFT))
        return self.filter(own)


class AgencyContribution(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="contributions")
    source_type = models.ForeignKey(
        LearningSourceType, on_delete=models.PROTECT, related_name="+", verbose_name="type"
    )
    title = models.CharField(max_length=200)
    happened_on = models.DateField("date of the activity")
    summary = models.TextField("summary of the learning")
    objectives = models.TextField(blank=True)
    outcomes = models.TextField(blank=True)
    action_plan = models.TextField("action plan", blank=True)
    status = models.CharField(
        max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.DRAFT
    )
    return_reason = models.TextField("reason it was returned", blank=True)
    activity = models.OneToOneField(
        LearningActivity, on_delete=models.SET_NULL, null=True, blank=True, related_name="contribution"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def scope_agency_id(self):
        return self.agency_id
