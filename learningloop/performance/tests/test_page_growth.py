"""What the impact pages cost does not grow with the values a large partnership holds: the values CSV hands a
large file to the worker after reading only its first rows, and the indicator page builds no model instance
per submitted value (a measure with a hundred providers over ten years has twelve thousand)."""

import datetime
import re

import pytest

from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.performance.models import Submission

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def built(monkeypatch):
    """How many submissions are made into model instances while a page is answered."""
    made = []
    original = Submission.from_db.__func__

    def counting(cls, db, field_names, values, **kwargs):
        made.append(1)
        return original(cls, db, field_names, values, **kwargs)

    monkeypatch.setattr(Submission, "from_db", classmethod(counting))
    return made


@pytest.fixture
def visits():
    indicator = IndicatorFactory(name="Visits within 10 days", collect_from=D(2025, 1, 1))
    agencies = [AgencyFactory() for _ in range(4)]
    for month in range(5):  # January to May 2025: 4 agencies x 5 months = 20 values
        for agency in agencies:
            SubmissionFactory(
                indicator=indicator, agency=agency, period_start=D(2025, month + 1, 1), value=60 + month
            )
    return indicator


def test_a_large_values_csv_goes_to_the_worker_from_its_count_without_reading_a_value(
    client, make_persona, settings, visits, built
):
    settings.SPREADSHEET_BACKGROUND_ROWS = 3  # 20 values are a "large" file here
    client.force_login(make_persona("read_only"))
    response = client.get(f"/impact/indicators/{visits.pk}/values.csv")
    assert response.status_code == 302 and "/exports/" in response["Location"]
    assert built == []  # counted, not read (it read the threshold and one more)


def test_a_small_values_csv_still_has_every_row(client, make_persona, visits):
    client.force_login(make_persona("read_only"))
    response = client.get(f"/impact/indicators/{visits.pk}/values.csv")
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert len(lines) == 21  # the header and 20 values
    assert lines[1].startswith(f"{visits.code},Jan 2025,2025-01-01,2025-01-31,")


def test_the_indicator_page_makes_no_instance_per_value(client, make_persona, visits, built):
    client.force_login(make_persona("read_only"))
    html = client.get(f"/impact/indicators/{visits.pk}/").content.decode()
    assert "Values by period, newest first" in html and ">May 2025<" in html
    # May 2025's row: the partnership's 64% (four agencies' 64 each, their mean), then each agency's link.
    row = html[html.index(">May 2025</th>") :].split("</tr>")[0]
    assert re.match(r">May 2025</th>\s*<td[^>]*>64%</td>", row)
    assert row.count("/impact/values/") == 4
    assert built == []


def test_the_late_returns_filter_offers_any_school_not_every_school(client, bu_officer):
    """A large partnership has hundreds of schools: the agency drop-down names the other agencies and
    offers one "Any school" (as the other lists do, ADR 0038); a school already chosen stays offered."""
    AgencyFactory(name="Police")
    AgencyFactory(name="Elm High", is_school=True)
    oak = AgencyFactory(name="Oak Primary", is_school=True)
    client.force_login(bu_officer)
    html = client.get("/impact/late/").content.decode()
    select = html[html.index('<select class="govuk-select" id="id_agency"') :].split("</select>")[0]
    assert "Police" in select and "Any school" in select
    assert "Oak Primary" not in select and "Elm High" not in select
    chosen = client.get(f"/impact/late/?agency={oak.pk}").content.decode()
    assert "Oak Primary" in chosen.split("</select>")[0]
    assert client.get("/impact/late/?agency=schools").status_code == 200
    junk = client.get("/impact/late/?agency=999999")
    assert junk.status_code == 200 and "govuk-error-summary" in junk.content.decode()
