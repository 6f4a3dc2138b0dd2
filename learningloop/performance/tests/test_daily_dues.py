"""The daily run adds the coming periods' data return deadlines without anyone saving an indicator."""

import datetime

import pytest

from learningloop.core.reminders import send_due_reminders
from learningloop.performance.models import DataDue

from .factories import IndicatorFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_later_daily_run_adds_the_new_periods_dues_once(home_agency, other_agency):
    indicator = IndicatorFactory(collect_from=D(2026, 1, 1), providers=[home_agency, other_agency])
    # 15 June 2026 + 92 days = 15 September: the months January to August end by then (8 periods, 2 agencies).
    send_due_reminders(today=D(2026, 6, 15))
    assert DataDue.objects.filter(indicator=indicator).count() == 16
    assert not DataDue.objects.filter(period_start=D(2026, 9, 1)).exists()
    # A month later the horizon is 15 October: September now ends inside it, one due per agency.
    send_due_reminders(today=D(2026, 7, 15))
    septembers = DataDue.objects.filter(indicator=indicator, period_start=D(2026, 9, 1))
    assert sorted(septembers.values_list("agency_id", flat=True)) == sorted([home_agency.pk, other_agency.pk])
    # September ends on Wednesday 30 September; 15 working days later (the default) is Wednesday 21 October.
    assert {due.due_on for due in septembers} == {D(2026, 10, 21)}
    assert DataDue.objects.filter(indicator=indicator).count() == 18
    send_due_reminders(today=D(2026, 7, 15))
    assert DataDue.objects.filter(indicator=indicator).count() == 18


def test_an_inactive_indicator_gets_no_new_dues(home_agency):
    indicator = IndicatorFactory(collect_from=D(2026, 1, 1), providers=[home_agency], is_active=False)
    send_due_reminders(today=D(2026, 6, 15))
    assert not DataDue.objects.filter(indicator=indicator).exists()


def test_the_dues_are_listed_with_the_other_deadlines(home_agency, bu_officer, client, time_machine):
    import csv
    import io

    IndicatorFactory(
        name="Visits within 10 days", collect_from=D(2026, 1, 1), providers=[home_agency], frequency="monthly"
    )
    time_machine.move_to(datetime.datetime(2026, 2, 16, 9, 0))  # Monday 16 February 2026
    send_due_reminders(today=D(2026, 2, 16))
    client.force_login(bu_officer)
    response = client.get("/learning/deadlines/export.csv", {"status": "all", "kind": "data-return"})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8"))))
    # January ends on Saturday 31 January: 15 working days later is Friday 20 February, 4 working days
    # after today; February ends on Saturday 28 February: Friday 20 March, 24 working days away.
    assert rows[1:3] == [
        ["Visits within 10 days: Jan 2026", "Dataset return", home_agency.name, "", "Dataset returns",
         "2026-02-20", "Due in 4 working days"],
        ["Visits within 10 days: Feb 2026", "Dataset return", home_agency.name, "", "Dataset returns",
         "2026-03-20", "Due in 24 working days"],
    ]  # fmt: skip
