"""Workforce development (seed 1.3, 2.1, 3.3, 4): the multi-agency training programme, the training pool of
trainers from partner agencies, practitioners' bookings and waiting lists, attendance, the three-stage
evaluation of impact on practice, and the email domains that let practitioners register themselves.

Reads are QuerySet methods here; writes are services (programme/, bookings/, practitioners/ services.py)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone

from learningloop.core.policy import Role
from learningloop.core.querysets import SignedInQuerySet


class CourseLevel(models.TextChoices):
    LEVEL_1 = "level_1", "Level 1: awareness"
    LEVEL_2 = "level_2", "Level 2: working together"
    LEVEL_3 = "level_3", "Level 3: specialist"
    LEVEL_4 = "level_4", "Level 4: leadership"


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    E_LEARNING = "e_learning", "E-learning"


class CourseQuerySet(SignedInQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def search(self, text):
        if not text:
            return self
        return self.filter(
            Q(title__icontains=text) | Q(learning_outcomes__icontains=text) | Q(audience__icontains=text)
        )


class Course(models.Model):
    """A course in the multi-agency training programme. The key messages it carries make each delivered
    session count as dissemination of them on the learning trail."""

    title = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=CourseLevel.choices, default=CourseLevel.LEVEL_2)
    learning_outcomes = models.TextField("learning outcomes")
    key_messages = models.ManyToManyField(
        "learning.KeyMessage", blank=True, related_name="courses", verbose_name="key messages carried"
    )
    duration_minutes = models.PositiveIntegerField(
        "duration in minutes", validators=[MinValueValidator(15), MaxValueValidator(60 * 24 * 5)]
    )
    format = models.CharField(max_length=20, choices=CourseFormat.choices, default=CourseFormat.IN_PERSON)
    audience = models.CharField(max_length=300, help_text="Who the course is for")
    is_active = models.BooleanField("offered", default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        constraints = [models.UniqueConstraint(Lower("title"), name="workforce_course_title_unique_ci")]

    def __str__(self):
        return self.title

    @property
    def duration_text(self):
        hours, minutes = divmod(self.duration_minutes, 60)
        parts = ([f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []) + (
            [f"{minutes} minutes"] if minutes else []
        )
        return " ".join(parts)


class TrainerQuerySet(SignedInQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def sessions_given_by_agency(self, start=None, end=None):
        """{agency name: sessions given} for the agency contribution scorecard: each delivered (not
        cancelled) session counts once for every agency that provided one of its trainers. One query, its
        sessions joined to their trainers (an `exclude` of sessions without trainers added an anti-join
        over every session ever held)."""
        sessions = TrainingSession.objects.delivered()
        if start:
            sessions = sessions.filter(date__gte=start)
        if end:
            sessions = sessions.filter(date__lte=end)
        rows = (
            sessions.filter(trainers__isnull=False)
            .values("trainers__person__agency__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by("trainers__person__agency__name")
        )
        return {row["trainers__person__agency__name"]: row["n"] for row in rows}


class Trainer(models.Model):
    """Someone from a partner agency in the training pool, and the courses they can deliver."""

    person = models.OneToOneField("partnership.Person", on_delete=models.PROTECT, related_name="trainer")
    courses = models.ManyToManyField(Course, blank=True, related_name="trainers", verbose_name="can deliver")
    notes = models.TextField(blank=True)
    is_active = models.BooleanField("in the pool", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = TrainerQuerySet.as_manager()

    class Meta:
        ordering = ["person__full_name", "pk"]

    def __str__(self):
        return f"{self.person.full_name} ({self.person.agency.display_name})"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class SessionQuerySet(SignedInQuerySet):
    def delivered(self):
        return self.filter(status=SessionStatus.SCHEDULED, date__lte=timezone.localdate())

    def upcoming(self, today=None):
        return self.filter(status=SessionStatus.SCHEDULED, date__gte=today or timezone.localdate())

    def upcoming_for(self, courses, today=None):
        """The upcoming sessions of these courses (a queryset of them), soonest first, with their places:
        found by the upcoming index (status, then date), so the cost follows the sessions to come, not the
        years of sessions the courses have had."""
        return self.upcoming(today).filter(course__in=courses).with_places().order_by("date", "start_time")

    def with_places(self):
        """Annotate `booked_count` (places taken: booked or offered) and `waiting_count`."""
        return self.annotate(
            booked_count=Count("bookings", filter=Q(bookings__status__in=TAKING_A_PLACE), distinct=True),
            waiting_count=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING), distinct=True),
        )

    def search(self, text):
        if not text:
            return self
        return self.filter(Q(course__title__icontains=text) | Q(venue__icontains=text))


class TrainingSession(models.Model):
    """One delivery of a course: when, where (a venue or a joining link), how many places, who trains."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=300, blank=True)
    joining_link = models.URLField("joining link", max_length=500, blank=True)
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(500)])
    trainers = models.ManyToManyField(Trainer, blank=True, related_name="sessions")
    joining_instructions = models.TextField("joining instructions", blank=True)
    status = models.CharField(max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        indexes = [
            models.Index(fields=["date", "status"], name="workforce_session_date_idx"),
            # The upcoming sessions (scheduled, from today): few, however many years of sessions went before.
            # Without it SQLite found a page of courses' upcoming sessions through the course index, walking
            # every past session of those courses (ADR 0025).
            models.Index(fields=["status", "date"], name="workforce_session_upcoming_idx"),
            # A course's sessions of one year (the annual review's key message gaps ask, for each message
            # due, whether a session of a course carrying it was held in the year; the course index alone
            # walked every session of the course since the first).
            models.Index(fields=["course", "status", "date"], name="workforce_session_course_idx"),
        ]

    def __str__(self):
        return f"{self.course.title}, {self.date:%-d %B %Y}"

    def clean(self):
        if not self.venue and not self.joining_link:
            raise ValidationError({"venue": "Enter a venue or a joining link"})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "The end time must be after the start time"})

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "On the waiting list"
    OFFERED = "offered", "Place offered"
    CANCELLED = "cancelled", "Cancelled"
    OFFER_LAPSED = "offer_lapsed", "Offer not taken up"
    # Released because the business unit cancelled the session (not the practitioner's own cancellation).
    SESSION_CANCELLED = "session_cancelled", "Session cancelled"


