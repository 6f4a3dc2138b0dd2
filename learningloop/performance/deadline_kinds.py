"""The values each provider agency owes per period, as a kind of deadline in the one engine: shown on the
deadlines page, and reminded to the agency's strategic leads from the one ledger (before the due date, on
the day, and weekly while overdue)."""

from learningloop.core import deadlines as engine
from learningloop.core.links import reverse_numbered

from .periods import label_for


def _describe(row):
    return (
        f"{row.indicator__name}: {label_for(row.indicator__frequency, row.period_start)}",
        "Dataset return",
        reverse_numbered("performance:submission_create", args=[row.indicator_id]),
    )


def _recipients(dues):
    from learningloop.accounts.models import User

    leads = User.objects.strategic_leads_of({d.agency_id for d in dues})
    return {d.pk: [engine.Recipient(u.full_name, u.email) for u in leads.get(d.agency_id, [])] for d in dues}


def compose_data_reminder(reminder: engine.DueReminder):
    from . import emails

    return emails.data_reminder(reminder=reminder)


DATA_RETURN = engine.DeadlineKind(
    code="data-return",
    label="Dataset returns",
    model="performance.DataDue",
    permission="impact.view",
    describe=_describe,
    columns=("indicator_id", "indicator__name", "indicator__frequency", "period_start", "agency__name"),
    select_related=("indicator", "agency"),
    agency_field="agency_id",
    agency_label=lambda row: row.agency__name,
    schedule=engine.ReminderSchedule(before=(5,), on_the_day=True, overdue_every_days=7),
    recipients=_recipients,
    compose=compose_data_reminder,
    link=lambda d: reverse_numbered("performance:submission_create", args=[d.indicator_id]),
    position=60,
)


def register():
    engine.register(DATA_RETURN)
