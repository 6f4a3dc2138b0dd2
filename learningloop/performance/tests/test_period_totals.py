"""Each indicator's values added up per period (PeriodTotal, ADR 0040) are kept current by every write of a
value: submitted, corrected, imported by file or recorded from a computed source, and equal to adding up
the submissions again (the figures below counted by hand). The pages that show the partnership's values
read those totals, so what they read does not grow with the number of agencies and schools."""

import datetime
import importlib
from decimal import Decimal

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.models import Frequency, PeriodTotal, Submission, Unit
from learningloop.performance.periods import period_starting
from learningloop.performance.services import data_dues_create, period_totals_update
from learningloop.performance.submissions.services import submission_correct, submission_submit

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date
JAN = D(2026, 1, 1)
# (count, value, numerator, denominator, gaps, school count, school value, school numerator, school
# denominator, school gaps)
FIELDS = (
    "count", "value", "numerator", "denominator", "gaps",
    "school_count", "school_value", "school_numerator", "school_denominator", "school_gaps",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


def stored(indicator, start):
    row = PeriodTotal.objects.get(indicator=indicator, period_start=start)
    return tuple(getattr(row, name) for name in FIELDS)


def added_up_again(indicator, start):
    """The same figures worked out here from the submissions themselves, one by one."""
    rows = list(Submission.objects.filter(indicator=indicator, period_start=start).select_related("agency"))
    schools = [r for r in rows if r.agency.is_school]

    def figures(found):
        return (
            len(found),
            sum((r.value for r in found), Decimal(0)),
            sum((r.numerator or 0 for r in found), Decimal(0)),
            sum((r.denominator or 0 for r in found), Decimal(0)),
            sum(1 for r in found if r.numerator is None or not r.denominator),
        )

    return figures(rows) + figures(schools)


@pytest.fixture
def attendance(home_agency):
    schools = [AgencyFactory(name=n, is_school=True) for n in ("Oak Primary", "Ash Academy", "Elm High")]
    indicator = IndicatorFactory(
        name="Pupils with an attendance plan", collect_from=JAN, providers=[home_agency, *schools]
    )
    return indicator, schools


def submit(indicator, agency, numerator, denominator, start=JAN):
    return submission_submit(
        indicator=indicator,
        agency=agency,
        period=period_starting(indicator.frequency, start),
        numerator=Decimal(numerator),
        denominator=Decimal(denominator),
    )


def test_values_submitted_and_corrected_keep_the_totals(attendance, home_agency, client, make_persona):
    indicator, (oak, ash, elm) = attendance
    # The police 70 of 100 (70%); the schools 10 of 20 (50%), 5 of 10 (50%) and 15 of 20 (75%) → schools
    # 30 of 50 = 60%, the partnership 100 of 150 = 66.67%; the values add up to 245, the schools' to 175.
    submit(indicator, home_agency, 70, 100)
    first = submit(indicator, oak, 10, 20)
    submit(indicator, ash, 5, 10)
    submit(indicator, elm, 15, 20)
    assert stored(indicator, JAN) == (4, 245, 100, 150, 0, 3, 175, 30, 50, 0)
    assert stored(indicator, JAN) == added_up_again(indicator, JAN)
    client.force_login(make_persona("read_only"))
    html = client.get(f"/impact/indicators/{indicator.pk}/").content.decode()
    assert "Partnership: 66.7% in Jan 2026" in html and "All schools (3): 60% in Jan 2026" in html
    # Oak Primary's figure corrected to 20 of 20 (100%): schools 40 of 50 = 80%, the partnership 110 of
    # 150 = 73.33%; the values 295, the schools' 225.
    submission_correct(
        submission=first,
        expected_version=first.version,
        numerator=Decimal(20),
        denominator=Decimal(20),
        commentary="",
        reason="Miscounted",
    )
    assert stored(indicator, JAN) == (4, 295, 110, 150, 0, 3, 225, 40, 50, 0)
    assert stored(indicator, JAN) == added_up_again(indicator, JAN)
    html = client.get(f"/impact/indicators/{indicator.pk}/").content.decode()
    assert "Partnership: 73.3% in Jan 2026" in html and "All schools (3): 80% in Jan 2026" in html
    assert "73.33" in client.get("/impact/?status=").content.decode()


def test_a_value_without_a_numerator_is_counted_as_a_gap_and_the_partnership_takes_the_mean(
    attendance, home_agency
):
    indicator, (oak, _ash, _elm) = attendance
    submit(indicator, home_agency, 70, 100)
    period = period_starting(indicator.frequency, JAN)
    submission_submit(indicator=indicator, agency=oak, period=period, value=Decimal("45.5"))
    assert stored(indicator, JAN) == (2, Decimal("115.5"), 70, 100, 1, 1, Decimal("45.5"), 0, 0, 1)
    # Not every agency gave the numerator: the mean of 70 and 45.5 = 57.75.
    from learningloop.performance.curves import curve, partnership_curves

    assert curve(indicator).partnership == [Decimal("57.75")]
    assert partnership_curves([indicator], JAN)[0][1].partnership == [Decimal("57.75")]


def test_a_file_of_values_updates_the_totals_of_its_periods(client, make_persona, home_agency, other_agency):
    counted = IndicatorFactory(
        code="m24", name="Domestic abuse incidents", unit=Unit.COUNT, numerator="", denominator="",
        target=None, tolerance=None, frequency=Frequency.QUARTERLY, providers=[home_agency, other_agency],
        collect_from=D(2025, 4, 1),
    )  # fmt: skip
    data_dues_create(indicator=counted)
    SubmissionFactory(indicator=counted, agency=other_agency, period_start=D(2026, 1, 1), value=7)
    client.force_login(make_persona("agency_lead"))
    content = (
        b"Indicator code,Indicator,Agency,Period end,Value,Numerator,Denominator,Analysis and commentary\r\n"
        b"m24,,Northshire Police,31/03/2026,12,,,\r\n"
        b"m24,,Northshire Police,31/12/2025,1204,,,\r\n"
    )
    response = client.post(
        "/impact/import/", {"file": SimpleUploadedFile("r.csv", content, content_type="text/csv")}
    )
    assert response.status_code == 302
    # January to March 2026: the hospitals' 7 and the police's 12 add up to 19; October to December: 1,204.
    assert stored(counted, D(2026, 1, 1)) == (2, 19, 0, 0, 2, 0, 0, 0, 0, 0)
    assert stored(counted, D(2025, 10, 1)) == (1, 1204, 0, 0, 1, 0, 0, 0, 0, 0)
    for start in (D(2026, 1, 1), D(2025, 10, 1)):
        assert stored(counted, start) == added_up_again(counted, start)


def test_a_period_whose_values_are_gone_loses_its_total(attendance, home_agency):
    indicator, _schools = attendance
    submit(indicator, home_agency, 70, 100)
    submit(indicator, home_agency, 60, 100, start=D(2026, 2, 1))
    Submission.objects.filter(period_start=JAN).delete()
    period_totals_update(indicator_ids=[indicator.pk], period_starts=[JAN])
    assert list(PeriodTotal.objects.values_list("period_start", "count")) == [(D(2026, 2, 1), 1)]


def test_the_migration_adds_up_the_values_already_submitted(attendance, home_agency):
    indicator, (oak, ash, _elm) = attendance
    submit(indicator, home_agency, 70, 100)
    submit(indicator, oak, 10, 20)
    submit(indicator, ash, 5, 10, start=D(2026, 2, 1))
    PeriodTotal.objects.all().delete()
    migration = importlib.import_module("learningloop.performance.migrations.0004_impact_period_totals")
    migration.add_up_existing_values(apps, None)
    assert stored(indicator, JAN) == (2, 120, 80, 120, 0, 1, 50, 10, 20, 0)
    assert stored(indicator, D(2026, 2, 1)) == (1, 50, 5, 10, 0, 1, 50, 5, 10, 0)


def _agencies_submit(indicator, agencies, months=6):
    for agency in agencies:
        for month in range(months):
            start = D(2025, 7 + month, 1) if month < 6 else D(2026, month - 5, 1)
            SubmissionFactory(
                indicator=indicator, agency=agency, period_start=start, value=50, numerator=5, denominator=10
            )


def _reads(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_dashboard_reads_the_totals_not_every_agencys_values(client, make_persona):
    """Four times the agencies: the same queries, and none of them reads the submissions."""
    client.force_login(make_persona("read_only"))
    indicator = IndicatorFactory(name="Plans reviewed on time", collect_from=D(2025, 7, 1))
    _agencies_submit(indicator, [AgencyFactory() for _ in range(2)])
    few = _reads(client, "/impact/")
    _agencies_submit(indicator, [AgencyFactory() for _ in range(6)])
    many = _reads(client, "/impact/")
    assert len(many) == len(few)
    assert not [sql for sql in many if "performance_submission" in sql]
    assert "performance_periodtotal" in " ".join(many)


def test_the_indicator_page_reads_the_totals_for_the_partnership(client, make_persona):
    client.force_login(make_persona("read_only"))
    indicator = IndicatorFactory(name="Plans reviewed on time", collect_from=D(2025, 7, 1))
    _agencies_submit(indicator, [AgencyFactory() for _ in range(2)])
    few = _reads(client, f"/impact/indicators/{indicator.pk}/")
    _agencies_submit(indicator, [AgencyFactory() for _ in range(6)])
    many = _reads(client, f"/impact/indicators/{indicator.pk}/")
    assert len(many) == len(few)
    assert "performance_periodtotal" in " ".join(many)


def test_the_dashboard_shows_the_latest_value_status_and_trend_of_the_whole_curve(client, make_persona):
    """From the newest periods' totals alone, the same as the whole curve: here 80%, 90% then 70% (target
    85%, tolerance 5): latest 70% in Mar 2026, off target (15 short), getting worse."""
    from learningloop.performance.curves import latest_curves, partnership_curves

    police = AgencyFactory(name="Police")
    indicator = IndicatorFactory(name="Plans reviewed on time", collect_from=D(2025, 7, 1))
    for start, value in ((D(2026, 1, 1), 80), (D(2026, 2, 1), 90), (D(2026, 3, 1), 70)):
        SubmissionFactory(indicator=indicator, agency=police, period_start=start, value=value)
    quiet = IndicatorFactory(name="No values yet")
    ((_i, latest), (_q, none)) = latest_curves([indicator, quiet], D(2025, 1, 1))
    assert (latest.latest, latest.latest_period.label, latest.status.text, latest.trend.label) == (
        Decimal("70.00"), "Mar 2026", "Off target", "Getting worse",
    )  # fmt: skip
    assert (none.latest, none.latest_period, none.status.text, none.trend.label) == (
        None, None, "No data", "Not enough data",
    )  # fmt: skip
    ((_i, whole),) = partnership_curves([indicator], D(2025, 1, 1))
    assert (whole.latest, whole.latest_period, whole.status, whole.trend) == (
        latest.latest, latest.latest_period, latest.status, latest.trend,
    )  # fmt: skip
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/").content.decode()
    assert "70%" in html and "Mar 2026" in html and "Getting worse" in html


def test_the_dashboard_after_the_frequency_is_changed_still_matches_the_whole_curve(client, make_persona):
    """Monthly values, then the indicator made quarterly: the months that do not start a quarter no longer
    fit, and the dashboard gives what the whole curve gives (the April quarter's 60%, no trend)."""
    from learningloop.performance.curves import latest_curves, partnership_curves

    police = AgencyFactory(name="Police")
    indicator = IndicatorFactory(name="Plans reviewed on time", collect_from=D(2025, 4, 1))
    for start, value in ((D(2025, 4, 1), 60), (D(2025, 5, 1), 75), (D(2025, 6, 1), 95)):
        SubmissionFactory(indicator=indicator, agency=police, period_start=start, value=value)
    indicator.frequency = Frequency.QUARTERLY
    indicator.save()
    ((_i, latest),) = latest_curves([indicator], D(2025, 1, 1))
    ((_i, whole),) = partnership_curves([indicator], D(2025, 1, 1))
    assert (latest.latest, latest.status, latest.trend) == (whole.latest, whole.status, whole.trend)
    assert (latest.latest, latest.latest_period.label, latest.trend.label) == (
        Decimal("60.00"), "Q1 2025-26", "Not enough data",
    )  # fmt: skip
