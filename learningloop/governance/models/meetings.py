"""Meetings of a partnership group (Appendix A §3-§8): when and where, the agenda and its papers, the two
deadlines the terms of reference set (papers out before, minutes out after, both in the one deadline
engine), who attended, whether the meeting was quorate, the decisions taken and the actions agreed (each
an improvement action whose plan's source is the meeting)."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from learningloop.core.deadlines import DeadlineBase, DeadlineQuerySet
from learningloop.core.files import random_name
from learningloop.core.querysets import SignedInQuerySet
from learningloop.core.stored_files import StoredFile
from learningloop.improvement.models import ActionPlan
from learningloop.learning.models import KeyMessage, LearningActivity
from learningloop.partnership.models import Group, Membership, Person


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class MeetingQuerySet(SignedInQuerySet):
    def held(self, today=None):
        """Meetings that took place: not cancelled, on or before today."""
        today = today or timezone.localdate()
        return self.filter(status=MeetingStatus.SCHEDULED, date__lte=today)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=MeetingStatus.SCHEDULED, date__gte=today)

    def between(self, start, end):
        return self.filter(date__gte=start, date__lte=end)

    def for_person(self, person_id):
        """Meetings of the groups the person sits on, while they sit on them."""
        seats = Membership.objects.filter(person_id=person_id)
        q = Q(pk__in=[])
        for group_id, start, end in seats.values_list("group_id", "start_date", "end_date"):
            seat = Q(group_id=group_id, date__gte=start)
            if end:
                seat &= Q(date__lte=end)
            q |= seat
        return self.filter(q)


def meeting_title(group_name, date):
    """ "Safeguarding Partnership Executive meeting, 3 March 2027" (a group's short name where it has one)."""
    return f"{group_name} meeting, {date.day} {date:%B %Y}"


class Meeting(models.Model):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField(null=True, blank=True)
    place = models.CharField("place", max_length=200, blank=True)
    online_link = models.URLField("online meeting link", max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED)
    cancelled_reason = models.CharField("why it was cancelled", max_length=300, blank=True)
    pack_published_on = models.DateField("agenda and papers sent out on", null=True, blank=True)
    minutes_sent_on = models.DateField("minutes sent out on", null=True, blank=True)
    minutes_notes = models.TextField("minutes", blank=True)
    # None until attendance is recorded after the meeting; then whether it was quorate.
    quorate = models.BooleanField(null=True, blank=True)
    # The improvement plan holding the actions agreed at this meeting (its source is the meeting).
    action_plan = models.OneToOneField(
        ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting"
    )
    # iCalendar: each change of date, time, place or status raises the sequence so calendars update.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes_sent_on__isnull=True) | Q(minutes_sent_on__gte=models.F("date")),
                name="meeting_minutes_after_meeting",
            )
        ]

    def __str__(self):
        return meeting_title(self.group.display_name, self.date)

    @property
    def title(self):
        return str(self)

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    def has_happened(self, today=None):
        return not self.is_cancelled and self.date <= (today or timezone.localdate())

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        end = (
            self.end_time
            or (datetime.datetime.combine(self.date, self.start_time) + datetime.timedelta(hours=2)).time()
        )
        return timezone.make_aware(datetime.datetime.combine(self.date, end))

    # --- Reads about one meeting ---

    def seats(self):
        """The group's memberships current on the meeting's date: who is expected."""
        return Membership.objects.current(self.date).filter(group_id=self.group_id)

    def seat_presence(self, *, after: bool):
        """(statutory role of the agency represented, represented?) per seat, for quorum: after the
        meeting from what was recorded; before it from expected attendance (no record yet: expected)."""
        recorded = dict(self.attendance.values_list("membership_id", "status"))
        counted = REPRESENTED_AFTER if after else REPRESENTED_BEFORE
        rows = self.seats().values_list("pk", "representing__statutory_role")
        default = None if after else AttendanceStatus.EXPECTED
        return [(role, recorded.get(pk, default) in counted) for pk, role in rows]

    def deadline_dates(self) -> dict:
        """The papers and minutes due dates the group's terms of reference give this meeting."""
        from learningloop.core.deadlines import Direction, Unit, compute_due

        group = self.group
        return {
            MeetingDeadlineKind.PAPERS: compute_due(
                self.date, group.papers_due_working_days, Unit.WORKING_DAYS, Direction.BEFORE
            ),
            MeetingDeadlineKind.MINUTES: compute_due(
                self.date, group.minutes_due_days, Unit.CALENDAR_DAYS, Direction.AFTER
            ),
        }

    def paper_is_late(self, on: datetime.date) -> bool:
        return on > self.deadline_dates()[MeetingDeadlineKind.PAPERS]

    def clean(self):
        errors = {}
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            errors["end_time"] = "The end time must be after the start time"
        if self.minutes_sent_on and self.date and self.minutes_sent_on < self.date:
            errors["minutes_sent_on"] = "The minutes cannot be dated before the meeting"
        if errors:
            raise ValidationError(errors)


