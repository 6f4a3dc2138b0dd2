"""Learning capture: the register of learning activities, findings and themes, case reviews on the
statutory clock (with restricted child details kept apart), and Summaries of Learning (Appendix B)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.utils import timezone

from learningloop.core.deadlines import DeadlineBase, DeadlineQuerySet, RuleBase
from learningloop.core.files import random_name
from learningloop.core.querysets import SignedInQuerySet
from learningloop.core.stored_files import StoredFile
from learningloop.partnership.models import Agency, AudienceGroup, Group, LearningSourceType


class VocabularyQuerySet(SignedInQuerySet):
    def active(self):
        return self.filter(is_active=True)


class ThemeQuerySet(VocabularyQuerySet):
    def recurrence(self, *, since=None):
        """How often each theme has come up in findings (areas for improvement), across how many
        activities: rows of `themes__name`, `findings` and `activities`, most activities first."""
        qs = Finding.objects.filter(kind=FindingKind.IMPROVEMENT)
        if since:
            qs = qs.filter(activity__completed_on__gte=since)
        return (
            qs.values("themes__name")
            .exclude(themes__name=None)
            .annotate(findings=models.Count("pk"), activities=models.Count("activity", distinct=True))
            .order_by("-activities", "-findings")
        )


class Theme(models.Model):
    """A controlled vocabulary of learning themes, maintained by the business unit."""

    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    terms = models.TextField(
        "terms and phrases",
        blank=True,
        help_text="Other words for this theme, one a line: abbreviations, phrases practitioners use",
    )
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="theme_name_unique_ci")]

    def __str__(self):
        return self.name

    @property
    def term_list(self) -> list[str]:
        """The theme's terms and phrases, one a line, blank lines left out."""
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class Priority(models.Model):
    """A partnership priority that learning activities can be linked to."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(Lower("name"), name="priority_name_unique_ci")]

    def __str__(self):
        return self.name


class WorkforceGroup(models.Model):
    """A named group of the workforce a key message can target (GPs, schools' designated safeguarding
    leads, police response officers...)."""

    name = models.CharField(max_length=150)
    audience_group = models.ForeignKey(AudienceGroup, on_delete=models.SET_NULL, null=True, blank=True)
    is_active = models.BooleanField("active", default=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="workforce_group_name_unique_ci")]

    def __str__(self):
        return self.name


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CLOSED = "closed", "Closed"


class LearningActivityQuerySet(SignedInQuerySet):
    """The register holds no restricted details (they live in ChildDetails): every signed-in user reads it."""

    def with_register_counts(self, today):
        """What the register's rows show besides the findings and areas for improvement (counted on the
        activity when its findings are written: `finding_counts_update`, ADR 0047): slippage (the activity
        is a case review with a statutory deadline overdue on `today`)."""
        return self.annotate(
            deadline_overdue=models.Exists(
                Milestone.objects.overdue(today).filter(review__activity=models.OuterRef("pk"))
            ),
        )

    # What a register row shows, read as plain values (no model objects: ADR 0025).
    REGISTER_COLUMNS = (
        "pk",
        "title",
        "source_type__name",
        "started_on",
        "completed_on",
        "status",
        "owning_group__name",
        "finding_count",
        "improvement_count",
        "deadline_overdue",
    )

    def register_rows(self, today):
        """The register's rows as dicts of REGISTER_COLUMNS plus `provider_agencies`, the names of the
        agencies that provided each activity (by name): two queries whatever the number of rows."""
        rows = list(self.with_register_counts(today).values(*self.REGISTER_COLUMNS))
        names = {row["pk"]: [] for row in rows}
        providers = (
            LearningActivity.provider_agencies.through.objects.filter(learningactivity_id__in=names)
            .order_by("agency__name")
            .values_list("learningactivity_id", "agency__name")
        )
        for activity_id, name in providers:
            names[activity_id].append(name)
        for row in rows:
            row["provider_agencies"] = names[row["pk"]]
        return rows

    def finding_counts_update(self):
        """Count these activities' findings again and write the counts on them, in one UPDATE (ADR 0047):
        every write of a finding calls it for the finding's activity; the generator for every activity."""
        findings = Finding.objects.filter(activity=models.OuterRef("pk")).order_by().values("activity")
        improvements = findings.filter(kind=FindingKind.IMPROVEMENT)
        counted = findings.annotate(n=models.Count("pk")).values("n")
        improving = improvements.annotate(n=models.Count("pk")).values("n")
        return self.order_by().update(
            finding_count=Coalesce(models.Subquery(counted), 0),
            improvement_count=Coalesce(models.Subquery(improving), 0),
        )

    def completed_without_findings(self):
        """Completed or closed activities with no finding recorded, by the counts kept on write (ADR 0047):
        no join of every finding of the register to find the activities that have none."""
        return self.filter(status__in=[ActivityStatus.COMPLETED, ActivityStatus.CLOSED], finding_count=0)


