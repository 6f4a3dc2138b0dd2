"""Records the authorisation walk needs for the impact pages: an indicator the home agency provides (with
its deadlines), one of its submitted values, an indicator to edit, and an import run with no uploader
(an import's page is its uploader's only, so every persona is refused it)."""

import datetime

from django.utils import timezone

from learningloop.core.models import ImportRun
from learningloop.performance.models import Unit
from learningloop.performance.periods import period_containing
from learningloop.performance.services import data_dues_create

from .factories import IndicatorFactory, SubmissionFactory


def last_month():
    return period_containing("monthly", timezone.localdate().replace(day=1) - datetime.timedelta(days=1))


def month_before(period):
    return period_containing("monthly", period.start - datetime.timedelta(days=1))


def extend(objects):
    # Three months owed: the earliest already submitted, the next for the walk's file, the last for its form.
    earlier = month_before(month_before(last_month()))
    indicator = IndicatorFactory(
        code="walk-count",
        name="Walk indicator",
        unit=Unit.COUNT,
        numerator="",
        denominator="",
        target=None,
        tolerance=None,
        providers=[objects["agency"]],
        collect_from=earlier.start,
    )
    data_dues_create(indicator=indicator)
    objects["impact_indicator"] = indicator
    objects["impact_submission"] = SubmissionFactory(
        indicator=indicator, agency=objects["agency"], period_start=earlier.start, value=12
    )
    objects["impact_to_edit"] = IndicatorFactory(code="walk-edit", name="Walk indicator to edit")
    objects["impact_run"] = ImportRun.objects.create(spec="performance.submissions", original_name="walk.csv")
