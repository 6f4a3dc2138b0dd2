"""The deadlines page and its CSV at the size of a large partnership: the agency filter offers the agencies
and one "Any school" choice (not each of hundreds of schools), the CSV reads its rows a chunk at a time as
they are written (the request that hands a large one to the worker reads no more than it needs), and the
working days of a deadline years overdue are counted as cheaply as those of one due today.
Today is fixed at Wednesday 16 December 2026."""

import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.core import deadline_page, deadlines, workdays
from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
from learningloop.improvement.tests.factories import ActionFactory
from learningloop.partnership.models import Sector
from learningloop.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
D = datetime.date
URL = reverse("learning:statutory_deadlines")
CSV_URL = reverse("learning:statutory_deadlines_export")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 16, 10, 0), tick=False):
        yield


@pytest.fixture
def schools_and_agencies(home_agency):
    oak = AgencyFactory(name="Oak Primary School", sector=Sector.EDUCATION, is_school=True)
    ash = AgencyFactory(name="Ash Academy", sector=Sector.EDUCATION, is_school=True)
    ActionFactory(description="Oak: safer recruitment audit", owner_agency=oak, due_on=D(2026, 12, 18))
    ActionFactory(description="Ash: attendance follow-up", owner_agency=ash, due_on=D(2026, 12, 21))
    ActionFactory(description="Police: custody briefing", owner_agency=home_agency, due_on=D(2026, 12, 17))
    ResponseFactory(request=RequestFactory(title="School chronologies", due_on=D(2026, 12, 14)), agency=oak)
    return {"oak": oak, "ash": ash}


def test_the_agency_filter_offers_any_school_and_not_each_school(
    persona_client, schools_and_agencies, home_agency
):
    client = persona_client("bu_officer")
    page = client.get(URL).text
    assert f'<option value="{home_agency.pk}">Northshire Police</option>' in page
    assert '<option value="schools">Any school</option>' in page
    assert "Oak Primary School</option>" not in page and "Ash Academy</option>" not in page

    # Any school: the schools' three deadlines (two actions, one response), not the police's.
    schools = client.get(URL, {"agency": "schools"}).text
    shown_for_schools = (
        "Oak: safer recruitment audit",
        "Ash: attendance follow-up",
        "Response to School chronologies",
    )
    for shown in shown_for_schools:
        assert shown in schools
    assert "Police: custody briefing" not in schools
    assert "3 deadlines" in schools

    # A link naming one school still works, and the school is offered, chosen.
    oak = client.get(URL, {"agency": schools_and_agencies["oak"].pk}).text
    assert f'<option value="{schools_and_agencies["oak"].pk}" selected>Oak Primary School</option>' in oak
    assert "Oak: safer recruitment audit" in oak and "Ash: attendance follow-up" not in oak


