"""Agencies' data returns: deadlines per agency and period, submissions by form with agency scoping,
corrections keeping history, and reminders sent once from the ledger."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core import mail

from learningloop.core.models import Reminder
from learningloop.core.reminders import send_due_reminders
from learningloop.core.tests.test_tasks import run_worker
from learningloop.performance.models import Correction, DataDue, Submission
from learningloop.performance.services import data_dues_create

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 6, 15)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


@pytest.fixture
def indicator(home_agency, other_agency):
    indicator = IndicatorFactory(
        name="Assessments within 45 working days",
        providers=[home_agency, other_agency],
        collect_from=D(2026, 3, 1),
    )
    data_dues_create(indicator=indicator)
    return indicator


def test_each_provider_owes_each_period_15_working_days_after_it_ends(indicator, home_agency):
    dues = DataDue.objects.filter(indicator=indicator, agency=home_agency).order_by("period_start")
    # March ends Tuesday 31 March 2026; 15 working days later, skipping Good Friday (3 April) and Easter
    # Monday (6 April), is Thursday 23 April. April ends Thursday 30 April: 1 May, then (4 May is a bank
    # holiday) 5-8, 11-15 and 18-22 May: Friday 22 May. May ends Sunday 31 May: 1-19 June, Friday 19 June.
    assert [(d.period_start, d.due_on) for d in dues][:3] == [
        (D(2026, 3, 1), D(2026, 4, 23)),
        (D(2026, 4, 1), D(2026, 5, 22)),
        (D(2026, 5, 1), D(2026, 6, 19)),
    ]
    assert DataDue.objects.filter(indicator=indicator).count() == 2 * len(dues)
    assert data_dues_create(indicator=indicator) == 0  # scheduling again adds nothing


def test_editing_the_working_days_moves_what_is_still_owed(indicator, home_agency):
    indicator.due_working_days = 5
    indicator.save()
    data_dues_create(indicator=indicator)
    may = DataDue.objects.get(indicator=indicator, agency=home_agency, period_start=D(2026, 5, 1))
    assert may.due_on == D(2026, 6, 5)  # 1-5 June 2026


def test_an_agency_user_submits_for_their_own_agency_only(
    client, make_persona, indicator, home_agency, other_agency
):
    client.force_login(make_persona("agency_member"))
    url = f"/impact/indicators/{indicator.pk}/submit/"
    page = client.get(url).content.decode()
    assert "Northshire Police" in page and "Northshire Hospitals" not in page
    response = client.post(
        url, {"agency": other_agency.pk, "period": "2026-05-01", "numerator": "17", "denominator": "20"}
    )
    assert response.status_code == 200
    assert "Select the agency" in response.content.decode()
    assert not Submission.objects.exists()
    response = client.post(
        url,
        {
            "agency": home_agency.pk,
            "period": "2026-05-01",
            "numerator": "17",
            "denominator": "20",
            "commentary": "Up on April",
        },
    )
    assert response.status_code == 302
    saved = Submission.objects.get()
    assert (saved.agency, saved.value, saved.commentary) == (home_agency, Decimal("85.00"), "Up on April")
    assert (
        DataDue.objects.get(indicator=indicator, agency=home_agency, period_start=D(2026, 5, 1)).done_on
        == TODAY
    )


def test_bad_values_are_explained_and_nothing_is_saved(client, bu_officer, indicator, home_agency):
    client.force_login(bu_officer)
    url = f"/impact/indicators/{indicator.pk}/submit/"
    for body, message in [
        ({"numerator": "21", "denominator": "20"}, "The numerator must not be more than the denominator"),
        ({"value": "101"}, "A percentage must be 100 or less"),
        ({"value": "lots"}, "Enter a number, like 12 or 12.5"),
        ({}, "Enter the value, or the numerator and the denominator"),
        ({"numerator": "3", "denominator": "0"}, "The denominator must be more than 0"),
    ]:
        response = client.post(url, {"agency": home_agency.pk, "period": "2026-05-01", **body})
        assert response.status_code == 200
        assert message in response.content.decode(), message
    # June has not ended: it is not offered, so it cannot be chosen
    response = client.post(url, {"agency": home_agency.pk, "period": "2026-06-01", "value": "50"})
    assert "Select a period that is owed" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_correction_keeps_the_earlier_value_with_who_and_why(client, make_persona, indicator, home_agency):
    submission = SubmissionFactory(
        indicator=indicator,
        agency=home_agency,
        period_start=D(2026, 5, 1),
        value=70,
        numerator=7,
        denominator=10,
        commentary="First go",
    )
    lead = make_persona("agency_lead")
    client.force_login(lead)
    response = client.post(
        f"/impact/values/{submission.pk}/correct/",
        {
            "version": submission.version,
            "numerator": "8",
            "denominator": "10",
            "commentary": "Recounted",
            "reason": "Two assessments were recorded late in the system",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.value, submission.commentary, submission.submitted_by) == (
        Decimal("80.00"),
        "Recounted",
        lead,
    )
    earlier = Correction.objects.get()
    assert (earlier.value, earlier.commentary, earlier.changed_by, earlier.reason) == (
        Decimal("70.00"),
        "First go",
        lead,
        "Two assessments were recorded late in the system",
    )
    page = client.get(f"/impact/values/{submission.pk}/").content.decode()
    assert "Two assessments were recorded late in the system" in page and "70%" in page


def test_a_correction_needs_a_reason_and_another_agency_cannot_correct(
    client, make_persona, indicator, other_agency, home_agency
):
    theirs = SubmissionFactory(indicator=indicator, agency=other_agency, period_start=D(2026, 5, 1), value=70)
    client.force_login(make_persona("agency_lead"))
    assert (
        client.post(
            f"/impact/values/{theirs.pk}/correct/", {"version": 1, "value": "90", "reason": "x"}
        ).status_code
        == 403
    )
    ours = SubmissionFactory(indicator=indicator, agency=home_agency, period_start=D(2026, 5, 1), value=70)
    response = client.post(f"/impact/values/{ours.pk}/correct/", {"version": 1, "value": "90", "reason": ""})
    assert "Enter why the value is being corrected" in response.content.decode()
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert (theirs.value, ours.value) == (70, 70)
    assert not Correction.objects.exists()


def test_a_correction_saved_after_someone_elses_is_refused(client, bu_officer, indicator, home_agency):
    submission = SubmissionFactory(
        indicator=indicator, agency=home_agency, period_start=D(2026, 5, 1), value=70
    )
    client.force_login(bu_officer)
    body = {"version": 1, "value": "75", "reason": "Recount"}
    assert client.post(f"/impact/values/{submission.pk}/correct/", body).status_code == 302
    assert client.post(f"/impact/values/{submission.pk}/correct/", {**body, "value": "99"}).status_code == 409
    submission.refresh_from_db()
    assert submission.value == 75


@pytest.mark.django_db(transaction=True)
def test_reminders_go_to_the_agency_lead_once_before_and_after(make_persona, home_agency, other_agency):
    from learningloop.accounts.tests.factories import UserFactory
    from learningloop.core.policy import Role

    indicator = IndicatorFactory(
        name="Strategy discussions", providers=[home_agency], collect_from=D(2026, 5, 1)
    )
    data_dues_create(indicator=indicator)
    UserFactory(email="lead@police.example.org", agency=home_agency, roles=[Role.AGENCY_LEAD])
    UserFactory(email="member@police.example.org", agency=home_agency, roles=[Role.AGENCY_MEMBER])
    # May is due Friday 19 June 2026; five working days before is Friday 12 June.
    with time_machine.travel(datetime.datetime(2026, 6, 12, 7, 0), tick=False):
        send_due_reminders()
        send_due_reminders()
        run_worker()
    sent = [m for m in mail.outbox if "Strategy discussions" in m.subject]
    assert [(m.to, m.subject) for m in sent] == [
        (["lead@police.example.org"], "Reminder: dataset return due soon: Strategy discussions, May 2026")
    ]
    with time_machine.travel(datetime.datetime(2026, 6, 26, 7, 0), tick=False):  # a week overdue
        send_due_reminders()
        send_due_reminders()
        run_worker()
    sent = [m for m in mail.outbox if "Strategy discussions" in m.subject]
    assert [m.subject for m in sent][1:] == ["Overdue: dataset return: Strategy discussions, May 2026"]
    assert "/impact/indicators/" in sent[1].body
    assert Reminder.objects.filter(kind__startswith="data-return").count() == 2
