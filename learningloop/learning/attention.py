"""What needs the business unit's attention now: read by the home page."""

from dataclasses import dataclass

from django.utils import timezone

from learningloop.core import workdays
from learningloop.core.deadlines import deadline_status

from .models import LearningActivity, Milestone, SummaryOfLearning

HORIZON_WORKING_DAYS = 10
SHOWN = 10


@dataclass
class Attention:
    deadlines: list  # [(milestone, status)]
    deadlines_total: int
    overdue_total: int
    summaries: list
    summaries_total: int
    without_findings: list
    without_findings_total: int

    @property
    def is_empty(self):
        return not (self.deadlines_total or self.summaries_total or self.without_findings_total)


def attention_now(today=None) -> Attention:
    today = today or timezone.localdate()
    horizon = workdays.add_working_days(today, HORIZON_WORKING_DAYS)
    deadlines_qs = Milestone.objects.open().filter(due_on__lte=horizon)
    deadlines = list(
        deadlines_qs.select_related("rule", "review", "review__activity").order_by("due_on", "pk")[:SHOWN]
    )
    summaries_qs = SummaryOfLearning.objects.waiting_for_ldg()
    without_qs = LearningActivity.objects.completed_without_findings()
    return Attention(
        deadlines=[(m, deadline_status(m.due_on, m.done_on, today)) for m in deadlines],
        deadlines_total=deadlines_qs.count(),
        overdue_total=deadlines_qs.filter(due_on__lt=today).count(),
        summaries=list(summaries_qs.select_related("subgroup").order_by("updated_at")[:SHOWN]),
        summaries_total=summaries_qs.count(),
        without_findings=list(without_qs.select_related("source_type").order_by("completed_on")[:SHOWN]),
        without_findings_total=without_qs.count(),
    )