TAKING_A_PLACE = (BookingStatus.BOOKED, BookingStatus.OFFERED)
ACTIVE_BOOKING = (BookingStatus.BOOKED, BookingStatus.OFFERED, BookingStatus.WAITING)


class Attendance(models.TextChoices):
    ATTENDED = "attended", "Attended"
    LATE_CANCELLATION = "late_cancellation", "Late cancellation"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


NON_ATTENDANCE = (Attendance.LATE_CANCELLATION, Attendance.DID_NOT_ATTEND)


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A practitioner sees their own bookings; the business unit and the trainers see every booking
        (the views decide which of those may see a session's list)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if Role.PRACTITIONER in (user.roles or ()):
            return self.filter(practitioner=user)
        return self

    def active(self):
        return self.filter(status__in=ACTIVE_BOOKING)

    def waiting_in_order(self):
        return self.filter(status=BookingStatus.WAITING).order_by("joined_at", "pk")


class Booking(models.Model):
    """A practitioner's place on a session (or their place in its waiting list), and what happened."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="bookings")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    joined_at = models.DateTimeField(default=timezone.now)
    offered_at = models.DateTimeField(null=True, blank=True)
    offer_expires_on = models.DateField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(max_length=20, choices=Attendance.choices, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["session__date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "practitioner"],
                condition=Q(status__in=ACTIVE_BOOKING),
                name="workforce_one_active_booking_per_session",
            )
        ]
        indexes = [models.Index(fields=["session", "status"], name="workforce_booking_status_idx")]

    def __str__(self):
        return f"{self.practitioner} on {self.session}"

    @property
    def takes_a_place(self):
        return self.status in TAKING_A_PLACE


class EvaluationStage(models.TextChoices):
    BEFORE = "before", "Before the session"
    AFTER = "after", "Straight after the session"
    FOLLOW_UP = "follow_up", "6 to 8 weeks later, with your line manager"


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class Evaluation(models.Model):
    """One of the three stages of a practitioner's evaluation of a session: confidence and knowledge before,
    what was learned and confidence again straight after, what changed in practice 6–8 weeks later."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="evaluations")
    stage = models.CharField(max_length=20, choices=EvaluationStage.choices)
    confidence = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    knowledge = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    learned = models.TextField("what you learned", blank=True)
    practice_changed = models.BooleanField("practice changed", null=True, blank=True)
    practice_change = models.TextField("what changed in practice", blank=True)
    line_manager_name = models.CharField("line manager", max_length=150, blank=True)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["booking", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["booking", "stage"], name="workforce_one_evaluation_per_stage")
        ]

    def __str__(self):
        return f"{self.get_stage_display()} – {self.booking}"


