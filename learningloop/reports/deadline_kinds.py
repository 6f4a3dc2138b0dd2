"""The next yearly report as a kind of deadline in the one engine (core.deadlines): due twelve months after
the last report was published, met when the next one is; the business unit is reminded a month ahead, a
week ahead, on the day and weekly while it is overdue (each reminder once: the core.reminders ledger)."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_once
from learningloop.learning.deadline_kinds import business_unit_recipients

from .models import report_label


def _recipients(rows):
    people = business_unit_recipients()
    return {row.pk: people for row in rows}


def _compose(reminder):
    from . import emails

    return emails.yearly_report_due_reminder(reminder=reminder)


NEXT_REPORT = engine.DeadlineKind(
    code="yearly-report",
    label="Yearly report of the partners",
    model="reports.NextReportDue",
    permission="yearly.manage",
    describe=lambda row: (
        "Publish the next yearly report",
        f"Twelve months after the report {report_label(row.after__year)}",
        reverse_once("yearly:list"),
    ),
    columns=("after__year",),
    select_related=("after",),
    schedule=engine.ReminderSchedule(before=(20, 5), on_the_day=True, overdue_every_days=7),
    recipients=_recipients,
    compose=_compose,
    link=lambda d: reverse_once("yearly:list"),
    position=90,
)


def register():
    engine.register(NEXT_REPORT)
