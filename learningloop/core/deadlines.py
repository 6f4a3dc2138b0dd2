"""One deadline engine for everything with a due date.

A *deadline* has a subject (a case review, an agency's response, an action, a communication, a group's
terms of reference), a rule (what is due, how many working days, days, weeks or months, counted from which
date, before or after), a due date, a done date and a status derived from them. This module holds, without
importing any domain app:

- the date arithmetic over the working-day calendar (`compute_due`, with `Unit` and `Direction`);
- `deadline_status(due, done, today)`: the one definition of due, due today, overdue, met and met late,
  as a `core.presenters.StatusTag`;
- `RuleBase`, the abstract model of a rule kept as data, and `Rule`, the same for a rule fixed in code;
- `DeadlineBase`, the abstract model of a stored deadline (due_on, done_on), and `DeadlineMixin` +
  `DeadlineQuerySet` for existing models that already are deadlines (open, overdue, due_between, due_soon
  are defined once, here);
- `ReminderSchedule`: which reminders a deadline gets (default: 5 working days before, on the day, weekly
  while overdue);
- the REGISTRY of deadline kinds: each area registers a `DeadlineKind` (label, filtering paths, how to show
  a row, recipients, reminder schedule and the function composing the reminder) from its AppConfig.ready().
  The deadlines page and the reminder sender (core.reminders) read only the registry.

See docs/adr/0008-one-deadline-engine-for-every-kind.md."""

import datetime
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from dateutil.relativedelta import relativedelta
from django.db import models
from django.db.models import Q

from . import workdays
from .presenters import StatusTag

# "Due soon" means due within this many working days (the deadlines page, the home page, action RAG).
DUE_SOON_WORKING_DAYS = 10


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"


class Direction(models.TextChoices):
    AFTER = "after", "after"
    BEFORE = "before", "before"


def compute_due(start: datetime.date | None, amount: int, unit: str, direction: str) -> datetime.date | None:
    """The due date `amount` `unit`s after (or before) `start`; None when the start is not known yet."""
    if start is None:
        return None
    sign = 1 if direction == Direction.AFTER else -1
    if unit == Unit.WORKING_DAYS:
        return workdays.add_working_days(start, sign * amount)
    if unit == Unit.CALENDAR_DAYS:
        return start + datetime.timedelta(days=sign * amount)
    if unit == Unit.WEEKS:
        return start + datetime.timedelta(weeks=sign * amount)
    if unit == Unit.MONTHS:
        return start + relativedelta(months=sign * amount)
    raise ValueError(f"Unknown unit {unit!r}")


def _period(amount, unit, direction) -> str:
    unit_label = Unit(unit).label
    if amount == 1:
        unit_label = unit_label.removesuffix("s")
    return f"{amount} {unit_label} {Direction(direction).label}"


@dataclass(frozen=True)
class Rule:
    """A rule fixed in code (for example "papers 5 working days before the meeting")."""

    label: str
    amount: int
    unit: str
    direction: str = Direction.AFTER
    starts_from: str = ""  # the words for the start date: "the meeting", "the request being sent"

    def compute(self, start):
        return compute_due(start, self.amount, self.unit, self.direction)

    @property
    def description(self):
        return f"{_period(self.amount, self.unit, self.direction)} {self.starts_from}".strip()


class RuleBase(models.Model):
    """A rule kept as data the business unit can read and change: what is due, how many units, after or
    before which date. Concrete tables add what their dates count from (see learning.DeadlineRule)."""

    code = models.SlugField(max_length=50, unique=True)
    label = models.CharField(max_length=200)
    amount = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.AFTER)
    basis = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    def compute(self, start):
        return compute_due(start, self.amount, self.unit, self.direction)

    @property
    def period(self):
        return _period(self.amount, self.unit, self.direction)


# --- Status ---


