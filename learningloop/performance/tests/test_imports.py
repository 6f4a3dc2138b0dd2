"""Data returns by file through the one import path: every kind of bad row named by row and column with
nothing saved, and the prefilled template coming back clean."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from learningloop.performance.models import DataDue, Frequency, Submission, Unit
from learningloop.performance.services import data_dues_create

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date
HEADER = "Indicator code,Indicator,Agency,Period end,Value,Numerator,Denominator,Analysis and commentary\r\n"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


@pytest.fixture
def indicators(home_agency, other_agency):
    timely = IndicatorFactory(
        code="m08",
        name="Assessments within 45 working days",
        providers=[home_agency],
        collect_from=D(2026, 1, 1),
    )
    counted = IndicatorFactory(
        code="m24",
        name="Domestic abuse incidents",
        unit=Unit.COUNT,
        numerator="",
        denominator="",
        target=None,
        tolerance=None,
        frequency=Frequency.QUARTERLY,
        providers=[home_agency, other_agency],
        collect_from=D(2025, 4, 1),
    )
    for indicator in (timely, counted):
        data_dues_create(indicator=indicator)
    return timely, counted


def post(client, content, name="returns.csv"):
    return client.post(
        "/impact/import/", {"file": SimpleUploadedFile(name, content, content_type="text/csv")}
    )


def summary(response):
    """The error summary's problems by row (the first item is the file field's count of them)."""
    import re
    from html import unescape

    html = response.content.decode()
    match = re.search(r'<div class="govuk-error-summary.*?</ul>', html, re.S)
    items = re.findall(r"<li>(.*?)</li>", match.group(0), re.S) if match else []
    texts = [" ".join(unescape(re.sub(r"<[^>]+>", " ", i)).split()) for i in items]
    return [t for t in texts if t.startswith("Row ")]


def test_a_clean_file_saves_every_row_and_meets_the_deadlines(client, make_persona, indicators, home_agency):
    client.force_login(make_persona("agency_lead"))
    content = (
        HEADER
        + "m08,,Northshire Police,31/05/2026,,17,20,Up on April\r\n"
        + 'm24,,Northshire Police,31/03/2026,"1,204",,,\r\n'
    ).encode()
    response = post(client, content)
    assert response.status_code == 302, summary(response)
    saved = {(s.indicator.code, s.period_start): s for s in Submission.objects.select_related("indicator")}
    assert saved[("m08", D(2026, 5, 1))].value == Decimal("85.00")
    assert saved[("m08", D(2026, 5, 1))].commentary == "Up on April"
    assert saved[("m24", D(2026, 1, 1))].value == Decimal("1204")
    done = DataDue.objects.filter(agency=home_agency, done_on=D(2026, 6, 15))
    assert {(d.indicator.code, d.period_start) for d in done} == {
        ("m08", D(2026, 5, 1)),
        ("m24", D(2026, 1, 1)),
    }


def test_every_kind_of_bad_row_is_named_and_nothing_is_saved(client, make_persona, indicators, home_agency):
    timely, counted = indicators
    SubmissionFactory(indicator=timely, agency=home_agency, period_start=D(2026, 4, 1), value=80)
    client.force_login(make_persona("agency_lead"))
    content = (
        HEADER
        + "m08,,Northshire Police,31/05/2026,85,,,\r\n"  # row 2: clean
        + "m99,,Northshire Police,31/05/2026,85,,,\r\n"  # 3: unknown indicator
        + "m08,,Northshire Police,30/06/2026,85,,,\r\n"  # 4: not yet ended
        + "m08,,Northshire Police,31/12/2025,85,,,\r\n"  # 5: not due (before the indicator's data starts)
        + "m08,,Northshire Police,15/05/2026,85,,,\r\n"  # 6: not the end of a period
        + "m08,,Northshire Police,31/03/2026,about 80,,,\r\n"  # 7: value not a number
        + "m08,,Northshire Police,31/03/2026,101,,,\r\n"  # 8: percentage above 100
        + "m08,,Northshire Police,28/02/2026,,21,20,\r\n"  # 9: numerator above denominator
        + "m08,,Northshire Police,31/05/2026,86,,,\r\n"  # 10: repeats row 2
        + "m08,,Northshire Hospitals NHS Trust,31/05/2026,85,,,\r\n"  # 11: another agency's row
        + "m08,,Nowhere Council,31/05/2026,85,,,\r\n"  # 12: unknown agency
        + "m08,,Northshire Police,the end of May,85,,,\r\n"  # 13: unreadable date
        + "m08,,Northshire Police,30/04/2026,75,,,\r\n"  # 14: already submitted
    ).encode()
    response = post(client, content)
    assert response.status_code == 200
    assert summary(response) == [
        "Row 3, Indicator code: There is no indicator with the code ‘m99’. Use the codes in the template",
        "Row 4, Period end: The period ending 30 June 2026 has not ended yet",
        "Row 5, Period end: No value is due for the period ending 31 December 2025: "
        "the indicator collects data from 1 January 2026",
        "Row 6, Period end: 15 May 2026 is not the end of a monthly period of this indicator",
        "Row 7, Value: The value must be a number, like 12 or 12.5",
        "Row 8, Value: A percentage must be 100 or less",
        "Row 9, Numerator: The numerator must not be more than the denominator",
        "Row 11, Agency: You can only submit values for Northshire Police",
        "Row 12, Agency: There is no agency called ‘Nowhere Council’",
        "Row 13, Period end: The period end must be a real date, like 31/03/2026",
        "Row 14: Northshire Police has already submitted this period: "
        "correct the value on the indicator's page",
    ]
    assert Submission.objects.count() == 1  # only the one made before the import
    # The duplicate is found once the rows are clean one by one.
    response = post(
        client,
        (
            HEADER + "m08,,Northshire Police,31/05/2026,85,,,\r\nm08,,Northshire Police,31/05/2026,86,,,\r\n"
        ).encode(),
    )
    assert summary(response) == ["Row 3: This row repeats row 2 (the same indicator, agency and period)"]
    assert Submission.objects.count() == 1


def test_the_business_unit_is_told_an_agency_does_not_provide_an_indicator(client, bu_officer, indicators):
    client.force_login(bu_officer)
    response = post(client, (HEADER + "m08,,Northshire Hospitals NHS Trust,31/05/2026,85,,,\r\n").encode())
    assert summary(response) == [
        "Row 2, Agency: Northshire Hospitals NHS Trust does not provide this indicator"
    ]
    assert not Submission.objects.exists()


def test_the_template_lists_what_the_agency_owes_and_comes_back_clean(client, make_persona, indicators):
    client.force_login(make_persona("agency_lead"))
    response = client.get("/impact/import/template?format=xlsx")
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0] == (
        "Indicator code",
        "Indicator",
        "Agency",
        "Period end",
        "Value",
        "Numerator",
        "Denominator",
        "Analysis and commentary",
    )
    owed = [(r[0], r[3].date()) for r in rows[1:]]
    # Monthly from January to May 2026 (June has not ended); quarterly from Q1 2025-26 to Q4 2025-26.
    assert owed == [
        ("m08", D(2026, 1, 31)),
        ("m08", D(2026, 2, 28)),
        ("m08", D(2026, 3, 31)),
        ("m08", D(2026, 4, 30)),
        ("m08", D(2026, 5, 31)),
        ("m24", D(2025, 6, 30)),
        ("m24", D(2025, 9, 30)),
        ("m24", D(2025, 12, 31)),
        ("m24", D(2026, 3, 31)),
    ]
    for index in range(2, len(rows) + 1):
        sheet.cell(row=index, column=5, value=50)
    filled = io.BytesIO()
    sheet.parent.save(filled)
    response = post(client, filled.getvalue(), name="returns.xlsx")
    assert response.status_code == 302, summary(response)
    assert Submission.objects.count() == 9
    assert not client.get("/impact/import/template?format=csv").getvalue().decode().splitlines()[1:]


def test_a_windows_excel_csv_with_serial_dates_and_a_byte_order_mark(client, make_persona, indicators):
    client.force_login(make_persona("agency_lead"))
    # 46173 is 31 May 2026 in Excel's day count; the commentary is Windows-1252 (the £ and the en dash).
    content = (HEADER + "m08,,Northshire Police,46173,85,,,Cost £0 – none\r\n").encode("cp1252")
    response = post(client, content)
    assert response.status_code == 302, summary(response)
    assert Submission.objects.get().commentary == "Cost £0 – none"
    Submission.objects.all().delete()
    response = post(
        client, b"\xef\xbb\xbf" + (HEADER + "m08,,Northshire Police,2026-05-31,85,,,\r\n").encode()
    )
    assert response.status_code == 302, summary(response)
