"""The case review pages: create, edit, monitoring (who may, what is saved, what is refused), the list with
its filters and stable query count, the statutory deadlines page, the rules page and the conversions."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.core import workdays
from learningloop.learning.models import (
    CaseReview,
    LearningActivity,
    Milestone,
    MonitoringEntry,
    ReviewDecision,
    ReviewKind,
)
from learningloop.partnership.models import Group

from .factories_reviews import make_review

pytestmark = pytest.mark.django_db
D = datetime.date


def _date(prefix, d):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year} if d else {}


@pytest.fixture
def framework(db):
    call_command("load_framework", stdout=io.StringIO())


# --- Create ---


def _create_data(**overrides):
    data = {"kind": "child", "title": "Serious incident, spring", "pseudonym": "Child A"}
    data.update(_date("aware_on", D(2025, 3, 3)))
    data["owning_group"] = Group.objects.get(name="CSPR Panel").pk
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "kind, type_name",
    [("child", "Rapid review"), ("sar", "Safeguarding adult review"), ("dhr", "Domestic homicide review")],
)
def test_create_makes_the_activity_and_the_review(framework, persona_client, kind, type_name):
    response = persona_client("bu_officer").post(reverse("learning:review_create"), _create_data(kind=kind))
    review = CaseReview.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "learning:review_detail", args=[review.pk]
    )
    assert review.kind == kind and review.pseudonym == "Child A" and review.aware_on == D(2025, 3, 3)
    assert review.activity.source_type.name == type_name
    assert review.activity.owning_group.name == "CSPR Panel"
    assert review.milestones.exists()


def test_create_form_defaults_to_the_cspr_panel(framework, persona_client):
    body = persona_client("bu_officer").get(reverse("learning:review_create")).content.decode()
    panel = Group.objects.get(name="CSPR Panel")
    assert f'<option value="{panel.pk}" selected>' in body


def test_create_without_the_source_type_says_so_and_saves_nothing(framework, persona_client):
    from learningloop.partnership.models import LearningSourceType

    LearningSourceType.objects.filter(name="Domestic homicide review").delete()
    response = persona_client("bu_officer").post(reverse("learning:review_create"), _create_data(kind="dhr"))
    assert response.status_code == 200
    assert "There is no learning source type called ‘Domestic homicide review’" in response.content.decode()
    assert not CaseReview.objects.exists() and not LearningActivity.objects.exists()


def test_create_refuses_bad_input(framework, persona_client):
    data = _create_data(title="", pseudonym="x" * 51, **{"aware_on-month": 13})
    body = persona_client("bu_officer").post(reverse("learning:review_create"), data).content.decode()
    assert "Enter the title" in body and "Enter a real date" in body and "govuk-error-summary" in body
    assert not CaseReview.objects.exists() and not LearningActivity.objects.exists()


def test_create_refused_to_read_only_and_anonymous(framework, persona_client):
    url = reverse("learning:review_create")
    assert persona_client("read_only").post(url, _create_data()).status_code == 403
    assert persona_client("agency_lead").post(url, _create_data()).status_code == 403
    response = persona_client("anonymous").post(url, _create_data())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert persona_client("bu_officer").put(url).status_code == 405
    assert not CaseReview.objects.exists()


# --- Edit ---


def _edit_data(review, **dates):
    data = {"pseudonym": review.pseudonym, "decision": review.decision, "version": review.version}
    data.update(_date("aware_on", review.aware_on))
    for name, value in dates.items():
        if name.endswith("_on"):
            data.update(_date(name, value))
        else:
            data[name] = value
    return data


def test_edit_saves_dates_and_syncs_milestones(persona_client):
    review = make_review(aware_on=D(2025, 1, 6))
    data = _edit_data(
        review,
        panel_notified_on=D(2025, 1, 8),
        rapid_review_sent_on=D(2025, 1, 27),
        decision="local_review",
        decision_on=D(2025, 2, 10),
        criteria_multi_agency="on",
        decision_rationale="Several agencies missed the signs",
    )
    response = persona_client("bu_officer").post(reverse("learning:review_edit", args=[review.pk]), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.decision == ReviewDecision.LOCAL_REVIEW and review.criteria_multi_agency
    assert not review.criteria_improvements
    assert review.milestones.filter(rule__code="child-local-review", due_on=D(2025, 8, 10)).exists()


@pytest.mark.parametrize(
    "dates, field, message",
    [
        (
            {"panel_notified_on": D(2025, 1, 3)},
            "panel_notified_on",
            "The notification date must be on or after the date the local authority became aware",
        ),
        (
            {"panel_notified_on": D(2025, 1, 8), "rapid_review_sent_on": D(2025, 1, 7)},
            "rapid_review_sent_on",
            "The rapid review cannot be sent before the Panel was notified",
        ),
        (
            {
                "decision": "local_review",
                "decision_on": D(2025, 2, 1),
                "sent_to_panel_on": D(2025, 6, 10),
                "published_on": D(2025, 6, 9),
            },
            "published_on",
            "The publication date must be on or after the date the report went to the Panel",
        ),
        ({"decision": "local_review"}, "decision_on", "Enter the date of the decision"),
    ],
)
def test_edit_refuses_dates_in_the_wrong_order(persona_client, dates, field, message):
    review = make_review(aware_on=D(2025, 1, 6))
    before = (CaseReview.objects.filter(pk=review.pk).values().get(), list(review.milestones.values()))
    response = persona_client("bu_officer").post(
        reverse("learning:review_edit", args=[review.pk]), _edit_data(review, **dates)
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="#id_{field}' in body, "the error summary links to the right field"
    assert f'id="id_{field}-error"' in body and message in body
    assert (
        CaseReview.objects.filter(pk=review.pk).values().get(),
        list(review.milestones.values()),
    ) == before


def test_edit_limits_long_text(persona_client):
    review = make_review()
    data = _edit_data(review, delay_reasons="x" * 10_001)
    body = persona_client("bu_officer").post(reverse("learning:review_edit", args=[review.pk]), data).content
    assert "Enter 10,000 characters or fewer" in body.decode()
    review.refresh_from_db()
    assert review.delay_reasons == ""


def test_edit_of_an_adult_review_has_no_rapid_review_fields(persona_client):
    review = make_review(kind=ReviewKind.SAR)
    body = (
        persona_client("bu_officer").get(reverse("learning:review_edit", args=[review.pk])).content.decode()
    )
    assert "rapid_review_sent_on" not in body and "decision_on" in body


def test_edit_refused_to_read_only_and_anonymous(persona_client):
    review = make_review(pseudonym="Child R")
    url = reverse("learning:review_edit", args=[review.pk])
    data = _edit_data(review, pseudonym="Changed")
    assert persona_client("read_only").post(url, data).status_code == 403
    assert persona_client("scrutineer").get(url).status_code == 403
    response = persona_client("anonymous").post(url, data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    officer = persona_client("bu_officer")
    assert officer.delete(url).status_code == 405
    assert officer.get(reverse("learning:review_edit", args=[review.pk + 999])).status_code == 404
    review.refresh_from_db()
    assert review.pseudonym == "Child R"


# --- Monitoring log ---


def test_monitoring_entry_is_added(persona_client):
    review = make_review()
    url = reverse("learning:monitoring_entry_create", args=[review.pk])
    data = {**_date("entry_on", D(2025, 5, 1)), "note": "On track; chronology received from all agencies"}
    response = persona_client("bu_officer").post(url, data)
    assert response.status_code == 302
    entry = MonitoringEntry.objects.get()
    assert (
        entry.review == review
        and entry.entry_on == D(2025, 5, 1)
        and entry.recorded_by.email == "bu_officer@example.org"
    )
    detail = (
        persona_client("read_only").get(reverse("learning:review_detail", args=[review.pk])).content.decode()
    )
    assert "chronology received from all agencies" in detail


def test_monitoring_entry_refuses_bad_input(persona_client):
    review = make_review()
    url = reverse("learning:monitoring_entry_create", args=[review.pk])
    body = persona_client("bu_officer").post(url, {"note": "x" * 5001}).content.decode()
    assert "Enter the date" in body and "Enter 5,000 characters or fewer" in body
    assert not MonitoringEntry.objects.exists()


def test_monitoring_entry_refused_to_read_only_and_anonymous(persona_client):
    review = make_review()
    url = reverse("learning:monitoring_entry_create", args=[review.pk])
    data = {**_date("entry_on", D(2025, 5, 1)), "note": "Note"}
    assert persona_client("read_only").post(url, data).status_code == 403
    assert persona_client("group_chair").post(url, data).status_code == 403
    response = persona_client("anonymous").post(url, data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert persona_client("bu_officer").patch(url).status_code == 405
    assert not MonitoringEntry.objects.exists()


# --- Detail ---


def test_detail_shows_delay_reasons_only_when_something_slipped(persona_client):
    on_time = make_review(
        aware_on=D(2025, 1, 6),
        panel_notified_on=D(2025, 1, 7),
        rapid_review_sent_on=D(2025, 1, 20),
        # The decision comes with the rapid review (due 15 working days after notification: 28 January).
        decision=ReviewDecision.NO_LOCAL_REVIEW,
        decision_on=D(2025, 1, 20),
        delay_reasons="Hidden",
    )
    late = make_review(
        aware_on=D(2025, 1, 6), panel_notified_on=D(2025, 1, 20), delay_reasons="Agency returns late"
    )
    client = persona_client("agency_member")
    on_time_body = client.get(reverse("learning:review_detail", args=[on_time.pk])).content.decode()
    late_body = client.get(reverse("learning:review_detail", args=[late.pk])).content.decode()
    assert "Reasons for any delay" in late_body and "Agency returns late" in late_body
    assert "Met on time" in on_time_body and "Hidden" not in on_time_body


# --- List ---


def _list(client, **params):
    return client.get(reverse("learning:review_list"), params)


def test_list_shows_stage_next_deadline_and_filters(persona_client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 0), tick=False)  # a Wednesday: days count from it
    today = datetime.date.today()
    overdue = make_review(pseudonym="Child Late", aware_on=workdays.add_working_days(today, -10))
    fresh = make_review(pseudonym="Child Fresh", aware_on=today)
    closed = make_review(
        pseudonym="Child Closed",
        aware_on=D(2024, 1, 8),
        panel_notified_on=D(2024, 1, 9),
        rapid_review_sent_on=D(2024, 1, 25),
        decision="no_local_review",
        decision_on=D(2024, 2, 1),
    )
    sar = make_review(pseudonym="Adult S", kind=ReviewKind.SAR, aware_on=today)
    client = persona_client("agency_member")
    body = _list(client).content.decode()
    for review in (overdue, fresh, closed, sar):
        assert review.pseudonym in body
    assert "Awaiting notification" in body and "Closed without local review" in body and "Decision" in body
    assert "Overdue by 5 working days" in body and "Notify the national Panel" in body

    only_overdue = _list(client, overdue="yes").content.decode()
    assert "Child Late" in only_overdue and "Child Fresh" not in only_overdue
    by_stage = _list(client, stage="closed").content.decode()
    assert "Child Closed" in by_stage and "Child Late" not in by_stage
    by_kind = _list(client, kind="sar").content.decode()
    assert "Adult S" in by_kind and "Child Fresh" not in by_kind
    assert _list(client, stage="nonsense", page="x").status_code == 200
    assert Milestone.objects.overdue_activity_ids() == {overdue.activity_id}


def test_the_list_shows_the_soonest_open_deadline_not_one_already_met(persona_client):
    # Aware Monday 6 January 2025, Panel notified the next day (met). Still open: the rapid review and the
    # decision, both 15 working days after notification, counted on a calendar: Tuesday 28 January 2025.
    # Then the local review, six months after a decision not yet made: not the next one.
    make_review(pseudonym="Child Notified", aware_on=D(2025, 1, 6), panel_notified_on=D(2025, 1, 7))
    body = _list(persona_client("agency_member")).content.decode()
    row = body[body.index("Child Notified") :]
    row = row[: row.index("</tr>")]
    assert "due 28 January 2025" in row
    assert "Notify the national Panel" not in row and "None open" not in row


def test_list_query_count_does_not_grow(persona_client, django_assert_max_num_queries):
    client = persona_client("agency_member")
    for _ in range(2):
        make_review(aware_on=D(2025, 1, 6))
    _list(client)  # warm caches (session, user)
    with CaptureQueriesContext(connection) as two:
        assert _list(client).status_code == 200
    for _ in range(48):
        make_review(aware_on=D(2025, 1, 6), panel_notified_on=D(2025, 1, 7))
    with CaptureQueriesContext(connection) as fifty:
        assert _list(client).status_code == 200
    assert len(two) == len(fifty)


def test_overdue_review_ids_is_one_query(django_assert_num_queries):
    review = make_review(aware_on=D(2020, 1, 6))
    with django_assert_num_queries(1):
        assert Milestone.objects.overdue_activity_ids() == {review.activity_id}


# --- Statutory deadlines ---


def test_statutory_deadlines_lists_due_soon_and_overdue_soonest_first(persona_client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 0), tick=False)  # a Wednesday: days count from it
    today = datetime.date.today()
    make_review(pseudonym="Child Overdue", aware_on=workdays.add_working_days(today, -20))
    make_review(pseudonym="Child Soon", aware_on=today)  # notification due in 5 working days
    make_review(
        pseudonym="Child Later", aware_on=today, panel_notified_on=today
    )  # rapid review in 15: too far
    make_review(pseudonym="Child Done", aware_on=today, panel_notified_on=today, rapid_review_sent_on=today)
    body = persona_client("scrutineer").get(reverse("learning:statutory_deadlines")).content.decode()
    assert body.index("Child Overdue") < body.index("Child Soon")
    assert "Child Later" not in body and "Child Done" not in body
    assert "Overdue by 15 working days" in body and "Due in 5 working days" in body


def test_statutory_deadlines_query_count_does_not_grow(persona_client):
    client = persona_client("agency_member")
    today = datetime.date.today()
    for _ in range(2):
        make_review(aware_on=today)
    client.get(reverse("learning:statutory_deadlines"))
    with CaptureQueriesContext(connection) as two:
        client.get(reverse("learning:statutory_deadlines"))
    for _ in range(48):
        make_review(aware_on=workdays.add_working_days(today, -10))
    with CaptureQueriesContext(connection) as fifty:
        body = client.get(reverse("learning:statutory_deadlines")).content.decode()
    assert body.count("Overdue by") == 48
    assert len(two) == len(fifty)


# --- Rules and conversions ---


def test_rules_page_shows_every_rule(persona_client):
    body = persona_client("read_only").get(reverse("learning:deadline_rules")).content.decode()
    assert "Notify the national Panel" in body
    assert "5 working days after the date the local authority became aware" in body
    assert "7 working days before the planned publication date" in body
    assert "Only when a local review is held" in body
    assert "Domestic Homicide Review statutory guidance" in body


def test_conversions_per_year():
    make_review(
        aware_on=D(2023, 12, 20),
        panel_notified_on=D(2023, 12, 21),
        rapid_review_sent_on=D(2024, 1, 10),
        decision="local_review",
        decision_on=D(2024, 1, 20),
    )
    make_review(
        aware_on=D(2024, 3, 1),
        panel_notified_on=D(2024, 3, 4),
        rapid_review_sent_on=D(2024, 3, 20),
        decision="no_local_review",
        decision_on=D(2024, 4, 1),
    )
    make_review(aware_on=D(2024, 6, 3))  # not sent yet: counted by awareness, not decided
    make_review(
        aware_on=D(2023, 2, 1),
        panel_notified_on=D(2023, 2, 2),
        rapid_review_sent_on=D(2023, 2, 20),
        decision="local_review",
        decision_on=D(2023, 3, 1),
    )
    make_review(kind=ReviewKind.SAR, aware_on=D(2024, 1, 5))  # not a rapid review
    rows = {r["year"]: r for r in CaseReview.objects.conversions()}
    assert rows[2024]["rapid_reviews"] == 3 and rows[2024]["local_reviews"] == 1
    assert rows[2024]["undecided"] == 1 and rows[2024]["rate"] == 50
    assert rows[2023]["rapid_reviews"] == 1 and rows[2023]["rate"] == 100


def test_conversions_page_is_an_accessible_table(persona_client):
    make_review(
        aware_on=D(2024, 3, 1),
        panel_notified_on=D(2024, 3, 4),
        rapid_review_sent_on=D(2024, 3, 20),
        decision="local_review",
        decision_on=D(2024, 4, 1),
    )
    body = persona_client("read_only").get(reverse("learning:review_conversions")).content.decode()
    assert '<th scope="row" class="govuk-table__header">2024</th>' in body and "100%" in body
    assert "<caption" in body


@pytest.mark.django_db
def test_register_shows_slippage_of_case_reviews(officer_client):
    """A review with an overdue statutory deadline is flagged in the learning register."""
    import datetime

    from django.core.management import call_command

    from learningloop.learning.models import CaseReview, LearningActivity
    from learningloop.learning.services import case_review_save
    from learningloop.partnership.models import LearningSourceType

    call_command("load_framework", verbosity=0)
    rapid = LearningSourceType.objects.get(name__iexact="Rapid review")
    late = LearningActivity.objects.create(title="Rapid review for Child Q", source_type=rapid)
    case_review_save(
        review=CaseReview(activity=late, pseudonym="Child Q", aware_on=datetime.date(2025, 1, 6))
    )
    on_time = LearningActivity.objects.create(title="Rapid review for Child R", source_type=rapid)
    case_review_save(
        review=CaseReview(
            activity=on_time,
            pseudonym="Child R",
            aware_on=datetime.date(2025, 1, 6),
            panel_notified_on=datetime.date(2025, 1, 8),
            rapid_review_sent_on=datetime.date(2025, 1, 20),
            # Decided with the rapid review, within the 15 working days after notification.
            decision="no_local_review",
            decision_on=datetime.date(2025, 1, 20),
        )
    )
    html = officer_client.get("/learning/activities/").content.decode()
    rows = {title: html.split(title)[1].split("</tr>")[0] for title in ("Child Q", "Child R")}
    assert "Statutory deadline overdue" in rows["Child Q"]
    assert "Statutory deadline overdue" not in rows["Child R"]
