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
