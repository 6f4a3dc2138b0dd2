"""`manage.py generate_large_partnership` at a tiny scale: every area has rows and the data is consistent."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q

from learningloop.accounts.models import User
from learningloop.dissemination.models import (
    AgencyResponse,
    Communication,
    DisseminationPlan,
    EmbeddingRequest,
)
from learningloop.improvement.models import Action, ActionPlan, ActionUpdate
from learningloop.learning.models import (
    CaseReview,
    Finding,
    KeyMessage,
    LearningActivity,
    Milestone,
    SummaryOfLearning,
)
from learningloop.partnership.models import Agency, Membership, Person

pytestmark = pytest.mark.django_db


def generate(*args):
    out = io.StringIO()
    call_command("generate_large_partnership", "--years", "1", "--scale", "0.02", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def generated(large_partnership_for_module):
    """Built once for the module (conftest); each test's changes are rolled back."""
    return large_partnership_for_module


def test_every_area_has_rows(generated):
    assert "Total:" in generated
    for model in (Person, User, Membership, LearningActivity, Finding, CaseReview, SummaryOfLearning,
                  KeyMessage, DisseminationPlan, Communication, EmbeddingRequest, AgencyResponse, ActionPlan,
                  Action, ActionUpdate):  # fmt: skip
        assert model.objects.exists(), model.__name__
    assert Agency.objects.filter(is_school=True).exists()
    from learningloop.governance.models import Attendance, Meeting, MeetingDeadline, WorkPlanItem

    for model in (Meeting, MeetingDeadline, Attendance, WorkPlanItem):
        assert model.objects.exists(), model.__name__


# The statutory clock (Working Together 2023, the Panel's guidance, the SAR and DHR guidance), written out
# by hand: the milestones each kind of review has before and after a local review is decided on.
MILESTONES = {
    # The Panel's guidance: the decision on a local review comes with the rapid review (migration 0007).
    ("child", False): {
        "Notify the national Panel",
        "Send the rapid review to the Panel",
        "Decide whether to hold a local review",
    },
    ("child", True): {
        "Notify the national Panel",
        "Send the rapid review to the Panel",
        "Decide whether to hold a local review",
        "Complete and publish the local review",
        "Send the report to the Panel and the Secretary of State",
    },
    ("sar", False): {"Decide whether to hold a safeguarding adult review"},
    ("sar", True): {
        "Decide whether to hold a safeguarding adult review",
        "Complete and publish the safeguarding adult review",
    },
    ("dhr", False): {"Decide whether to hold a domestic homicide review"},
    ("dhr", True): {
        "Decide whether to hold a domestic homicide review",
        "Complete the domestic homicide review",
    },
}


def test_every_case_review_has_its_milestones(generated):
    reviews = CaseReview.objects.all()
    assert reviews.exists()
    for review in reviews:
        key = (review.kind, review.decision == "local_review")
        labels = set(Milestone.objects.filter(review=review).values_list("rule__label", flat=True))
        assert labels == MILESTONES[key], (review.pseudonym, key)


def test_every_action_belongs_to_a_plan_with_exactly_one_source(generated):
    assert not Action.objects.filter(plan__isnull=True).exists()
    for plan in ActionPlan.objects.annotate(n=Count("actions")):
        named = [
            f for f in ActionPlan.SOURCE_FIELDS if getattr(plan, f if f == "source_meeting" else f + "_id")
        ]
        assert len(named) == 1, plan
        assert plan.n > 0
    assert not Action.objects.filter(Q(status="completed") & Q(completed_on__isnull=True)).exists()


def test_every_finished_activity_has_the_date_it_was_completed(generated):
    """What the activity form asks for when an activity is completed or closed: without it a business unit
    officer who opened a generated activity could not save it unchanged (the load test met one)."""
    finished = LearningActivity.objects.filter(status__in=["completed", "closed"])
    assert finished.filter(
        self_assessment_cycle__isnull=False
    ).exists()  # the self-assessment cycles' activities among them
    assert not finished.filter(completed_on__isnull=True).exists()


def test_the_training_sessions_tallies_equal_a_recount(generated):
    """The generator writes bookings and evaluations past the services, then counts every session's tallies
    once (ADR 0043): the annual training review reads those."""
    from learningloop.workforce.tests.recount import recounted, stored, years_recounted, years_stored

    assert stored() and stored() == recounted()
    assert years_stored()[0] and years_stored() == years_recounted()  # the years' tallies (ADR 0049)


def test_every_activitys_finding_counts_equal_a_recount(generated):
    """The generator writes findings in bulk, past the register's services, then counts them once
    (ADR 0047): the register shows those counts."""
    recounted = LearningActivity.objects.annotate(
        n=Count("findings"), improving=Count("findings", filter=Q(findings__kind="improvement"))
    )
    assert recounted.filter(n__gt=0).exists()
    assert not recounted.exclude(finding_count=F("n"), improvement_count=F("improving")).exists()


def test_every_communication_carries_its_audience_rows_plan(generated):
    """The generator writes communications in bulk, past save(), so it names each one's plan itself
    (ADR 0046); the plans list counts them by that plan."""
    communications = Communication.objects.all()
    assert communications.exists()
    assert not communications.exclude(plan=F("audience_plan__message_plan__plan")).exists()


def test_plans_only_for_accepted_summaries(generated):
    assert not DisseminationPlan.objects.exclude(summary__status="accepted").exists()


def test_a_second_run_refuses_without_force(generated):
    before = LearningActivity.objects.count()
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert LearningActivity.objects.count() == before
    generate("--force", "--seed", "2")
    assert LearningActivity.objects.count() > before
