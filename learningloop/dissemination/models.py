"""From learning to practice: the Learning Dissemination Action Plan (Appendix C) and its tracked
communications, learning briefings and newsletter items, and formal requests to agencies to embed
learning (seed 3.5) with each agency's response."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from learningloop.core.deadlines import (
    DeadlineMixin,
    DeadlineQuerySet,
    Direction,
    Unit,
    compute_due,
    is_overdue,
)
from learningloop.core.files import random_name
from learningloop.core.pagination import GroupedRows
from learningloop.core.querysets import SignedInQuerySet
from learningloop.core.stored_files import StoredFile
from learningloop.learning.models import CaseReview, KeyMessage, SummaryOfLearning
from learningloop.partnership.models import Agency, AudienceGroup, DisseminationMethod, Person

# --- Learning Dissemination Action Plan (Appendix C) ---


class PlanQuerySet(SignedInQuerySet):
    def list_rows(self, today):
        """The list's rows as dicts: `pk`, `summary__title`, `summary__subgroup__name`, `message_count` and
        the communication counts (`communication_count`, `done_count`, `open_count`, `overdue_count`).
        Two queries, each counting over these plans' own rows (one count per table, never the product of
        message plans × audiences × communications that a joined COUNT(DISTINCT) walks): the plans with
        their message count (a subquery per row, on the message plans' plan index), then their
        communications grouped by the plan each carries (ADR 0046: one table, no join through the audience
        rows); plain values rather than whole plans and summaries."""
        messages = (
            MessagePlan.objects.filter(plan=models.OuterRef("pk"))
            .order_by()
            .values("plan")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        rows = list(
            self.annotate(message_count=Coalesce(models.Subquery(messages), 0)).values(
                "pk", "summary__title", "summary__subgroup__name", "message_count"
            )
        )
        pks = [row["pk"] for row in rows]
        open_ = Q(status__in=[CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS])
        counts = {
            row["plan"]: row
            for row in Communication.objects.filter(plan__in=pks)
            .order_by()
            .values("plan")
            .annotate(
                communication_count=models.Count("pk"),
                done_count=models.Count("pk", filter=Q(status=CommunicationStatus.DONE)),
                open_count=models.Count("pk", filter=open_),
                overdue_count=models.Count("pk", filter=open_ & Q(due_on__lt=today)),
            )
        }
        none = {"communication_count": 0, "done_count": 0, "open_count": 0, "overdue_count": 0}
        for row in rows:
            found = counts.get(row["pk"], none)
            row.update({key: found[key] for key in none})
        return rows


class DisseminationPlan(models.Model):
    """The LDG's plan for getting an accepted Summary of Learning's key messages to each audience."""

    summary = models.OneToOneField(
        SummaryOfLearning, on_delete=models.PROTECT, related_name="dissemination_plan"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Indexed: the annual training review finds the plans written in its year (ADR 0048).
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Dissemination plan: {self.summary}"


class MessagePlan(models.Model):
    """For one key message: its purpose (the first column of Appendix C)."""

    plan = models.ForeignKey(DisseminationPlan, on_delete=models.CASCADE, related_name="message_plans")
    key_message = models.ForeignKey(KeyMessage, on_delete=models.PROTECT, related_name="message_plans")
    purpose = models.TextField("purpose of the key message", blank=True)

    class Meta:
        ordering = ["key_message__position", "key_message__pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key_message"], name="one_plan_row_per_message")
        ]

    def __str__(self):
        return f"{self.key_message} ({self.plan_id})"


class AudiencePlan(models.Model):
    """For one key message and one of the four audience groups: the methods and the measures of success."""

    message_plan = models.ForeignKey(MessagePlan, on_delete=models.CASCADE, related_name="audience_plans")
    audience = models.ForeignKey(AudienceGroup, on_delete=models.PROTECT, related_name="audience_plans")
    methods = models.ManyToManyField(DisseminationMethod, blank=True, related_name="audience_plans",
                                     verbose_name="communication methods")  # fmt: skip
    measures_of_success = models.TextField("measures of success", blank=True)

    class Meta:
        ordering = ["audience__position", "audience__pk"]
        constraints = [
            models.UniqueConstraint(fields=["message_plan", "audience"], name="one_row_per_message_audience")
        ]

    def __str__(self):
        return f"{self.audience} – {self.message_plan}"


class CommunicationStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


OPEN_COMMUNICATION_STATUSES = (CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS)


class CommunicationQuerySet(SignedInQuerySet, DeadlineQuerySet):
    """open, overdue, due_between and due_soon come from the deadline engine (core.deadlines)."""


class Communication(DeadlineMixin, models.Model):
    """One planned communication: a tracked item with an owner, a due date, a status and its reach. It is a
    deadline in the one engine (due_on, done_on; open while planned or in progress)."""

    audience_plan = models.ForeignKey(AudiencePlan, on_delete=models.CASCADE, related_name="communications")
    # The plan the audience row belongs to, kept with the communication so that the plans list counts a
    # page's communications on this table alone, without joining every audience and message row
    # (docs/adr/0046-communications-carry-their-plan.md). Filled in by save() from the audience row, which
    # never moves to another plan; bulk writes set it themselves.
    plan = models.ForeignKey(
        DisseminationPlan, on_delete=models.CASCADE, related_name="communications", editable=False
    )
    method = models.ForeignKey(DisseminationMethod, on_delete=models.PROTECT, related_name="communications")
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="communications"
    )
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("due date", db_index=True)
    status = models.CharField(
        max_length=20, choices=CommunicationStatus.choices, default=CommunicationStatus.PLANNED
    )
    done_on = models.DateField("date done", null=True, blank=True)
    people_attending = models.PositiveIntegerField(null=True, blank=True)
    recipients = models.PositiveIntegerField(null=True, blank=True)
    downloads_or_views = models.PositiveIntegerField("downloads or views", null=True, blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CommunicationQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False), name="communication_done_has_date"
            )
        ]

    def __str__(self):
        return self.description

    def save(self, *args, **kwargs):
        if self.plan_id is None and self.audience_plan_id is not None:
            self.plan_id = self.audience_plan.message_plan.plan_id
        super().save(*args, **kwargs)

    @classmethod
    def deadline_open_q(cls):
        return Q(status__in=OPEN_COMMUNICATION_STATUSES)

    @property
    def reach(self):
        return sum(v or 0 for v in (self.people_attending, self.recipients, self.downloads_or_views))


# --- Learning briefings and newsletter items ---


class BriefingKind(models.TextChoices):
    SEVEN_MINUTE = "seven_minute", "7-minute briefing"
    LEARNING_BRIEFING = "learning_briefing", "Learning briefing"
    NEWSLETTER_ITEM = "newsletter_item", "Newsletter item"


class BriefingStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    READY = "ready", "Ready for publication"


class BriefingQuerySet(SignedInQuerySet):
    def with_key_message_count(self):
        return self.annotate(key_message_count=models.Count("key_messages"))

    def ready(self):
        return self.filter(status=BriefingStatus.READY)


class Briefing(models.Model):
    """A learning briefing (for example a 7-minute briefing) or newsletter item built from key messages.
    Rich text is sanitised on save. Publication on the public learning hub comes later: `status` READY and
    `published_at` are what that will read."""

    kind = models.CharField(max_length=30, choices=BriefingKind.choices, default=BriefingKind.SEVEN_MINUTE)
    title = models.CharField(max_length=200)
    key_messages = models.ManyToManyField(KeyMessage, blank=True, related_name="briefings")
    background = models.TextField(blank=True)
    why_it_matters = models.TextField("why it matters", blank=True)
    key_information = models.TextField("key information", blank=True)
    things_to_remember = models.TextField("things to remember", blank=True)
    what_to_do = models.TextField("what to do", blank=True)
    reflective_questions = models.TextField("reflective questions", blank=True)
    status = models.CharField(max_length=20, choices=BriefingStatus.choices, default=BriefingStatus.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = BriefingQuerySet.as_manager()

    RICH_TEXT_FIELDS = (
        "background",
        "why_it_matters",
        "key_information",
        "things_to_remember",
        "what_to_do",
        "reflective_questions",
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title


# --- Formal requests to agencies (seed 3.5), and requests to agencies for information (seed 1.3) ---


class RequestQuerySet(models.QuerySet):
    def to_embed(self):
        """Requests to embed learning only (not requests for information, which share the model)."""
        return self.filter(kind=RequestKind.EMBEDDING)

    def visible_to(self, user):
        """The business unit, chairs and the scrutineer see every request; agency users only requests
        sent to their agency."""
        from learningloop.core.policy import can

        if not user.is_authenticated:
            return self.none()
        if can(user, "embedding.view_all"):
            return self
        return self.filter(responses__agency_id=user.agency_id).distinct()


class RequestKind(models.TextChoices):
    EMBEDDING = "embedding", "Request to embed learning"
    INFORMATION = "information", "Request for information"


class EmbeddingRequest(models.Model):
    """A formal request from the business unit to chosen agencies, answered by each agency through the same
    request-and-response mechanism (ADR 0034): a request to embed one or more key messages (the agency says
    where and how), or a request for information (for example each agency's chronology and summary for a
    rapid review, or a LADO or private fostering annual report: the agency gives the information and files).
    Key messages belong to embedding requests only; an information request may name the case review it is
    for."""

    kind = models.CharField(max_length=20, choices=RequestKind.choices, default=RequestKind.EMBEDDING)
    title = models.CharField(max_length=200)
    key_messages = models.ManyToManyField(KeyMessage, blank=True, related_name="embedding_requests")
    case_review = models.ForeignKey(
        CaseReview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
        verbose_name="case review",
    )
    message = models.TextField("what the business unit asks", blank=True)
    due_working_days = models.PositiveSmallIntegerField("working days to respond", default=20)
    due_on = models.DateField("responses due", db_index=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_information(self) -> bool:
        return self.kind == RequestKind.INFORMATION

    @staticmethod
    def due_on_for(working_days: int, *, sent_on=None):
        """Responses are due `working_days` working days after the request is sent (`sent_on`, today by
        default), counted by the deadline engine."""
        return compute_due(sent_on or timezone.localdate(), working_days, Unit.WORKING_DAYS, Direction.AFTER)


class ResponseStatus(models.TextChoices):
    SENT = "sent", "Sent"
    VIEWED = "viewed", "Viewed"
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    ACCEPTED = "accepted", "Accepted"
    MORE_INFORMATION = "more_information", "More information requested"


OPEN_RESPONSE_STATUSES = (
    ResponseStatus.SENT,
    ResponseStatus.VIEWED,
    ResponseStatus.DRAFT,
    ResponseStatus.MORE_INFORMATION,
)


class ResponseQuerySet(DeadlineQuerySet):
    """open (= outstanding), overdue, due_between and due_soon come from the deadline engine."""

    def to_embed(self):
        """Responses to requests to embed learning only (not to requests for information)."""
        return self.filter(request__kind=RequestKind.EMBEDDING)

    def visible_to(self, user):
        from learningloop.core.policy import can

        if not user.is_authenticated:
            return self.none()
        if can(user, "embedding.view_all"):
            return self
        return self.filter(agency_id=user.agency_id)

    def outstanding(self):
        return self.open()

    def outstanding_by_agency(self, today, counts):
        """The outstanding responses in the order the page lists them: agencies with the most overdue
        first (then by name), and within an agency the overdue ones first, soonest due first.
        `counts` is `outstanding_counts(today)`. Read a page at a time (core.pagination.GroupedRows): the
        agencies' order comes from their counts, and only the page's agencies' responses are sorted."""
        names = dict(Agency.objects.filter(pk__in=list(counts)).values_list("pk", "name"))
        order = sorted(counts, key=lambda pk: (-counts[pk][1], names.get(pk, ""), pk))
        late = models.Case(
            models.When(AgencyResponse.deadline_overdue_q(today), then=models.Value(1)),
            default=models.Value(0),
        )

        def rows_for(agencies):
            place = models.Case(
                *(models.When(agency_id=pk, then=models.Value(i)) for i, pk in enumerate(agencies)),
                default=models.Value(len(agencies)),
            )
            return (
                self.outstanding()
                .filter(agency_id__in=agencies)
                .annotate(late=late, place=place)
                .select_related("request", "agency")
                # Only what the page shows and the status needs, not every answer's text (ADR 0025).
                .only("status", "request__title", "request__kind", "request__due_on", "agency__name")
                .order_by("place", "-late", "request__due_on", "pk")
            )

        return GroupedRows([(pk, counts[pk][0]) for pk in order], rows_for)

    def outstanding_counts(self, today, agency_ids=None):
        """{agency id: (outstanding, overdue)}, for the agencies given (or every agency): one query."""
        rows = self.outstanding()
        if agency_ids is not None:
            rows = rows.filter(agency_id__in=agency_ids)
        rows = rows.values("agency").annotate(
            n=models.Count("pk"), late=models.Count("pk", filter=AgencyResponse.deadline_overdue_q(today))
        )
        return {row["agency"]: (row["n"], row["late"]) for row in rows}


def response_done_on(status, submitted_at):
    """The date a response was submitted; none while it is open (more information was asked for)."""
    if status in OPEN_RESPONSE_STATUSES or submitted_at is None:
        return None
    return timezone.localdate(submitted_at)


class AgencyResponse(DeadlineMixin, models.Model):
    """One agency's answer to a request. To embed learning: where the learning will be embedded, what will
    support the improvement, how and by when the agency will evaluate it. For information: the information
    given. Either way with evidence files. It is a deadline in the one
    engine: due by the request's due date, done when submitted, open again if more is asked for."""

    deadline_due_field = "request__due_on"
    deadline_done_field = "submitted_at"

    request = models.ForeignKey(EmbeddingRequest, on_delete=models.CASCADE, related_name="responses")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="embedding_responses")
    status = models.CharField(max_length=20, choices=ResponseStatus.choices, default=ResponseStatus.SENT)
    first_viewed_at = models.DateTimeField(null=True, blank=True)
    where_embedded = models.TextField(
        "where in the agency's processes and procedures it will be embedded", blank=True
    )
    mechanisms = models.TextField("mechanisms that will support the improvement", blank=True)
    evaluation = models.TextField("how the agency will evaluate whether it worked", blank=True)
    evaluate_by = models.DateField("evaluation date", null=True, blank=True)
    information = models.TextField("the information the agency gives", blank=True)  # information requests
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_note = models.TextField("what more is needed", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["request", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["request", "agency"], name="one_response_per_agency")]
        # The deadlines page and the outstanding list ask for the open responses: read from this index
        # rather than by scanning every response ever received.
        indexes = [models.Index(fields=["status", "request"], name="response_open_by_request")]

    def __str__(self):
        return f"{self.agency} – {self.request}"

    @property
    def scope_agency_id(self):
        return self.agency_id

    @classmethod
    def deadline_open_q(cls):
        return Q(status__in=OPEN_RESPONSE_STATUSES)

    @property
    def deadline_done(self):
        return response_done_on(self.status, self.submitted_at)

    def is_overdue(self, today=None):
        """The engine's rule (core.deadlines.is_overdue), as ResponseQuerySet.overdue() is in the database."""
        today = today or timezone.localdate()
        return self.status in OPEN_RESPONSE_STATUSES and is_overdue(self.request.due_on, today)


def evidence_name(instance, filename):
    return random_name("response-evidence", filename)


class ResponseEvidence(StoredFile):
    """A file an agency attaches to its response (for example a completed 7-minute briefing action sheet)."""

    response = models.ForeignKey(AgencyResponse, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_name)

    class Meta(StoredFile.Meta):
        pass


AUDITED = (
    DisseminationPlan,
    MessagePlan,
    AudiencePlan,
    Communication,
    Briefing,
    EmbeddingRequest,
    AgencyResponse,
    ResponseEvidence,
)