def _tally():
    return models.PositiveIntegerField(default=0)


class TrainingFigures(models.Model):
    """What some training sessions' bookings and evaluations add up to: the figures a session's tally
    (SessionTally) holds and a course's year (YearCourseTally) sums."""

    # Bookings with status "booked": how many, how many marked, attended, not attended (late cancellation
    # or did not attend).
    booked = _tally()
    marked = _tally()
    attended = _tally()
    non_attended = _tally()
    # Attendance marked on bookings of any status (the review's table by course counts these).
    any_attended = _tally()
    any_non_attended = _tally()
    # Each evaluation stage of the "booked" bookings: responses, the sums and counts of the confidence and
    # knowledge given (1 to 5, either may be blank), and how many said their practice changed.
    before_responses = _tally()
    before_confidence_sum = _tally()
    before_confidence_n = _tally()
    before_knowledge_sum = _tally()
    before_knowledge_n = _tally()
    before_changed = _tally()
    after_responses = _tally()
    after_confidence_sum = _tally()
    after_confidence_n = _tally()
    after_knowledge_sum = _tally()
    after_knowledge_n = _tally()
    after_changed = _tally()
    follow_up_responses = _tally()
    follow_up_confidence_sum = _tally()
    follow_up_confidence_n = _tally()
    follow_up_knowledge_sum = _tally()
    follow_up_knowledge_n = _tally()
    follow_up_changed = _tally()
    # "Booked" bookings with a confidence both before and straight after, and the sum of (after − before).
    confidence_pairs = _tally()
    confidence_change_sum = models.IntegerField(default=0)

    class Meta:
        abstract = True


class SessionTally(TrainingFigures):
    """What one session's bookings and evaluations add up to: every figure the results (measures.Results),
    the annual training review's totals, its table by course and its evaluation stages show, so that those
    pages add up a row per session instead of reading every booking and evaluation (ADR 0043). The review's
    table by agency reads SessionAgencyTally. Both are written only by `tallies.session_tallies_update`,
    which counts the session again from its bookings in the same transaction as every write of a booking,
    an attendance mark, an evaluation or a practitioner's agency: recomputed, never incremented. The
    session's date, status, course and places are read from the session itself, so editing a session
    changes no tally (cancelling one does, through its bookings' statuses)."""

    session = models.OneToOneField(TrainingSession, on_delete=models.CASCADE, related_name="tally")
    # Bookings (of any status) marked attended with no follow-up evaluation: the home panel's follow-ups
    # owed, once the session's follow-up window has closed.
    follow_ups_owed = _tally()

    def __str__(self):
        return f"Tally of session {self.session_id}"


# An agency tally's key is its agency's id, or 0 for practitioners of no agency.
AGENCY_KEY_IS_THE_AGENCY = Q(agency__isnull=True, agency_key=0) | Q(agency_key=models.F("agency"))


class AgencyFigures(models.Model):
    """The booked places of some sessions by the practitioners' agency (or of no agency), and how many of
    them attended and did not: a session's (SessionAgencyTally) or a year's (YearAgencyTally)."""

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The agency's id, 0 for practitioners with none: the upsert's key, as a NULL never conflicts.
    agency_key = models.PositiveIntegerField()
    booked = _tally()
    attended = _tally()
    non_attended = _tally()

    class Meta:
        abstract = True


