"""Writes for the yearly report: draft it for a reporting year, edit its texts, the three partners' sign-offs
(and withdrawing one before the last), and what publishing it on the public hub changes."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from learningloop.core.concurrency import claim_version
from learningloop.partnership.models import SAFEGUARDING_PARTNERS

from ..models import NextReportDue, SignOff, YearlyReport, YearlyReportStatus
from . import sections
from .partners import partner_of

FROZEN = "This yearly report has been signed off by the three safeguarding partners and cannot be changed."


def _draft_only(report):
    if report.status != YearlyReportStatus.DRAFT:
        raise ValidationError(FROZEN)


@transaction.atomic
def yearly_report_create(*, year: int, by=None) -> YearlyReport:
    if YearlyReport.objects.filter(year=year).exists():
        raise ValidationError({"year": "There is already a yearly report for this reporting year"})
    report = YearlyReport.for_year(year)
    report.texts = {s.key: {"above": "", "below": ""} for s in sections.sections()}
    report.created_by = by if getattr(by, "is_authenticated", False) else None
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def yearly_report_update(*, report: YearlyReport, texts: dict, expected_version) -> YearlyReport:
    """Edit the texts ({key: {"above", "below"}}) of a draft. A signed-off report is frozen."""
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    _draft_only(report)
    claim_version(report, expected_version)
    merged = dict(report.texts)
    for key, parts in texts.items():
        merged[key] = {**merged.get(key, {}), **parts}
    report.texts = merged
    report.full_clean()
    report.save(update_fields=["texts"])
    return report


def _signer(user):
    person = getattr(user, "person", None)
    name = (person.full_name if person else "") or user.full_name or user.email
    return name, (person.job_title if person else "")


@transaction.atomic
def sign_off_record(*, report: YearlyReport, by, expected_version) -> YearlyReport:
    """One partner signs off. When the third has signed, the figures are stored (the snapshot) and the
    report is frozen."""
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    _draft_only(report)
    claim_version(report, expected_version)
    partner = partner_of(by)
    if partner is None:
        raise ValidationError(
            "Only a strategic lead of a safeguarding partner can sign off the yearly report"
        )
    current = SignOff.objects.filter(report=report, withdrawn_at__isnull=True)
    if current.filter(partner=partner).exists():
        raise ValidationError(f"{by.agency.name} has already signed off this report")
    name, role = _signer(by)
    sign_off = SignOff(
        report=report, partner=partner, agency=by.agency, signed_by=by, signer_name=name, signer_role=role
    )
    sign_off.full_clean()
    sign_off.save()
    if set(current.values_list("partner", flat=True)) >= set(SAFEGUARDING_PARTNERS):
        report.snapshot = sections.build_all(sections.Year(report.starts_on, report.ends_on))
        report.frozen_at = timezone.now()
        report.status = YearlyReportStatus.SIGNED_OFF
        report.save(update_fields=["snapshot", "frozen_at", "status"])
    return report


@transaction.atomic
def sign_off_withdraw(*, report: YearlyReport, by, reason: str, expected_version) -> YearlyReport:
    """A partner withdraws its sign-off, with a reason, while the report is not yet signed off by all
    three. The withdrawn sign-off is kept with who withdrew it and why."""
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    _draft_only(report)
    claim_version(report, expected_version)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the sign-off is withdrawn"})
    partner = partner_of(by)
    sign_off = SignOff.objects.filter(report=report, partner=partner, withdrawn_at__isnull=True).first()
    if partner is None or sign_off is None:
        raise ValidationError("Your agency has not signed off this report")
    sign_off.withdrawn_at = timezone.now()
    sign_off.withdrawn_by = by
    sign_off.withdrawn_reason = reason.strip()
    sign_off.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    return report


def yearly_report_publish(report: YearlyReport, on: datetime.date, by=None) -> None:
    """Publishing on the public hub (core.publishing on_published, inside the publishing transaction): the
    report is marked published, the deadline it answers is met, and the next report falls due twelve
    months later (the deadline engine reminds the business unit)."""
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status == YearlyReportStatus.DRAFT:
        raise ValidationError("Only a yearly report signed off by the three partners can be published")
    if report.published_on is None:
        report.published_on = on
        report.status = YearlyReportStatus.PUBLISHED
        report.save(update_fields=["published_on", "status"])
    NextReportDue.objects.filter(done_on__isnull=True).exclude(after=report).update(done_on=on)
    NextReportDue.objects.get_or_create(after=report, defaults={"due_on": on + relativedelta(months=12)})
