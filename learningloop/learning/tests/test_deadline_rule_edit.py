"""The business unit sets its own rules, including the decision on a local review (by default with the
rapid review: 15 working days after notification, from the Panel's guidance). Changing a rule moves the
open milestones' due dates at once and leaves met ones alone. Dates counted by hand on a calendar."""

import datetime

import pytest
from django.urls import reverse

from learningloop.learning.models import DeadlineRule, ReviewDecision
from learningloop.learning.services import case_review_save

from .factories_reviews import make_review

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_decision_rule_is_there_by_default():
    rule = DeadlineRule.objects.get(code="child-decision")
    assert (rule.amount, rule.unit, rule.direction, rule.starts_from, rule.done_when) == (
        15,
        "working_days",
        "after",
        "panel_notified_on",
        "decision_on",
    )
    assert rule.description == "15 working days after the notification to the Panel"


def test_the_decision_milestone_across_christmas_2026():
    # Notified Monday 21 December 2026: 22, 23, 24, 29, 30, 31 Dec, 4-8 Jan, 11-14 Jan → 14 January 2027.
    review = make_review(aware_on=D(2026, 12, 18), panel_notified_on=D(2026, 12, 21))
    assert review.milestones.get(rule__code="child-decision").due_on == D(2027, 1, 14)


def test_the_migration_adds_it_once():
    from importlib import import_module

    from django.apps import apps

    from learningloop.learning.models import Milestone

    migration = import_module("learningloop.learning.migrations.0007_deadline_engine_decision_milestone")
    review = make_review(aware_on=D(2026, 12, 18), panel_notified_on=D(2026, 12, 21))
    Milestone.objects.filter(rule__code="child-decision").delete()  # a review from before the rule
    migration.add_decision_milestone(apps, None)
    migration.add_decision_milestone(apps, None)  # run again: nothing doubles
    assert DeadlineRule.objects.filter(code="child-decision").count() == 1
    assert list(review.milestones.filter(rule__code="child-decision").values_list("due_on", flat=True)) == [
        D(2027, 1, 14)
    ]


def test_the_business_unit_changes_the_rule_and_open_milestones_follow(persona_client):
    rule = DeadlineRule.objects.get(code="child-decision")
    open_review = make_review(aware_on=D(2026, 12, 18), panel_notified_on=D(2026, 12, 21))
    decided = make_review(aware_on=D(2026, 11, 2), panel_notified_on=D(2026, 11, 3))
    decided.decision, decided.decision_on = ReviewDecision.NO_LOCAL_REVIEW, D(2026, 11, 20)
    case_review_save(review=decided)
    met_due = decided.milestones.get(rule=rule).due_on  # 15 working days after 3 Nov: 24 November
    assert met_due == D(2026, 11, 24)

    client = persona_client("bu_officer")
    url = reverse("learning:deadline_rule_edit", args=[rule.pk])
    assert "Change the rule" in client.get(url).content.decode()
    response = client.post(
        url, {"amount": "2", "unit": "weeks", "direction": "after", "basis": "Local", "version": rule.version}
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.description == "2 weeks after the notification to the Panel"
    # Two weeks after Monday 21 December 2026: Monday 4 January 2027.
    assert open_review.milestones.get(rule=rule).due_on == D(2027, 1, 4)
    assert decided.milestones.get(rule=rule).due_on == met_due  # met: unchanged
    # New reviews use the changed rule too.
    later = make_review(aware_on=D(2027, 1, 4), panel_notified_on=D(2027, 1, 5))
    assert later.milestones.get(rule=rule).due_on == D(2027, 1, 19)


@pytest.mark.parametrize(
    "data",
    [
        {"amount": "", "unit": "weeks", "direction": "after"},
        {"amount": "-1", "unit": "weeks", "direction": "after"},
        {"amount": "ten", "unit": "weeks", "direction": "after"},
        {"amount": "5", "unit": "fortnights", "direction": "after"},
        {"amount": "5", "unit": "weeks", "direction": "sideways"},
        {"amount": "5", "unit": "weeks", "direction": "after", "basis": "x" * 301},
    ],
)
def test_bad_input_is_refused_with_an_error_summary_and_nothing_saved(persona_client, data):
    rule = DeadlineRule.objects.get(code="child-decision")
    response = persona_client("bu_officer").post(reverse("learning:deadline_rule_edit", args=[rule.pk]), data)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    rule.refresh_from_db()
    assert (rule.amount, rule.unit) == (15, "working_days")


def test_only_the_business_unit_changes_rules(persona_client):
    rule = DeadlineRule.objects.get(code="child-decision")
    url = reverse("learning:deadline_rule_edit", args=[rule.pk])
    assert (
        persona_client("agency_lead")
        .post(url, {"amount": "1", "unit": "weeks", "direction": "after"})
        .status_code
        == 403
    )
    rule.refresh_from_db()
    assert rule.amount == 15
    rules_page = persona_client("read_only").get(reverse("learning:deadline_rules")).content.decode()
    assert url not in rules_page
