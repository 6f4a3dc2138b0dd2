"""The partnership's curve for many indicators at once (performance.curves.partnership_curves: each period's
submissions added up by the database, for the yearly report of a large partnership) gives the partnership
values worked out by hand from the rules in measures.partnership_value, on SQLite and PostgreSQL alike,
and the same as the indicator's own curve."""

import datetime
from decimal import Decimal

import pytest

from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.curves import curve, partnership_curves
from learningloop.performance.models import Frequency, Submission, Unit
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

D = datetime.date
Q1, Q2, Q3 = D(2025, 4, 1), D(2025, 7, 1), D(2025, 10, 1)


def test_the_partnership_values_summed_by_the_database(partnership):
    police, health, council = (AgencyFactory(name=n) for n in ("Police", "Health", "Council"))
    pooled = IndicatorFactory(name="Plans reviewed on time", frequency=Frequency.QUARTERLY)
    counted = IndicatorFactory(
        name="Children subject to a plan", unit=Unit.COUNT, numerator="", denominator="",
        frequency=Frequency.QUARTERLY,
    )  # fmt: skip
    averaged = IndicatorFactory(
        name="Days to first visit",
        unit=Unit.DAYS,
        numerator="",
        denominator="",
        frequency=Frequency.QUARTERLY,
    )

    def submit(indicator, agency, start, value, numerator=None, denominator=None):
        SubmissionFactory(
            indicator=indicator, agency=agency, period_start=start, value=value,
            numerator=numerator, denominator=denominator,
        )  # fmt: skip

    # Q1: 5 of 10 and 30 of 30 pooled → 35 of 40 = 87.50%. Q2: one agency gave no numerator → the mean of
    # 60.00 and 70.01 = 65.005 → 65.01 (half up). Q3: one submission, its own value.
    submit(pooled, police, Q1, 50, 5, 10)
    submit(pooled, health, Q1, 100, 30, 30)
    submit(pooled, police, Q2, 60, 6, 10)
    submit(pooled, health, Q2, "70.01")
    submit(pooled, council, Q3, "33.33", 1, 3)
    # A count adds up: 12 + 7 + 1 = 20 in Q1.
    for agency, n in ((police, 12), (health, 7), (council, 1)):
        submit(counted, agency, Q1, n)
    # Days: the mean, 10.25 and 10.50 → 10.375 → 10.38.
    submit(averaged, police, Q2, "10.25")
    submit(averaged, health, Q2, "10.50")
    SubmissionFactory(indicator=pooled, agency=police, period_start=D(2026, 4, 1), value=1)  # the next year

    found = dict(partnership_curves([pooled, counted, averaged], D(2025, 4, 1), D(2026, 3, 31)))

    assert [p.start for p in found[pooled].periods] == [Q1, Q2, Q3]
    assert found[pooled].partnership == [Decimal("87.50"), Decimal("65.01"), Decimal("33.33")]
    assert found[pooled].latest == Decimal("33.33")
    assert found[counted].partnership == [Decimal(20)]
    assert found[averaged].partnership == [Decimal("10.38")]
    assert found[averaged].periods[0].start == Q2
    # The same values as each indicator's own curve over the year's submissions.
    for indicator, made in found.items():
        rows = Submission.objects.filter(indicator=indicator, period_end__lte=D(2026, 3, 31)).select_related(
            "agency"
        )
        assert curve(indicator, rows).partnership == made.partnership
        assert curve(indicator, rows).status == made.status


def test_an_indicator_with_no_submission_in_the_year_has_an_empty_curve(partnership):
    quiet = IndicatorFactory(name="Nothing yet")
    ((indicator, made),) = partnership_curves([quiet], D(2025, 4, 1), D(2026, 3, 31))
    assert indicator == quiet
    assert made.periods == [] and made.latest is None
    assert made.status.text == "No data"
