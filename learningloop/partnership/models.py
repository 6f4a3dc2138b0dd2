"""The partnership's structure: agencies, people, groups with their terms of reference, memberships."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from learningloop.core.deadlines import DeadlineMixin, DeadlineQuerySet
from learningloop.core.querysets import SignedInQuerySet


class Partnership(models.Model):
    """The one partnership this installation serves (its name heads every page)."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=30)

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()


class StatutoryRole(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority (safeguarding partner)"
    POLICE = "police", "Police (safeguarding partner)"
    HEALTH = "health", "Health / Integrated Care Board (safeguarding partner)"
    RELEVANT_AGENCY = "relevant_agency", "Relevant agency"
    BUSINESS_UNIT = "business_unit", "Partnership business unit"


SAFEGUARDING_PARTNERS = (StatutoryRole.LOCAL_AUTHORITY, StatutoryRole.POLICE, StatutoryRole.HEALTH)


class Sector(models.TextChoices):
    LOCAL_GOVERNMENT = "local_government", "Local government"
    POLICING = "policing", "Policing"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education and early years"
    JUSTICE = "justice", "Probation and justice"
    HOUSING = "housing", "Housing"
    VOLUNTARY = "voluntary", "Voluntary and community"
    OTHER = "other", "Other"


# The Learning and Development Group is found by this part of its name (the preset calls it the
# "Learning and Development Group"; a partnership may have shortened it).
LDG_NAME = "Learning and Development"


class AgencyQuerySet(SignedInQuerySet):
    """The list of agencies is not confidential: every signed-in user may read it."""

    def active(self):
        return self.filter(is_active=True)

    def on_the_ldg(self, *, on=None):
        """Active agencies represented by a member of an active Learning and Development Group current
        on `on` (today by default); none if there is no such group."""
        seats = Membership.objects.current(on).filter(group__name__icontains=LDG_NAME, group__is_active=True)
        return self.filter(is_active=True, pk__in=seats.values("representing_id"))

    def search(self, text):
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(short_name__icontains=text))


class Agency(models.Model):
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, blank=True)
    sector = models.CharField(max_length=30, choices=Sector.choices, default=Sector.OTHER)
    statutory_role = models.CharField(
        max_length=30, choices=StatutoryRole.choices, default=StatutoryRole.RELEVANT_AGENCY
    )
    is_school = models.BooleanField("school", default=False)
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(Lower("name"), name="agency_name_unique_ci")]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @classmethod
    def deadline_open_q(cls):
        return Q(is_active=True)

    @property
    def deadline_done(self):
        return None

    @property
    def is_safeguarding_partner(self):
        return self.statutory_role in SAFEGUARDING_PARTNERS


class PersonQuerySet(SignedInQuerySet):
    def search(self, text):
        if not text:
            return self
        return self.filter(
            Q(full_name__icontains=text) | Q(job_title__icontains=text) | Q(email__icontains=text)
        )


class Person(models.Model):
    """Someone who takes part in the partnership's work; may or may not have a user account."""

    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    # The account, named through AUTH_USER_MODEL: partnership sits below accounts and never imports it
    # (docs/adr/0006-app-layers.md: accounts owns the user–person–agency link).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="person"
    )
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["full_name"], name="person_full_name")]  # the people list (ADR 0025)

    def __str__(self):
        return self.full_name


class QuorumRule(models.TextChoices):
    NONE = "none", "No quorum rule"
    SAFEGUARDING_PARTNERS = "safeguarding_partners", "All three safeguarding partners represented"
    MINIMUM_MEMBERS = "minimum_members", "A minimum number of members present"


class ChairRule(models.TextChoices):
    ANY_MEMBER = "any_member", "Any member"
    SAFEGUARDING_PARTNER = (
        "safeguarding_partner",
        ("A strategic lead from one of the three safeguarding partners (local authority, police or health)"),
    )


class GroupQuerySet(SignedInQuerySet, DeadlineQuerySet):
    """open, overdue and due_soon (the terms of reference review) come from the deadline engine."""

    def active(self):
        return self.filter(is_active=True)

    def with_member_count(self, on=None):
        """Each group with `member_count`, its memberships current on `on` (today by default). Counted in a
        subquery per group (its memberships by the group's index), not by joining and grouping every
        membership of the partnership with every column of the group."""
        current = (
            Membership.objects.filter(group=models.OuterRef("pk"))
            .current(on)
            .order_by()
            .values("group")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        count = models.Subquery(current, output_field=models.IntegerField())
        return self.annotate(member_count=Coalesce(count, 0))

    # What a row of the group list shows, read as plain values (ADR 0025).
    LIST_COLUMNS = ("pk", "name", "accountable_to__name", "meeting_frequency", "member_count",
                    "terms_review_due", "is_active")  # fmt: skip

    def list_rows(self):
        return self.with_member_count().values(*self.LIST_COLUMNS)

    def search(self, text):
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(short_name__icontains=text))

    def cspr_panel(self):
        """The group that handles child safeguarding practice reviews (the preset's CSPR Panel), or None."""
        from .preset import CSPR_PANEL

        return self.filter(name__iexact=CSPR_PANEL).first()