class SessionAgencyTally(AgencyFigures):
    """The "booked" places of one session by the practitioners' agency (or of no agency), and how many of
    them attended and did not: the annual training review's table by agency (ADR 0043). Kept with
    SessionTally by `tallies.session_tallies_update`; a session has a row per agency among its booked
    practitioners, by the agency each has now."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="agency_tallies", db_index=False
    )  # the unique (session, agency_key) index serves the lookups by session

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "agency_key"], name="workforce_tally_per_agency"),
            models.CheckConstraint(condition=AGENCY_KEY_IS_THE_AGENCY, name="workforce_tally_agency_key"),
        ]

    def __str__(self):
        return f"Tally of session {self.session_id} for agency {self.agency_id or 'none'}"


class YearCourseTally(TrainingFigures):
    """One course's scheduled sessions of one calendar year added up: how many, their places, and their
    SessionTally figures that the annual training review's totals, its table by course and its evaluation
    stages show (ADR 0049). The review reads a row per course, not a row per session of the year, so its
    cost follows the rows it shows, not the year's volume. Written only by `tallies.year_tallies_update`,
    recomputed from the year's sessions of that course in the transaction of every write that changes a
    session or its tallies."""

    year = models.PositiveSmallIntegerField()
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    sessions = _tally()
    places = _tally()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "course"], name="workforce_year_per_course")]

    def __str__(self):
        return f"Tally of course {self.course_id} in {self.year}"


class YearAgencyTally(AgencyFigures):
    """The "booked" places of one calendar year's scheduled sessions by the practitioners' agency (or of
    no agency), and how many attended and did not: the annual training review's table by agency, a row per
    agency (ADR 0049). Written only by `tallies.year_tallies_update`, from the sessions' SessionAgencyTally
    rows."""

    year = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "agency_key"], name="workforce_year_per_agency"),
            models.CheckConstraint(
                condition=AGENCY_KEY_IS_THE_AGENCY, name="workforce_year_tally_agency_key"
            ),
        ]

    def __str__(self):
        return f"Tally of agency {self.agency_id or 'none'} in {self.year}"


class AgencyEmailDomain(models.Model):
    """A work email domain of an agency the partnership knows: a practitioner registering with an address at
    this domain becomes a practitioner of the agency. The business unit adds (approves) each domain."""

    agency = models.ForeignKey("partnership.Agency", on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["domain"]
        constraints = [models.UniqueConstraint(Lower("domain"), name="workforce_email_domain_unique_ci")]

    def __str__(self):
        return self.domain


class PractitionerProfile(models.Model):
    """What a practitioner tells us when they register: their job and their line manager (who may be told
    of non-attendance and completes the follow-up evaluation with them)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner"
    )
    job_title = models.CharField("job title", max_length=200)
    manager_name = models.CharField("line manager's name", max_length=150, blank=True)
    manager_email = models.EmailField("line manager's work email", blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    def __str__(self):
        return str(self.user)


class TrainingSettings(models.Model):
    """The partnership's choices for its training programme (one row)."""

    partnership = models.OneToOneField(
        "partnership.Partnership", on_delete=models.CASCADE, related_name="training_settings"
    )
    cancellation_cutoff_working_days = models.PositiveSmallIntegerField(
        "cancellation cut-off in working days", default=3, validators=[MaxValueValidator(30)]
    )
    offer_working_days = models.PositiveSmallIntegerField(
        "working days to accept an offered place",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        "reminder this many working days before",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    tell_manager_of_non_attendance = models.BooleanField(
        "tell the line manager of non-attendance", default=True
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    def __str__(self):
        return f"Training settings of {self.partnership}"

    @classmethod
    def current(cls):
        """The partnership's settings (the defaults, unsaved, if it has none yet)."""
        from learningloop.partnership.models import Partnership

        found = cls.objects.select_related("partnership").order_by("pk").first()
        return found or cls(partnership=Partnership.current())


class CourseRequest(models.Model):
    """A request from an agency or a group for a course (seed 3.3: learning to be built into multi-agency
    training). Requests with no course delivered are gaps in the annual training review."""

    title = models.CharField("course asked for", max_length=200)
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="course_requests"
    )
    course = models.ForeignKey(
        Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )
    requested_on = models.DateField(default=timezone.localdate)
    reason = models.TextField(blank=True)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_on", "pk"]

    def __str__(self):
        return self.title


AUDITED = (Course, Trainer, TrainingSession, Booking, AgencyEmailDomain, TrainingSettings)
