"""Writes for the work plan, the risk and barrier log and highlight reports."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version

from ..models import HighlightReport, HighlightStatus, RiskItem, WorkPlanItem, WorkPlanStatus
from .highlight import generate_sections, period_for


def _save(record, expected_version=None):
    if record.pk and expected_version is not None:
        claim_version(record, expected_version)
    record.updated_at = timezone.now()
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def work_plan_item_save(*, item: WorkPlanItem, expected_version=None) -> WorkPlanItem:
    if item.status == WorkPlanStatus.COMPLETE and not item.completed_on:
        item.completed_on = timezone.localdate()
    if item.status != WorkPlanStatus.COMPLETE:
        item.completed_on = None
    return _save(item, expected_version)


@transaction.atomic
def risk_save(*, risk: RiskItem, expected_version=None) -> RiskItem:
    return _save(risk, expected_version)


@transaction.atomic
def highlight_report_create(*, group, executive_meeting, by=None) -> HighlightReport:
    """Draft the report from live data for the period since the previous Executive meeting."""
    if HighlightReport.objects.filter(group=group, executive_meeting=executive_meeting).exists():
        raise ValidationError({"executive_meeting": "There is already a highlight report to this meeting"})
    start, end = period_for(executive_meeting)
    report = HighlightReport(
        group=group,
        executive_meeting=executive_meeting,
        period_start=start,
        period_end=end,
        sections=generate_sections(group=group, start=start, end=end),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def highlight_report_update(*, report: HighlightReport, texts: dict, expected_version) -> HighlightReport:
    """Edit a draft's sections (key -> text). An issued report is frozen."""
    if report.status != HighlightStatus.DRAFT:
        raise ValidationError("This highlight report has been issued and cannot be changed")
    claim_version(report, expected_version)
    report.sections = [{**s, "text": texts.get(s["key"], s["text"])} for s in report.sections]
    report.save(update_fields=["sections"])
    return report


@transaction.atomic
def highlight_report_issue(*, report: HighlightReport, expected_version) -> HighlightReport:
    if report.status != HighlightStatus.DRAFT:
        raise ValidationError("This highlight report has already been issued")
    claim_version(report, expected_version)
    report.status = HighlightStatus.ISSUED
    report.issued_on = timezone.localdate()
    report.save(update_fields=["status", "issued_on"])
    return report