class Group(DeadlineMixin, models.Model):
    """A partnership group (Executive, subgroups, panels) and its terms of reference. The next review of
    its terms is a deadline in the one engine (due on terms_review_due while the group is active; doing
    the review moves the date on, so a group never shows a "done" review)."""

    deadline_due_field = "terms_review_due"
    deadline_done_field = None  # never done: each review sets the next

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=30, blank=True)
    purpose = models.TextField(blank=True)
    accountable_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="accountable_groups"
    )
    meeting_frequency = models.CharField(max_length=100, blank=True)
    papers_due_working_days = models.PositiveSmallIntegerField(
        "papers out, working days before the meeting", default=5
    )
    minutes_due_days = models.PositiveSmallIntegerField("minutes out, days after the meeting", default=14)
    quorum_rule = models.CharField(max_length=30, choices=QuorumRule.choices, default=QuorumRule.NONE)
    quorum_minimum = models.PositiveSmallIntegerField("minimum members for quorum", null=True, blank=True)
    terms_approved_on = models.DateField("terms of reference approved on", null=True, blank=True)
    terms_review_due = models.DateField(
        "terms of reference next review", null=True, blank=True, db_index=True
    )
    # Governance rules of the terms of reference (Appendix A §3-§8): how often the group meets, who may chair,
    # whether a deputy may come from another agency, and when the terms were last reviewed and what changed.
    meetings_every_months = models.PositiveSmallIntegerField(
        "meets every (months)", null=True, blank=True,
        help_text="Used to schedule the year's meetings; the LDG meets in alternate months in its first year",
    )  # fmt: skip
    chair_rule = models.CharField(
        "who may chair", max_length=30, choices=ChairRule.choices, default=ChairRule.ANY_MEMBER
    )
    deputies_from_other_agencies = models.BooleanField(
        "a deputy may come from another agency", default=False,
        help_text="If not, a deputy must work for the agency the member represents",
    )  # fmt: skip
    terms_last_reviewed_on = models.DateField("terms of reference last reviewed on", null=True, blank=True)
    terms_changes = models.TextField("what changed at the last review", blank=True)
    handles_case_reviews = models.BooleanField(
        "members see restricted case review details",
        default=False,
        help_text="For the CSPR Panel: its current members see identifying details of children in reviews",
    )
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="group_name_unique_ci")]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    @classmethod
    def deadline_open_q(cls):
        return Q(is_active=True)

    def clean(self):
        if self.quorum_rule == QuorumRule.MINIMUM_MEMBERS and not self.quorum_minimum:
            raise ValidationError({"quorum_minimum": "Enter the minimum number of members for quorum"})
        if (
            self.terms_approved_on
            and self.terms_review_due
            and self.terms_review_due < self.terms_approved_on
        ):
            raise ValidationError(
                {"terms_review_due": "The review date must be on or after the date the terms were approved"}
            )


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    DEPUTY_CHAIR = "deputy_chair", "Deputy chair"
    MEMBER = "member", "Member"
    OFFICER = "officer", "Officer"


class MembershipQuerySet(SignedInQuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on))

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(end_date__lt=on)

    def open_on(self, on):
        """Memberships still open on `on`: not ended, or ending after it (what ending a person or a group
        ends; one not started yet counts)."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gt=on))


class Membership(models.Model):
    """A person's seat on a group, the agency they represent there, and who may deputise for them."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    representing = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="memberships", verbose_name="agency represented"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    deputies = models.ManyToManyField(
        Person, blank=True, related_name="deputising_for", verbose_name="who may deputise"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["group__name", "role", "person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.group}"

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start_date <= today and (self.end_date is None or self.end_date >= today)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date must be on or after the start date"})
        if refusal := self.chair_refusal():
            raise ValidationError({"role": refusal})

    def chair_refusal(self) -> str:
        """Why this person may not chair (or deputy-chair) the group under its terms of reference, or ""."""
        if self.role not in (MembershipRole.CHAIR, MembershipRole.DEPUTY_CHAIR) or not self.group_id:
            return ""
        if self.group.chair_rule != ChairRule.SAFEGUARDING_PARTNER or not self.representing_id:
            return ""
        if self.representing.statutory_role in SAFEGUARDING_PARTNERS:
            return ""
        return (
            f"The terms of reference of {self.group.name} say the {self.get_role_display().lower()} "
            "must be a strategic lead from the local authority, police or health. "
            f"{self.representing.name} is not one of the three safeguarding partners"
        )


# --- The framework preset's lists (seed 2.1, 3.3, 4.1, Appendix C); editable by the business unit. ---


class PresetQuerySet(SignedInQuerySet):
    def active(self):
        return self.filter(is_active=True)


class PresetItem(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField("active", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PresetQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class LearningSourceType(PresetItem):
    """A kind of activity that yields learning, from the table in seed 2.1."""

    category = models.CharField(max_length=200)
    usual_providers = models.TextField(blank=True)
    owning_group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(PresetItem.Meta):
        constraints = [models.UniqueConstraint(Lower("name"), name="source_type_name_unique_ci")]


class DisseminationMethod(PresetItem):
    """A way of cascading learning through the partnership (seed 3.3)."""

    class Meta(PresetItem.Meta):
        constraints = [models.UniqueConstraint(Lower("name"), name="dissemination_method_name_unique_ci")]


class MonitoringProcess(PresetItem):
    """A way of monitoring the impact of changes (seed 4.1)."""

    category = models.CharField(max_length=200)

    class Meta(PresetItem.Meta):
        verbose_name_plural = "monitoring processes"
        constraints = [models.UniqueConstraint(Lower("name"), name="monitoring_process_name_unique_ci")]


class AudienceGroup(PresetItem):
    """One of the four audience groups of the Learning Dissemination Action Plan (Appendix C)."""

    class Meta(PresetItem.Meta):
        constraints = [models.UniqueConstraint(Lower("name"), name="audience_group_name_unique_ci")]