class State(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DUE = "due", "Due"
    DUE_TODAY = "due_today", "Due today"
    OVERDUE = "overdue", "Overdue"
    MET = "met", "Met on time"
    MET_LATE = "met_late", "Met late"


# Kept for code written against the older name: a deadline's status is a StatusTag.
DeadlineStatus = StatusTag


def _days(n):
    return f"{n} working day{'s' if n != 1 else ''}"


def deadline_status(due: datetime.date | None, done: datetime.date | None, today: datetime.date) -> StatusTag:
    """Present a deadline: due in N working days, due today, overdue by N, met on time, met late."""
    if due is None:
        return StatusTag("Not started yet", "grey", key=State.NOT_STARTED)
    if done is not None:
        if done <= due:
            return StatusTag("Met on time", "green", key=State.MET)
        late = workdays.working_days_between(due, done)
        return StatusTag(f"Met late ({_days(max(late, 1))} late)", "orange", key=State.MET_LATE)
    if due == today:
        return StatusTag("Due today", "yellow", key=State.DUE_TODAY)
    if due > today:
        days = max(workdays.working_days_between(today, due), 0)
        return StatusTag(f"Due in {_days(days)}", "blue", key=State.DUE)
    overdue = max(workdays.working_days_between(due, today), 1)
    return StatusTag(f"Overdue by {_days(overdue)}", "red", key=State.OVERDUE)


def due_soon_until(today: datetime.date, working_days: int = DUE_SOON_WORKING_DAYS) -> datetime.date:
    """The last date that counts as due soon: the n-th working day after today."""
    return workdays.add_working_days(today, working_days)


# The one definition of overdue and due soon for an open deadline, in Python (here) and in the database
# (DeadlineMixin.deadline_*_q, which DeadlineQuerySet filters by).


def as_date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    """A done date read from a date or a date and time field."""
    return value.date() if isinstance(value, datetime.datetime) else value


def is_overdue(due: datetime.date | None, today: datetime.date) -> bool:
    """An open deadline is overdue from the day after its due date."""
    return due is not None and due < today


def is_due_soon(due: datetime.date | None, today: datetime.date, working_days: int = DUE_SOON_WORKING_DAYS):
    """An open deadline is due soon from today to the n-th working day after today, both included."""
    return due is not None and today <= due <= due_soon_until(today, working_days)


def prefixed(q: Q, prefix: str) -> Q:
    """`q` with every lookup under `prefix` ("responses__"), to count or filter through a relation."""
    if not prefix:
        return q
    children = [prefixed(c, prefix) if isinstance(c, Q) else (prefix + c[0], c[1]) for c in q.children]
    return Q.create(children, connector=q.connector, negated=q.negated)


# --- Stored deadlines ---


class DeadlineQuerySet(models.QuerySet):
    """The one definition of open, overdue and due soon, for any model that is a deadline. The model says
    where its due date is (`deadline_due_field`, which may follow a foreign key) and what "open" means
    (`deadline_open_q()`: not done, not cancelled)."""

    def open(self):
        return self.filter(self.model.deadline_is_open_q())

    def closed(self):
        return self.exclude(self.model.deadline_open_q())

    def overdue(self, today):
        return self.filter(self.model.deadline_overdue_q(today))

    def due_between(self, start, end):
        return self.filter(self.model.deadline_due_between_q(start, end))

    def due_soon(self, today, working_days: int = DUE_SOON_WORKING_DAYS):
        """Open, not overdue, and due within the next `working_days` working days (today included)."""
        return self.filter(self.model.deadline_due_soon_q(today, working_days))

    def needing_attention(self, today, working_days: int = DUE_SOON_WORKING_DAYS):
        """Overdue, or due within the next `working_days` working days."""
        return self.filter(self.model.deadline_needing_attention_q(today, working_days))


class DeadlineMixin:
    """For a model that is itself a deadline. Override the class attributes and `deadline_open_q`."""

    deadline_due_field = "due_on"  # an ORM path: "request__due_on" follows a foreign key
    # The field holding the done date (a date or a datetime); None: never done, it only recurs.
    deadline_done_field: str | None = "done_on"

    @classmethod
    def deadline_open_q(cls) -> Q:
        return Q(**{f"{cls.deadline_done_field}__isnull": True})

    # The database side of is_overdue / is_due_soon, for the QuerySet methods and for counts through a
    # relation (`prefix="responses__"`: Count("responses", filter=AgencyResponse.deadline_overdue_q(...))).

    @classmethod
    def deadline_is_open_q(cls, prefix: str = "") -> Q:
        return prefixed(cls.deadline_open_q() & Q(**{f"{cls.deadline_due_field}__isnull": False}), prefix)

    @classmethod
    def _due_q(cls, prefix, lookup, value) -> Q:
        return Q(**{f"{prefix}{cls.deadline_due_field}__{lookup}": value})

    @classmethod
    def deadline_overdue_q(cls, today, prefix: str = "") -> Q:
        return cls.deadline_is_open_q(prefix) & cls._due_q(prefix, "lt", today)

    @classmethod
    def deadline_due_between_q(cls, start, end, prefix: str = "") -> Q:
        between = cls._due_q(prefix, "gte", start) & cls._due_q(prefix, "lte", end)
        return cls.deadline_is_open_q(prefix) & between

    @classmethod
    def deadline_due_soon_q(cls, today, working_days: int = DUE_SOON_WORKING_DAYS, prefix: str = "") -> Q:
        return cls.deadline_due_between_q(today, due_soon_until(today, working_days), prefix)

    @classmethod
    def deadline_needing_attention_q(cls, today, working_days: int = DUE_SOON_WORKING_DAYS, prefix=""):
        return cls.deadline_is_open_q(prefix) & cls._due_q(prefix, "lte", due_soon_until(today, working_days))

    def _follow(self, path):
        value = self
        for part in path.split("__"):
            value = getattr(value, part) if value is not None else None
        return value

    @property
    def deadline_due(self) -> datetime.date | None:
        return self._follow(self.deadline_due_field)

    @property
    def deadline_done(self) -> datetime.date | None:
        if self.deadline_done_field is None:
            return None
        return as_date(self._follow(self.deadline_done_field))

    def deadline_status(self, today) -> StatusTag:
        return deadline_status(self.deadline_due, self.deadline_done, today)


class DeadlineBase(DeadlineMixin, models.Model):
    """A stored deadline: a concrete table per area adds the foreign key to its subject and, where the due
    date comes from a rule, the foreign key to the rule (learning.Milestone: review, rule)."""

    # Indexed, as every kind's due date is (a test walks the registry): the deadlines page merges the
    # kinds by due date and reads the soonest from each index instead of sorting every deadline ever set.
    due_on = models.DateField(null=True, blank=True, db_index=True)
    done_on = models.DateField(null=True, blank=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]


# --- Reminders ---

DUE_SOON, DUE_TODAY, OVERDUE = "due-soon", "due-today", "overdue"


@dataclass(frozen=True)
class ReminderSchedule:
    """Which reminders an open deadline gets: `before` working days ahead (each), on the day, and every
    `overdue_every_days` days while overdue (0: never). If the worker missed a day, only the latest
    reminder that applies is sent."""

    before: tuple[int, ...] = (5,)
    on_the_day: bool = True
    overdue_every_days: int = 7

    def applicable(self, due_on: datetime.date, today: datetime.date):
        """(which, remind_on) of the latest reminder that applies today, or None."""
        if today > due_on:
            if self.overdue_every_days:
                periods = (today - due_on).days // self.overdue_every_days
                if periods >= 1:
                    return OVERDUE, due_on + datetime.timedelta(days=self.overdue_every_days * periods)
            return (DUE_TODAY, due_on) if self.on_the_day else None
        if today == due_on and self.on_the_day:
            return DUE_TODAY, due_on
        for n in sorted(self.before):  # the nearest first: the latest reminder that applies
            remind_on = workdays.add_working_days(due_on, -n)
            if remind_on <= today < due_on:
                return DUE_SOON, remind_on
        return None

    @property
    def horizon_working_days(self) -> int:
        return max(self.before, default=0)


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str


def owner_recipients(rows) -> dict:
    """{row.pk: [Recipient]}: each row's named `owner` (a partnership person), when they have an email
    address — the recipients of kinds whose deadline belongs to one person (actions, communications)."""
    return {
        row.pk: [Recipient(row.owner.full_name, row.owner.email)] if row.owner_id and row.owner.email else []
        for row in rows
    }


@dataclass(frozen=True)
class DueReminder:
    """What a reminder email is composed from. `which` is DUE_SOON, DUE_TODAY or OVERDUE."""

    kind: "DeadlineKind"
    deadline: object  # the row: a Milestone, an AgencyResponse, an Action...
    recipient: Recipient
    due_on: datetime.date
    which: str
    link: str  # the absolute address of the page where it is done


@dataclass(frozen=True)
class DeadlineRow:
    """One line of the deadlines page, the same for every kind."""

    kind: "DeadlineKind"
    what: str
    subject: str
    url: str | None
    due_on: datetime.date | None
    status: StatusTag
    agency: str = ""
    group: str = ""


# --- The registry ---


@dataclass(frozen=True, eq=False)
class DeadlineKind:
    """One kind of deadline, registered by its area.

    `model` is "app_label.ModelName" of a model with a DeadlineQuerySet manager; `permission` the policy
    action needed to see this kind at all (rows are further scoped by the model's `visible_to(user)`).
    `group_field` / `agency_field` are ORM paths to a partnership group / agency id (None: not filterable).
    The deadlines page, its CSV and the feed read a kind's rows as plain values, not models (a thousand
    deadlines were four thousand model objects, most of a feed page's time): `columns` are the ORM paths
    they need, and `describe(row)`, `status(row, today)`, `agency_label(row)` and `group_label(row)` are
    given a `row` with those as attributes (`row.plan__title`), beside `row.pk`, `row.due` and `row.done`
    (the due and done dates). `describe(row)` returns (what, subject, url).

    The reminders read models: `select_related` is what `recipients`, `compose` and `link` follow.
    `recipients(rows)` returns {row.pk: [Recipient]};
    `compose(DueReminder)` returns the named email (core.emails.Email) from the app's emails.py: what is
    asked, by when, and the link, nothing sensitive.
    `link(row)` is the path of the page where the deadline is met (absolute URL added by the sender)."""

    code: str
    label: str
    model: str
    permission: str
    describe: Callable
    columns: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    group_field: str | None = None
    agency_field: str | None = None
    status: Callable | None = None  # (row, today) -> StatusTag; default: deadline_status(due, done)
    schedule: ReminderSchedule | None = field(default_factory=ReminderSchedule)
    recipients: Callable | None = None
    compose: Callable | None = None
    link: Callable | None = None
    group_label: Callable | None = None  # row -> group name for the page
    agency_label: Callable | None = None  # row -> agency name for the page
    position: int = 100

    @property
    def model_class(self):
        from django.apps import apps

        return apps.get_model(self.model)

    def queryset(self, user=None):
        manager = self.model_class.objects
        if user is not None and hasattr(manager, "visible_to"):
            return manager.visible_to(user)
        return manager.all()

    def with_related(self, queryset):
        """The queryset with what the reminders read, fetched in the same query."""
        return queryset.select_related(*self.select_related) if self.select_related else queryset

    @cached_property
    def _row_type(self):
        return namedtuple(f"{self.model_class.__name__}Deadline", ("pk", "due", "done", *self.columns))

    def page_rows(self, pks):
        """The plain rows of these deadlines, in no order (one query)."""
        model = self.model_class
        done = model.deadline_done_field
        fields = ("pk", model.deadline_due_field, done or "pk", *self.columns)
        make = self._row_type._make
        for values in self.queryset().filter(pk__in=pks).order_by().values_list(*fields):
            yield make((values[0], values[1], as_date(values[2]) if done else None, *values[3:]))

    def row_status(self, row, today) -> StatusTag:
        if self.status is not None:
            return self.status(row, today)
        return deadline_status(row.due, row.done, today)

    def reminder_kind(self, which: str) -> str:
        """The ledger's `kind`: "response-due-soon", "action-overdue"..."""
        return f"{self.code}-{which}"

    def as_row(self, row, today) -> DeadlineRow:
        what, subject, url = self.describe(row)
        return DeadlineRow(
            kind=self,
            what=what,
            subject=subject,
            url=url,
            due_on=row.due,
            status=self.row_status(row, today),
            agency=self.agency_label(row) if self.agency_label else "",
            group=self.group_label(row) if self.group_label else "",
        )


REGISTRY: dict[str, DeadlineKind] = {}


def register(kind: DeadlineKind) -> DeadlineKind:
    """Register (or re-register) a kind; areas call this from their AppConfig.ready()."""
    REGISTRY[kind.code] = kind
    return kind


def kinds() -> list[DeadlineKind]:
    return sorted(REGISTRY.values(), key=lambda k: (k.position, k.label))


def get_kind(code: str) -> DeadlineKind:
    return REGISTRY[code]