class LearningActivity(models.Model):
    """One activity that yields learning: an inspection, an audit, a case review, a survey..."""

    title = models.CharField(max_length=200)
    source_type = models.ForeignKey(
        LearningSourceType, on_delete=models.PROTECT, related_name="activities", verbose_name="type"
    )
    description = models.TextField(blank=True)
    started_on = models.DateField("started", null=True, blank=True)
    completed_on = models.DateField("completed", null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED)
    # The register's counts, kept current by every write of a finding (ADR 0047).
    finding_count = models.PositiveIntegerField(default=0, editable=False)
    improvement_count = models.PositiveIntegerField("areas for improvement", default=0, editable=False)
    owning_group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="learning_activities",
        verbose_name="group that owns the learning",
    )
    provider_agencies = models.ManyToManyField(
        Agency, blank=True, related_name="learning_activities", verbose_name="provider agencies"
    )
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="activities", verbose_name="partnership priorities"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = LearningActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name_plural = "learning activities"
        # The register's sort orders (learning/filters.py SORTS): the database reads the first 50 in order
        # instead of sorting every activity (docs/adr/0025-page-cost-that-does-not-grow.md).
        indexes = [
            models.Index(fields=["started_on", "title"], name="activity_started_title"),
            models.Index(fields=["completed_on", "title"], name="activity_completed_title"),
            models.Index(fields=["status", "title"], name="activity_status_title"),
            models.Index(fields=["title"], name="activity_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(completed_on__gte=models.F("started_on")),
                name="activity_completed_after_started",
            )
        ]

    def __str__(self):
        return self.title

    COUNTS = ("finding_count", "improvement_count")  # written by finding_counts_update only

    def save(self, *args, **kwargs):
        """An edit of the activity writes its own fields, never the finding counts: the instance may have
        been read before a finding was added (ADR 0047)."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in self.COUNTS
            ]
        super().save(*args, **kwargs)

    def clean(self):
        if self.started_on and self.completed_on and self.completed_on < self.started_on:
            raise ValidationError({"completed_on": "The completion date must be on or after the start date"})


def generated_document_name(instance, filename):
    """Uploads are stored under a random name; the original name is kept in the record for display."""
    return random_name("activity-documents", filename)


class ActivityDocument(StoredFile):
    """A document attached to an activity, stored under a generated name; its type and size were checked."""

    activity = models.ForeignKey(LearningActivity, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=generated_document_name)

    class Meta(StoredFile.Meta):
        ordering = ["-uploaded_at"]


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength – do more of it"
    IMPROVEMENT = "improvement", "Area for improvement"


class FindingQuerySet(SignedInQuerySet):
    """Every signed-in user may read these."""

    def similar_to(self, finding, *, limit: int = 8):
        """Earlier findings from other activities that may describe the same practice problem as `finding`.

        Returns a list of `Suggestion(finding, shared theme names, why)`, most alike first: candidates come
        from the database's own full-text search (English stemming, the themes' terms and phrases added
        to the query) and from the themes `finding` is tagged with, then are re-ranked by shared themes,
        kind and recency (ADR 0024, learning/recurrence/suggestions.py). A fixed number of queries,
        whatever the number of findings."""
        from .recurrence.suggestions import suggestions_for

        return suggestions_for(finding, self, limit=limit)


class Finding(models.Model):
    activity = models.ForeignKey(LearningActivity, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField("finding")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    themes = models.ManyToManyField(Theme, blank=True, related_name="findings")
    recommendations = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    version = models.PositiveIntegerField(default=1, editable=False)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "pk"]

    def __str__(self):
        return self.text[:80]


class RecurrenceVerdict(models.TextChoices):
    SAME_ISSUE = "same_issue", "Same issue"
    NOT_RELATED = "not_related", "Not related"


class RecurrenceMarkQuerySet(SignedInQuerySet):
    """Every signed-in user may read these (the register is open to all)."""

    def confirmed(self):
        return self.filter(verdict=RecurrenceVerdict.SAME_ISSUE)

    def by_theme(self):
        """Confirmed recurrences per theme of the later finding: {theme name: count}, in one query."""
        rows = (
            self.confirmed()
            .exclude(finding__themes=None)
            .values("finding__themes__name")
            .annotate(count=models.Count("pk", distinct=True))
        )
        return {row["finding__themes__name"]: row["count"] for row in rows}


class RecurrenceMark(models.Model):
    """A chair's judgement on one suggestion: is the earlier finding the same practice problem as the
    later one ("same issue", a confirmed recurrence) or not? The marks are also the labelled data the
    suggestions are measured against (docs/performance.md)."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recurrence_marks")
    earlier = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(max_length=20, choices=RecurrenceVerdict.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    objects = RecurrenceMarkQuerySet.as_manager()

    class Meta:
        ordering = ["-marked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["finding", "earlier"], name="one_mark_per_suggestion"),
            models.CheckConstraint(condition=~Q(finding=models.F("earlier")), name="mark_two_findings"),
        ]

    def __str__(self):
        return f"{self.get_verdict_display()}: {self.earlier_id} → {self.finding_id}"

    def clean(self):
        if self.finding_id and self.finding_id == self.earlier_id:
            raise ValidationError("A finding cannot recur itself")


# --- Case reviews on the statutory clock ---


class ReviewKind(models.TextChoices):
    CHILD = "child", "Serious incident: rapid review and child safeguarding practice review"
    SAR = "sar", "Safeguarding adult review"
    DHR = "dhr", "Domestic homicide review"


class ReviewDecision(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    LOCAL_REVIEW = "local_review", "Hold a local review"
    NO_LOCAL_REVIEW = "no_local_review", "No local review"
    NATIONAL_REVIEW = "national_review", "Referred for a national review"


class Stage(models.TextChoices):
    """Where a case review stands: one definition, used for display and for filtering."""

    AWAITING_NOTIFICATION = "awaiting_notification", "Awaiting notification"
    RAPID_REVIEW = "rapid_review", "Rapid review"
    DECISION = "decision", "Decision"
    LOCAL_REVIEW = "local_review", "Local review in progress"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed without local review"


_PENDING = Q(decision=ReviewDecision.PENDING)
# In order: the first that holds is the review's stage; none holding means DECISION. The same rules in
# Python are `reviews.presenters.stage_of`.
STAGE_CONDITIONS = [
    (Stage.PUBLISHED, Q(published_on__isnull=False)),
    (Stage.CLOSED, Q(decision__in=[ReviewDecision.NO_LOCAL_REVIEW, ReviewDecision.NATIONAL_REVIEW])),
    (Stage.LOCAL_REVIEW, Q(decision=ReviewDecision.LOCAL_REVIEW)),
    (Stage.AWAITING_NOTIFICATION, _PENDING & Q(kind=ReviewKind.CHILD, panel_notified_on__isnull=True)),
    (Stage.RAPID_REVIEW, _PENDING & Q(kind=ReviewKind.CHILD, rapid_review_sent_on__isnull=True)),
]


class CaseReviewQuerySet(SignedInQuerySet):
    """Every signed-in user may read these."""

    def with_stage(self):
        """Annotate each review with `stage` (a Stage value), computed in the database."""
        return self.annotate(
            stage=models.Case(
                *[
                    models.When(condition, then=models.Value(stage.value))
                    for stage, condition in STAGE_CONDITIONS
                ],
                default=models.Value(Stage.DECISION.value),
                output_field=models.CharField(),
            )
        )

    def for_list(self, *, on=None):
        """Reviews with what the register of reviews shows: activity, stage, the next open milestone
        (soonest first: `next_label`, its rule's label, None when none is open, and `next_due_on`) and
        whether any is overdue on `on` (today by default). One query whatever the number of rows: the
        next milestone is two subqueries per row, not every open milestone read as objects."""
        on = on or timezone.localdate()
        next_open = Milestone.objects.open().filter(review=models.OuterRef("pk")).order_by("due_on", "pk")
        return (
            self.select_related("activity")
            # What the register shows, not every date, decision and the activity's description (ADR 0025).
            .only("pseudonym", "kind", "aware_on", "activity__title")
            .with_stage()
            .annotate(
                next_label=models.Subquery(next_open.values("rule__label")[:1]),
                next_due_on=models.Subquery(next_open.values("due_on")[:1]),
                is_overdue=models.Exists(Milestone.objects.overdue(on).filter(review=models.OuterRef("pk"))),
            )
        )

    def conversions(self):
        """Per calendar year of the rapid review being sent (or of awareness when not sent yet): how many
        rapid reviews, how many became local reviews, and the rate (None while none is decided)."""
        rows = (
            self.filter(kind=ReviewKind.CHILD)
            .annotate(year=ExtractYear(Coalesce("rapid_review_sent_on", "aware_on")))
            .values("year")
            .annotate(
                rapid_reviews=models.Count("pk"),
                local_reviews=models.Count("pk", filter=Q(decision=ReviewDecision.LOCAL_REVIEW)),
                undecided=models.Count("pk", filter=Q(decision=ReviewDecision.PENDING)),
            )
            .order_by("-year")
        )
        result = []
        for row in rows:
            decided = row["rapid_reviews"] - row["undecided"]
            row["rate"] = round(100 * row["local_reviews"] / decided) if decided else None
            result.append(row)
        return result


class CaseReview(models.Model):
    """The statutory record of a serious incident and the reviews that follow it. Identifying details of
    the child live in ChildDetails, never here: this record shows only the pseudonym."""

    activity = models.OneToOneField(LearningActivity, on_delete=models.CASCADE, related_name="case_review")
    kind = models.CharField(max_length=10, choices=ReviewKind.choices, default=ReviewKind.CHILD)
    pseudonym = models.CharField(
        max_length=50, help_text="How the review refers to the child, for example Child A"
    )
    aware_on = models.DateField("date the local authority became aware", null=True, blank=True)
    panel_notified_on = models.DateField("date the national Panel was notified", null=True, blank=True)
    rapid_review_sent_on = models.DateField(
        "date the rapid review was sent to the Panel", null=True, blank=True
    )
    panel_response_on = models.DateField("date of the Panel's response", null=True, blank=True)
    panel_response = models.TextField("the Panel's response", blank=True)
    decision = models.CharField(max_length=20, choices=ReviewDecision.choices, default=ReviewDecision.PENDING)
    decision_on = models.DateField("date of the decision", null=True, blank=True)
    criteria_improvements = models.BooleanField(
        "highlights improvements needed, including ones identified before", default=False
    )
    criteria_recurrent_themes = models.BooleanField("highlights recurrent themes", default=False)
    criteria_multi_agency = models.BooleanField(
        "highlights concerns about two or more agencies working together", default=False
    )
    criteria_panel_referred = models.BooleanField(
        "the Panel considered it and thought it better handled locally", default=False
    )
    decision_rationale = models.TextField("reasons for the decision", blank=True)
    reviewer = models.CharField("reviewer", max_length=200, blank=True)
    terms_of_reference_on = models.DateField("terms of reference agreed", null=True, blank=True)
    planned_publication_on = models.DateField("planned publication date", null=True, blank=True)
    sent_to_panel_on = models.DateField(
        "date the report went to the Panel and the Secretary of State", null=True, blank=True
    )
    published_on = models.DateField("date published", null=True, blank=True)
    delay_reasons = models.TextField("reasons for any delay", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CaseReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-aware_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.pseudonym}"

    def clean(self):
        errors = {}
        if self.aware_on and self.panel_notified_on and self.panel_notified_on < self.aware_on:
            errors["panel_notified_on"] = (
                "The notification date must be on or after the date the local authority became aware"
            )
        if (
            self.panel_notified_on
            and self.rapid_review_sent_on
            and self.rapid_review_sent_on < self.panel_notified_on
        ):
            errors["rapid_review_sent_on"] = "The rapid review cannot be sent before the Panel was notified"
        if (
            self.rapid_review_sent_on
            and self.panel_response_on
            and self.panel_response_on < self.rapid_review_sent_on
        ):
            errors["panel_response_on"] = "The Panel's response cannot come before the rapid review was sent"
        if self.sent_to_panel_on and self.published_on and self.published_on < self.sent_to_panel_on:
            errors["published_on"] = (
                "The publication date must be on or after the date the report went to the Panel"
            )
        if self.decision != ReviewDecision.PENDING and not self.decision_on:
            errors["decision_on"] = "Enter the date of the decision"
        if self.published_on and self.decision != ReviewDecision.LOCAL_REVIEW:
            errors["published_on"] = "Only a local review can be published: record the decision first"
        if errors:
            raise ValidationError(errors)


class ChildDetails(models.Model):
    """Restricted: the child's identifying details. Visible only to CSPR Panel members and business unit
    administrators, and every view is written to the audit trail. Never listed, exported or emailed."""

    review = models.OneToOneField(CaseReview, on_delete=models.CASCADE, related_name="child_details")
    child_name = models.CharField("child's name", max_length=200, blank=True)
    date_of_birth = models.DateField("date of birth", null=True, blank=True)
    address = models.TextField(blank=True)
    case_reference = models.CharField("case reference", max_length=100, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name_plural = "child details"

    def __str__(self):
        return f"Restricted details for review {self.review_id}"


class MonitoringEntry(models.Model):
    """Regulation 14: the partners monitor the time taken and the quality of the review at intervals."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="monitoring_entries")
    entry_on = models.DateField("date")
    note = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["entry_on", "pk"]
        verbose_name_plural = "monitoring entries"

    def __str__(self):
        return f"{self.entry_on}: {self.note[:60]}"


class DeadlineRule(RuleBase):
    """A statutory or local deadline rule for case reviews, kept as data the business unit can read and
    change: which milestone, how many working days, weeks or months, before or after which date of the
    review, and which date shows it was met (code, label, amount, unit, direction: core.deadlines
    .RuleBase)."""

    class Field(models.TextChoices):
        AWARE_ON = "aware_on", "the date the local authority became aware"
        PANEL_NOTIFIED_ON = "panel_notified_on", "the notification to the Panel"
        RAPID_REVIEW_SENT_ON = "rapid_review_sent_on", "the rapid review being sent"
        DECISION_ON = "decision_on", "the decision"
        PLANNED_PUBLICATION_ON = "planned_publication_on", "the planned publication date"
        SENT_TO_PANEL_ON = "sent_to_panel_on", "the report going to the Panel and Secretary of State"
        PUBLISHED_ON = "published_on", "publication"
        PANEL_RESPONSE_ON = "panel_response_on", "the Panel's response"

    review_kind = models.CharField(max_length=10, choices=ReviewKind.choices)
    starts_from = models.CharField(max_length=40, choices=Field.choices)
    done_when = models.CharField(max_length=40, choices=Field.choices)
    only_for_local_review = models.BooleanField(
        default=False, help_text="Applies only when a local review is held"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["review_kind", "position"]

    @property
    def description(self):
        return f"{self.period} {self.get_starts_from_display()}"


class MilestoneQuerySet(DeadlineQuerySet):
    """open, overdue, due_between and due_soon come from the deadline engine."""

    def overdue_activity_ids(self, *, on=None) -> set[int]:
        """Ids of the learning activities whose case review has a milestone overdue on `on` (today by
        default), in one query: for the register's slippage column and filter."""
        on = on or timezone.localdate()
        return set(self.overdue(on).values_list("review__activity_id", flat=True).distinct())


class Milestone(DeadlineBase):
    """A deadline of one review (due_on, done_on: core.deadlines.DeadlineBase), computed from its rule:
    kept in step by the case review services."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="milestones")
    rule = models.ForeignKey(DeadlineRule, on_delete=models.PROTECT, related_name="milestones")

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "rule"], name="one_milestone_per_rule")]

    def __str__(self):
        return f"{self.rule.label} ({self.review})"


# --- Summary of Learning (Appendix B) ---


class SummaryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted to the LDG"
    ACCEPTED = "accepted", "Accepted by the LDG"
    RETURNED = "returned", "Returned"


class SummaryQuerySet(SignedInQuerySet):
    def list_rows(self):
        """The list's rows as dicts (`pk`, `title`, `subgroup__name`, `status` with its `status_label`,
        `message_count`, `updated_at`): plain values, not whole summaries with every text field."""
        labels = dict(SummaryStatus.choices)
        rows = list(
            self.annotate(message_count=models.Count("key_messages")).values(
                "pk", "title", "subgroup__name", "status", "message_count", "updated_at"
            )
        )
        for row in rows:
            row["status_label"] = labels.get(row["status"], row["status"])
        return rows

    def waiting_for_ldg(self):
        return self.filter(status=SummaryStatus.SUBMITTED)


class SummaryOfLearning(models.Model):
    title = models.CharField(max_length=200)
    subgroup = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="summaries")
    activities = models.ManyToManyField(LearningActivity, related_name="summaries")
    activity_type = models.CharField("type of activity", max_length=300, blank=True)
    description = models.TextField("brief description of the activity and dates undertaken", blank=True)
    findings_summary = models.TextField("summary of findings", blank=True)
    status = models.CharField(max_length=20, choices=SummaryStatus.choices, default=SummaryStatus.DRAFT)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SummaryQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name_plural = "summaries of learning"
        # The learning trail lists key messages by their summary's title: with the messages' own index by
        # position, its first page is read in order instead of sorting every message.
        indexes = [models.Index(fields=["title"], name="learning_summary_title_idx")]

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.status in (SummaryStatus.DRAFT, SummaryStatus.RETURNED)


class SummaryEvent(models.Model):
    """Each step of a summary's workflow: who moved it, when, and why (for a return)."""

    summary = models.ForeignKey(SummaryOfLearning, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=SummaryStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=SummaryStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class KeyMessageQuerySet(SignedInQuerySet):
    """Every signed-in user may read these."""


class KeyMessage(models.Model):
    """A multi-agency key message: the spine of the learning trail."""

    summary = models.ForeignKey(SummaryOfLearning, on_delete=models.CASCADE, related_name="key_messages")
    text = models.TextField("key message")
    position = models.PositiveSmallIntegerField(default=0)
    audiences = models.ManyToManyField(
        AudienceGroup, blank=True, related_name="key_messages", verbose_name="audience groups"
    )
    workforce_groups = models.ManyToManyField(
        WorkforceGroup, blank=True, related_name="key_messages", verbose_name="workforce groups"
    )
    findings = models.ManyToManyField(Finding, blank=True, related_name="key_messages")

    objects = KeyMessageQuerySet.as_manager()

    class Meta:
        ordering = ["summary", "position", "pk"]
        indexes = [models.Index(fields=["summary", "position"], name="learning_keymessage_order_idx")]

    def __str__(self):
        return self.text[:80]
