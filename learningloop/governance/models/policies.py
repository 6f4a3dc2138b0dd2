"""The register of the partnership's multi-agency policies and procedures (seed 3.3): each has a next
review date in the one deadline engine, and a log of the changes made because of learning, each linked to
the key message it answers — so the learning trail shows "policies and procedures updated" with its date."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.deadlines import DeadlineMixin, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet
from learningloop.learning.models import KeyMessage
from learningloop.partnership.models import Person


class PolicyQuerySet(DeadlineQuerySet, SignedInQuerySet):
    pass


class PolicyDocument(DeadlineMixin, models.Model):
    deadline_due_field = "next_review_due"
    deadline_done_field = None  # never done: each review sets the next

    title = models.CharField(max_length=200)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    link = models.URLField(max_length=500, blank=True)
    last_reviewed_on = models.DateField("last reviewed on", null=True, blank=True)
    next_review_due = models.DateField("next review due", null=True, blank=True, db_index=True)
    is_active = models.BooleanField("in force", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @classmethod
    def deadline_open_q(cls):
        return Q(is_active=True)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.last_reviewed_on and self.next_review_due and self.next_review_due < self.last_reviewed_on:
            raise ValidationError({"next_review_due": "The next review must be after the last review"})


class PolicyChange(models.Model):
    """A change made to a policy or procedure, and the key message of learning it reflects (if any)."""

    policy = models.ForeignKey(PolicyDocument, on_delete=models.CASCADE, related_name="changes")
    changed_on = models.DateField(default=timezone.localdate)
    description = models.TextField("what changed")
    key_message = models.ForeignKey(
        KeyMessage, on_delete=models.PROTECT, null=True, blank=True, related_name="policy_changes"
    )

    class Meta:
        ordering = ["-changed_on", "-pk"]

    def __str__(self):
        return f"{self.policy}: {self.description[:60]}"
