"""The yearly report demo: last reporting year's report signed off by the three partners and published on
the public hub; this year's a draft; running it twice changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from learningloop.devdata.demo import partnership, yearly_report
from learningloop.reports.models import NextReportDue, SignOff, YearlyReport, reporting_year_of
from learningloop.website.models import Publication

pytestmark = pytest.mark.django_db


def test_last_years_report_is_signed_off_and_published_this_years_is_a_draft():
    call_command("load_framework")
    partnership.seed()
    yearly_report.seed()
    yearly_report.seed()  # again: nothing more
    current = reporting_year_of(timezone.localdate())
    last, this = YearlyReport.objects.get(year=current - 1), YearlyReport.objects.get(year=current)
    assert last.status == "published" and last.snapshot is not None
    assert set(SignOff.objects.filter(report=last).values_list("partner", flat=True)) == {
        "local_authority",
        "police",
        "health",
    }
    assert Publication.objects.filter(kind="yearly_report", source_id=last.pk).count() == 1
    assert NextReportDue.objects.get(after=last).done_on is None
    assert this.status == "draft" and this.text("partners", "above").startswith("Draft")
    assert YearlyReport.objects.count() == 2
