"""The outcomes-based multi-agency dataset: indicators, what each provider agency owes per period (a
deadline in the one engine), the values they submit (with corrections kept), the story behind the curve,
and the evidence of impact that closes a key message's learning trail."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from learningloop.core.deadlines import DeadlineBase, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet
from learningloop.partnership.models import Agency


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_10K = "rate_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"


UNIT_SUFFIX = {Unit.COUNT: "", Unit.PERCENTAGE: "%", Unit.RATE_10K: "per 10,000", Unit.DAYS: "days"}


class Polarity(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    TERMLY = "termly", "Termly"
    ANNUAL = "annual", "Annual"


class Category(models.TextChoices):
    """The three questions of outcomes-based accountability (Friedman)."""

    HOW_MUCH = "how_much", "How much did we do?"
    HOW_WELL = "how_well", "How well did we do it?"
    BETTER_OFF = "better_off", "Is anyone better off?"


class IndicatorQuerySet(SignedInQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_list(self):
        return self.select_related("priority").prefetch_related("providers")

    def provided_by(self, agency_id):
        return self.filter(providers=agency_id)


class Indicator(models.Model):
    """One measure of the dataset, with how it is counted, its target and tolerance, who provides it and
    by when (`due_working_days` after each period ends)."""

    code = models.SlugField(max_length=60, unique=True, help_text="A short reference used in import files")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    counting = models.TextField("how it is counted", blank=True)
    numerator = models.CharField(
        "numerator", max_length=300, blank=True, help_text="For a rate or percentage"
    )
    denominator = models.CharField(
        "denominator", max_length=300, blank=True, help_text="For a rate or percentage"
    )
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    frequency = models.CharField(max_length=12, choices=Frequency.choices, default=Frequency.MONTHLY)
    category = models.CharField(
        "outcomes-based question", max_length=12, choices=Category.choices, default=Category.HOW_MUCH
    )
    providers = models.ManyToManyField(
        Agency, blank=True, related_name="indicators", verbose_name="provider agencies"
    )
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    tolerance = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="How far short of the target still counts as within tolerance",
    )
    priority = models.ForeignKey(
        "learning.Priority",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="partnership priority",
    )
    source = models.CharField(max_length=300, blank=True, help_text="For example a national return")
    due_working_days = models.PositiveSmallIntegerField(
        "data due, working days after the period ends", default=15
    )
    collect_from = models.DateField("collect data from periods starting", null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="indicator_name_unique_ci"),
            models.CheckConstraint(
                condition=Q(tolerance__isnull=True) | Q(tolerance__gte=0),
                name="indicator_tolerance_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_ratio(self) -> bool:
        return bool(self.numerator and self.denominator)

    @property
    def suffix(self) -> str:
        return UNIT_SUFFIX.get(self.unit, "")

    def clean(self):
        if self.tolerance is not None and self.target is None:
            raise ValidationError({"tolerance": "Enter a target before a tolerance"})
        if bool(self.numerator) != bool(self.denominator):
            raise ValidationError({"denominator": "Enter both the numerator and the denominator, or neither"})


class DataDueQuerySet(DeadlineQuerySet):
    def visible_to(self, user):
        from learningloop.core.policy import can

        if not getattr(user, "is_authenticated", False):
            return self.none()
        if can(user, "impact.view_all"):
            return self
        return self.filter(agency_id=user.agency_id)

    def late_or_missing(self, today):
        """Owed and not in by the due date, or in after it."""
        return self.filter(_missing(today) | CAME_IN_LATE)

    def came_in_late(self):
        """In after the due date (read from the partial index `data_due_late`)."""
        return self.filter(CAME_IN_LATE)

    def missing(self, today):
        """Owed and not in by the due date (read from the partial index `data_due_open`)."""
        return self.filter(_missing(today))


CAME_IN_LATE = Q(done_on__gt=models.F("due_on"))


def _missing(today):
    return Q(done_on__isnull=True, due_on__lt=today)


class DataDue(DeadlineBase):
    """What one provider agency owes for one period of one indicator: a deadline in the one engine, done
    when the value is submitted."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="dues")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="data_dues")
    period_start = models.DateField()
    period_end = models.DateField()

    objects = DataDueQuerySet.as_manager()

    class Meta(DeadlineBase.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "agency", "period_start"], name="data_due_once_per_period"
            )
        ]
        # The contribution scorecard's "data returns on time" per agency, read from the index alone.
        indexes = [models.Index(fields=["agency", "due_on", "done_on"], name="data_due_agency_on_time")]
        # The deadlines page asks for the open returns by due date: it reads the few open ones from this
        # index instead of scanning every return ever made (16 times as many at twice the partnership).
        indexes += [models.Index(fields=["due_on"], condition=Q(done_on__isnull=True), name="data_due_open")]
        # The late and missing returns page counts each agency's late returns from this index: the few late
        # ones among every return ever made, not all of them (performance.late_returns).
        indexes += [
            models.Index(
                fields=["agency", "period_start"],
                condition=CAME_IN_LATE,
                name="data_due_late",
            )
        ]

    def __str__(self):
        return f"{self.indicator} for {self.agency}, period from {self.period_start}"

    @property
    def scope_agency_id(self):
        return self.agency_id


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Submitted values are the partnership's shared dataset: every signed-in user reads them."""
        return self if getattr(user, "is_authenticated", False) else self.none()