def test_the_csv_of_any_school_lists_the_schools_deadlines(persona_client, schools_and_agencies):
    response = persona_client("bu_officer").get(CSV_URL, {"agency": "schools", "status": "all"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == [
        "Response to School chronologies",  # due 14 December
        "Oak: safer recruitment audit",  # 18 December
        "Ash: attendance follow-up",  # 21 December
    ]


def test_the_page_costs_the_same_however_many_schools(persona_client, schools_and_agencies):
    client = persona_client("bu_officer")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        small = client.get(URL).text
    for n in range(30):
        AgencyFactory(name=f"School {n:02d}", sector=Sector.EDUCATION, is_school=True)
    with CaptureQueriesContext(connection) as many:
        large = client.get(URL).text
    assert len(many) == len(few)
    assert "School 07" not in large
    assert abs(len(large) - len(small)) < 50


def test_a_large_csv_request_is_queued_from_its_count_without_reading_the_rows(
    persona_client, settings, monkeypatch
):
    settings.SPREADSHEET_BACKGROUND_ROWS = 5
    monkeypatch.setattr(deadline_page, "CSV_CHUNK", 4)
    read = []
    real_hydrate = deadline_page.hydrate

    def counting(rows, kinds, today):
        read.append(len(rows))
        return real_hydrate(rows, kinds, today)

    monkeypatch.setattr(deadline_page, "hydrate", counting)
    client = persona_client("bu_officer")
    agency = AgencyFactory()
    for day in range(1, 31):
        ActionFactory(owner_agency=agency, due_on=D(2026, 11, day))
    response = client.get(CSV_URL, {"status": "all"})
    assert response.status_code == 302  # 30 rows: more than 5, built by the worker
    # The count decides it: no row is read in the request, not all thirty.
    assert read == []
    # Five rows or fewer are written in the request, read four at a time.
    settings.SPREADSHEET_BACKGROUND_ROWS = 100
    small = client.get(CSV_URL, {"status": "all"})
    assert small.status_code == 200 and len(b"".join(small.streaming_content).splitlines()) == 31
    assert read == [4] * 7 + [2]


def test_the_csv_holds_every_row_in_order_when_read_in_chunks(persona_client, monkeypatch):
    monkeypatch.setattr(deadline_page, "CSV_CHUNK", 3)
    agency = AgencyFactory()
    for day in (9, 3, 7, 1, 5, 8, 2, 6, 4, 10):
        ActionFactory(description=f"Action due {day} December", owner_agency=agency, due_on=D(2026, 12, day))
    response = persona_client("bu_officer").get(CSV_URL, {"status": "all", "kind": "action"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == [f"Action due {day} December" for day in range(1, 11)]
    # Due Tuesday 1 December, today Wednesday 16 December: 2-4, 7-11 and 14-16 December.
    assert rows[1][6] == "Overdue by 11 working days"


def test_working_days_over_years_count_each_bank_holiday_once():
    # From Friday 1 January 2021 to Friday 1 January 2027: 2,191 days, 313 weeks exactly, so 1,565 weekdays
    # after the start up to and including the end. England's weekday bank holidays in (start, end]:
    # 2021: 7 (New Year's Day 1 January is the start itself, not counted; 2 Apr, 5 Apr, 3 May, 31 May,
    # 30 Aug, 27 Dec, 28 Dec); 2022: 10 (3 Jan, 15 Apr, 18 Apr, 2 May, 2 Jun, 3 Jun, 29 Aug, 19 Sep,
    # 26 Dec, 27 Dec); 2023: 9 (2 Jan, 7 Apr, 10 Apr, 1 May, 8 May, 29 May, 28 Aug, 25 Dec, 26 Dec);
    # 2024: 8; 2025: 8; 2026: 8 (28 December is the substitute for Boxing Day); 2027: New Year's Day.
    # 7 + 10 + 9 + 8 + 8 + 8 + 1 = 51.
    assert workdays.working_days_between(D(2021, 1, 1), D(2027, 1, 1)) == 1565 - 51
    assert workdays.working_days_between(D(2027, 1, 1), D(2021, 1, 1)) == -(1565 - 51)


def test_the_worker_writes_every_row_of_a_large_csv_in_order(
    persona_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from learningloop.core.models import SpreadsheetExport
    from learningloop.core.tests.worker import run_worker

    settings.SPREADSHEET_BACKGROUND_ROWS = 5
    monkeypatch.setattr(deadline_page, "CSV_CHUNK", 4)
    client = persona_client("bu_officer")
    agency = AgencyFactory()
    for day in range(30, 0, -1):
        ActionFactory(description=f"Action due {day} November", owner_agency=agency, due_on=D(2026, 11, day))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(CSV_URL, {"status": "all"}).status_code == 302
    run_worker()
    export = SpreadsheetExport.objects.get()
    download = client.get(reverse("exports:export_download", args=[export.pk]))
    rows = list(csv.reader(io.StringIO(download.getvalue().decode())))
    assert [row[0] for row in rows[1:]] == [f"Action due {day} November" for day in range(1, 31)]


def _leads_an_index(model, field):
    if field.db_index or field.unique or field.primary_key:
        return True
    indexes = model._meta.indexes
    return any(
        index.fields and index.fields[0] == field.name and index.condition is None for index in indexes
    )


@pytest.mark.parametrize("code", sorted(deadlines.REGISTRY))
def test_every_kind_of_deadline_has_its_due_date_indexed(code):
    """The deadlines page merges every kind by due date: with "All" (ten years of met and missed deadlines)
    each kind's soonest are read from an index, not sorted from every deadline it ever had (41,400 dataset
    returns sorted for each page at the large partnership's size)."""
    model = deadlines.get_kind(code).model_class
    *through, name = model.deadline_due_field.split("__")
    for step in through:  # a response's due date is its request's
        model = model._meta.get_field(step).related_model
    assert _leads_an_index(model, model._meta.get_field(name)), f"{model.__name__}.{name} leads no index"
