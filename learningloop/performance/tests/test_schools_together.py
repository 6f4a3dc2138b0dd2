"""A large partnership has hundreds of schools: an indicator's page and its scorecard download show the
schools as one series, "All schools (n)", their values pooled as the partnership's are, beside each other
agency; the spreadsheet of the indicator still has a column per school. And the page's table shows the
latest 24 periods, not ten years of them."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from learningloop.partnership.tests.factories import AgencyFactory

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def attendance(home_agency):
    indicator = IndicatorFactory(name="Pupils with an attendance plan", collect_from=D(2026, 1, 1))
    schools = [AgencyFactory(name=n, is_school=True) for n in ("Oak Primary", "Ash Academy", "Elm High")]
    # January: the police 70 of 100; the schools 10 of 20, 5 of 10 and 15 of 20 → pooled 30 of 50 = 60%.
    SubmissionFactory(
        indicator=indicator, agency=home_agency, period_start=D(2026, 1, 1), value=70, numerator=70,
        denominator=100,
    )  # fmt: skip
    for school, (n, d) in zip(schools, [(10, 20), (5, 10), (15, 20)], strict=True):
        SubmissionFactory(
            indicator=indicator, agency=school, period_start=D(2026, 1, 1), value=100 * n / d, numerator=n,
            denominator=d,
        )  # fmt: skip
    return indicator


def test_the_indicator_page_pools_the_schools(client, make_persona, attendance):
    client.force_login(make_persona("read_only"))
    html = client.get(f"/impact/indicators/{attendance.pk}/").content.decode()
    assert "All schools (3)" in html
    assert "All schools (3): 60% in Jan 2026" in html  # the chart's text alternative
    assert "Oak Primary" not in html and "Elm High" not in html
    assert "Northshire Police: 70% in Jan 2026" in html
    # The whole partnership: 100 of 150 = 66.67%.
    assert "Partnership: 66.7% in Jan 2026" in html


def test_the_spreadsheet_keeps_a_column_per_school(client, make_persona, attendance):
    client.force_login(make_persona("read_only"))
    response = client.get(f"/impact/indicators/{attendance.pk}/export?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert {"Oak Primary", "Ash Academy", "Elm High", "Northshire Police"} <= set(headers)


def test_the_scorecard_download_pools_the_schools(client, make_persona, attendance):
    from pypdf import PdfReader

    client.force_login(make_persona("read_only"))
    response = client.get(f"/impact/indicators/{attendance.pk}/scorecard?format=pdf")
    assert response.status_code == 200
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "All schools (3): 60% in Jan 2026" in text
    assert "Oak Primary" not in text


def test_the_page_tables_the_latest_24_periods_and_offers_every_one_as_a_download(
    client, make_persona, home_agency
):
    """Ten years of a monthly measure are 120 periods: the page's table shows the latest 24 (the chart all of
    them); every period's values are in the download."""
    indicator = IndicatorFactory(name="Visits within 10 days", collect_from=D(2024, 1, 1))
    for month in range(30):  # January 2024 to June 2026
        start = D(2024 + month // 12, month % 12 + 1, 1)
        SubmissionFactory(indicator=indicator, agency=home_agency, period_start=start, value=50 + month)
    client.force_login(make_persona("read_only"))
    html = client.get(f"/impact/indicators/{indicator.pk}/").content.decode()
    assert "Values by period, newest first: the latest 24 of 30" in html
    assert ">Jun 2026<" in html and ">Jul 2024<" in html  # the newest and the 24th newest
    assert ">Jun 2024<" not in html  # the 25th newest is only in the download
    assert "Jan 2024 to Jun 2026" in html  # the chart's text alternative covers every period
    assert "data download (Excel)" in html