class Submission(models.Model):
    """One provider agency's value for one period: the value (or numerator and denominator, from which it
    is computed), its analysis and commentary, who submitted it and when."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="submissions")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="submissions")
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    commentary = models.TextField("analysis and commentary", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period_start", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "agency", "period_start"], name="submission_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_start"], name="submission_by_period")]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.agency}, {self.period_start})"

    @property
    def scope_agency_id(self):
        return self.agency_id


class Correction(models.Model):
    """A submission as it was before someone corrected it, with who changed it, when and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="corrections")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    numerator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    commentary = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField("why it was corrected")

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.submission}: was {self.value}"


class Story(models.Model):
    """The story behind the curve ("turn the curve"): what is helping, what is hurting, what works, and
    what the partners will do, the last as improvement actions."""

    indicator = models.OneToOneField(Indicator, on_delete=models.CASCADE, related_name="story")
    helping = models.TextField("what is helping", blank=True)
    hurting = models.TextField("what is hurting", blank=True)
    what_works = models.TextField("what works", blank=True)
    plan = models.TextField("what the partners will do", blank=True)
    actions = models.ManyToManyField(
        "improvement.Action", blank=True, related_name="impact_stories", verbose_name="improvement actions"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"

    def __str__(self):
        return f"The story behind {self.indicator}"


class EvidenceQuerySet(SignedInQuerySet):
    def went_the_desired_way(self):
        return self.filter(desired=True)


class ImpactEvidence(models.Model):
    """A key message's evidence of impact: an indicator's partnership value in a baseline period and in a
    follow-up period. When the change went the desired way, the key message's trail is evidenced."""

    key_message = models.ForeignKey(
        "learning.KeyMessage", on_delete=models.CASCADE, related_name="impact_evidence"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="evidence")
    baseline_start = models.DateField("baseline period")
    followup_start = models.DateField("follow-up period")
    # Worked out by performance.services.impact_evidence_update whenever the indicator's values change.
    baseline_value = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, editable=False
    )
    followup_value = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, editable=False
    )
    desired = models.BooleanField("went the desired way", null=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["key_message", "indicator", "pk"]
        verbose_name_plural = "impact evidence"
        constraints = [
            models.UniqueConstraint(fields=["key_message", "indicator"], name="impact_evidence_once"),
            models.CheckConstraint(
                condition=Q(followup_start__gt=models.F("baseline_start")), name="followup_after_baseline"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} for “{self.key_message}”"

    def clean(self):
        if self.baseline_start and self.followup_start and self.followup_start <= self.baseline_start:
            raise ValidationError(
                {"followup_start": "The follow-up period must come after the baseline period"}
            )


class PeriodTotalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The partnership's shared dataset added up: every signed-in user reads it, as the values."""
        return self if getattr(user, "is_authenticated", False) else self.none()


class PeriodTotal(models.Model):
    """One indicator's submissions for one period added up: all that the partnership's value needs
    (measures.Totals), for every agency and for the schools alone (the indicator page's "All schools"
    series). Kept current by services.period_totals_update inside every write of a submission, so the
    dashboard, the indicator pages, the yearly report and the feed read one row per indicator and period
    instead of adding up every agency's values on each request (ADR 0040)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="period_totals")
    period_start = models.DateField()
    period_end = models.DateField()
    count = models.PositiveIntegerField(default=0)
    value = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    numerator = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    denominator = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    # Submissions without a numerator and a non-zero denominator: the pooled ratio needs none.
    gaps = models.PositiveIntegerField(default=0)
    school_count = models.PositiveIntegerField(default=0)
    school_value = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    school_numerator = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    school_denominator = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    school_gaps = models.PositiveIntegerField(default=0)

    objects = PeriodTotalQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start"], name="period_total_once")
        ]

    def __str__(self):
        return f"{self.indicator}, period from {self.period_start}: {self.count} values"
