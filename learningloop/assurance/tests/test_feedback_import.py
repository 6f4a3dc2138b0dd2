"""Complaints and compliments from a CSV or Excel file, through the one import path: a template to download,
all or nothing, every problem by row and column, and a quarter imported again corrected as the form
corrects it. An agency's lead imports their own agency's counts only."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from learningloop.assurance.feedback import services
from learningloop.assurance.models import FeedbackCount
from learningloop.learning.models import LearningActivity
from learningloop.learning.tests.factories_register import ThemeFactory
from learningloop.partnership.tests.factories import LearningSourceTypeFactory

from .test_selfassessment import _table

pytestmark = pytest.mark.django_db
URL = "/assurance/complaints-and-compliments/import/"
HEADERS = "Agency,Quarter starting,Kind,Theme,Count\n"


@pytest.fixture(autouse=True)
def source_type(db):
    return LearningSourceTypeFactory(name=services.SOURCE_TYPE_NAME)


@pytest.fixture
def neglect(db):
    from learningloop.learning.models import Theme

    return Theme.objects.filter(name__iexact="Neglect").first() or ThemeFactory(name="Neglect")


def _csv(text, name="counts.csv"):
    return SimpleUploadedFile(name, (HEADERS + text).encode(), content_type="text/csv")


def test_the_url_is_the_one_the_pages_link_to():
    assert reverse("assurance:feedback_import") == URL


def test_bad_rows_are_each_reported_and_nothing_is_saved(officer_client, home_agency, other_agency, neglect):
    response = officer_client.post(
        URL,
        {
            "file": _csv(
                "Northshire Police,01/04/2025,Complaints,Neglect,4\n"  # good
                "Nowhere Council,01/04/2025,Complaints,,2\n"  # unknown agency
                "Northshire Police,01/04/2025,Compliments,Housing,3\n"  # unknown theme
                "Northshire Police,the spring,Complaints,,1\n"  # quarter unreadable
                "Northshire Police,15/05/2025,Complaints,,1\n"  # not the first day of a quarter
                "Northshire Hospitals NHS Trust,01/07/2025,Complaints,,2.5\n"  # not a whole number
                "Northshire Hospitals NHS Trust,01/07/2025,Grumbles,,2\n"  # unknown kind
            )
        },
    )
    assert response.status_code == 200
    page = response.text
    assert "govuk-error-summary" in page
    assert "The selected file has 6 problems: nothing was imported" in page
    assert "Row 3, Agency: ‘Nowhere Council’ is not an active agency" in page
    assert "Row 4, Theme: ‘Housing’ is not a learning theme" in page
    assert "Row 5, Quarter starting: Quarter starting must be a real date, like 31/03/2026" in page
    assert "Row 6, Quarter starting: Enter the first day of a quarter" in page
    assert "Row 7, Count: Enter the count as a whole number from 0 to 100,000" in page
    assert "Row 8, Kind: Enter Complaints or Compliments" in page
    assert not FeedbackCount.objects.exists()
    assert not LearningActivity.objects.exists()


def test_a_row_twice_is_refused_and_nothing_is_saved(officer_client, home_agency, neglect):
    response = officer_client.post(
        URL,
        {
            "file": _csv(
                "Northshire Police,01/01/2025,Complaints,Neglect,4\n"
                "Northshire Police,01/01/2025,Compliments,Neglect,4\n"
                "northshire police,1 January 2025,complaints,neglect,5\n"
            )
        },
    )
    assert response.status_code == 200
    assert "Row 4: The same agency, quarter, kind and theme as row 2: keep one row" in response.text
    assert not FeedbackCount.objects.exists()


def test_a_good_file_gives_the_yearly_totals_and_a_second_import_corrects_a_quarter(
    officer_client, home_agency, other_agency, neglect
):
    good = (
        "Northshire Police,01/01/2024,Complaints,Neglect,4\n"
        "Northshire Police,01/01/2024,Complaints,,3\n"
        'Northshire Hospitals NHS Trust,01/10/2024,Complaints,Neglect,"1,200"\n'
        "Northshire Police,01/04/2024,Compliments,,10\n"
        "Northshire Hospitals NHS Trust,2025-01-01,Compliments,Neglect,6\n"
        "Northshire Police,01/07/2025,Complaints,,2\n"
    )
    response = officer_client.post(URL, {"file": _csv(good)})
    assert response.status_code == 302
    page = officer_client.get(reverse("assurance:feedback_list")).text
    assert "Counts imported from 6 rows" in page
    # 2024: complaints 4 + 3 + 1,200 = 1,207; compliments 10. 2025: complaints 2; compliments 6.
    assert _table(page, "trend") == [["2024", "1,207", "10"], ["2025", "2", "6"]]

    # The police correct their first quarter of 2024 (4 -> 1 for neglect), as the form would.
    again = "Northshire Police,01/01/2024,Complaints,Neglect,1\n"
    assert officer_client.post(URL, {"file": _csv(again)}).status_code == 302
    page = officer_client.get(reverse("assurance:feedback_list")).text
    assert _table(page, "trend") == [["2024", "1,204", "10"], ["2025", "2", "6"]]
    assert FeedbackCount.objects.count() == 6
    # Each year's counts are one source in the learning register, with the agencies that reported.
    activity = LearningActivity.objects.get(title__endswith="2024")
    assert set(activity.provider_agencies.all()) == {home_agency, other_agency}


def test_an_excel_file_is_read_too(officer_client, home_agency):
    book = Workbook()
    sheet = book.active
    sheet.append(["Agency", "Quarter starting", "Kind", "Theme", "Count"])
    import datetime

    sheet.append(["Northshire Police", datetime.date(2026, 4, 1), "Compliments", None, 9])
    data = io.BytesIO()
    book.save(data)
    upload = SimpleUploadedFile(
        "counts.xlsx",
        data.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    assert officer_client.post(URL, {"file": upload}).status_code == 302
    row = FeedbackCount.objects.get()
    assert (row.agency, row.period_start.isoformat(), row.kind, row.count) == (
        home_agency,
        "2026-04-01",
        "compliment",
        9,
    )


def test_an_agency_lead_imports_their_own_agency_only(lead_client, home_agency, other_agency):
    response = lead_client.post(
        URL,
        {
            "file": _csv(
                "Northshire Police,01/04/2026,Complaints,,2\n"
                "Northshire Hospitals NHS Trust,01/04/2026,Complaints,,5\n"
            )
        },
    )
    assert response.status_code == 200
    assert "Row 3, Agency: You can import counts for your own agency only" in response.text
    assert not FeedbackCount.objects.exists()
    template = lead_client.get(reverse("assurance:feedback_import_template"))
    rows = list(load_workbook(io.BytesIO(template.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Agency", "Quarter starting", "Kind", "Theme", "Count")
    assert {r[0] for r in rows[1:]} == {"Northshire Police"}


def test_the_template_comes_back_as_it_went_out(officer_client, home_agency, other_agency):
    template = officer_client.get(reverse("assurance:feedback_import_template"), {"format": "csv"})
    body = template.getvalue()  # a CSV download streams: read it once
    text = body.decode("utf-8-sig").splitlines()
    assert text[0] == "Agency,Quarter starting,Kind,Theme,Count"
    assert (
        "Northshire Police,,Complaints,," in text and "Northshire Hospitals NHS Trust,,Compliments,," in text
    )
    # Blank counts are reported, not saved as 0.
    response = officer_client.post(URL, {"file": SimpleUploadedFile("t.csv", body)})
    assert response.status_code == 200
    assert "Row 2, Quarter starting: Enter the first day of the quarter" in response.text
    assert not FeedbackCount.objects.exists()