class MeetingDeadlineKind(models.TextChoices):
    PAPERS = "papers", "Agenda and papers out"
    MINUTES = "minutes", "Minutes out"


class MeetingDeadlineQuerySet(DeadlineQuerySet, SignedInQuerySet):
    pass


class MeetingDeadline(DeadlineBase):
    """The agenda and papers (so many working days before the meeting) and the minutes (so many days
    after), from the group's terms of reference. Open while not done and the meeting is not cancelled."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=20, choices=MeetingDeadlineKind.choices)

    objects = MeetingDeadlineQuerySet.as_manager()

    class Meta(DeadlineBase.Meta):
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind"], name="one_meeting_deadline_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.meeting}"

    @classmethod
    def deadline_open_q(cls):
        return Q(done_on__isnull=True) & Q(meeting__status=MeetingStatus.SCHEDULED)


def agenda_paper_name(instance, filename):
    return random_name("meeting-papers", filename)


class AgendaItem(models.Model):
    """One item on a meeting's agenda: who brings it, its paper, and what it concerns."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    learning_activity = models.ForeignKey(
        LearningActivity, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    key_message = models.ForeignKey(
        KeyMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    action_plan = models.ForeignKey(
        ActionPlan, on_delete=models.SET_NULL, null=True, blank=True, related_name="agenda_items"
    )
    report_link = models.URLField("link to a report", max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SignedInQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class AgendaPaper(StoredFile):
    """A paper for an agenda item. `late`: it arrived after the agenda and papers were due."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    file = models.FileField(upload_to=agenda_paper_name)
    late = models.BooleanField(default=False)

    class Meta(StoredFile.Meta):
        pass


class AttendanceStatus(models.TextChoices):
    EXPECTED = "expected", "Expected to attend"
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    DEPUTY = "deputy", "Represented by a deputy"
    ABSENT = "absent", "Absent without apologies"


# Represented at the meeting (after it) or expected to be (before it).
REPRESENTED_AFTER = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY})
REPRESENTED_BEFORE = frozenset({AttendanceStatus.EXPECTED, AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY})


class Attendance(models.Model):
    """A member's attendance at one meeting (one row per seat)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(
        max_length=20, choices=AttendanceStatus.choices, default=AttendanceStatus.EXPECTED
    )
    apology_reason = models.CharField("reason for apologies", max_length=300, blank=True)
    deputy = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["membership__person__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "membership"], name="one_attendance_per_seat"),
            models.CheckConstraint(
                condition=~Q(status="deputy") | Q(deputy__isnull=False), name="deputy_named"
            ),
        ]

    def __str__(self):
        return f"{self.membership.person}: {self.get_status_display()}"


class DecisionQuerySet(models.QuerySet):
    def to_ratify_at(self, meeting):
        """Decisions of the group's earlier inquorate meetings not yet ratified."""
        return self.filter(
            meeting__group_id=meeting.group_id,
            meeting__quorate=False,
            meeting__date__lt=meeting.date,
            ratified_at__isnull=True,
        )


class Decision(models.Model):
    """A decision minuted at a meeting. One taken at an inquorate meeting needs ratifying at the group's
    next quorate meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField()
    ratified_at = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="ratified_decisions"
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def needs_ratification(self):
        return self.meeting.quorate is False and self.ratified_at_id is None


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a user's calendar of their groups' meetings. Resetting gives a new token:
    the old address stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed of {self.user}"
