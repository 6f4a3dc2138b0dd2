"""`manage.py generate_large_partnership` at a tiny scale: every area has rows and the data is consistent."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, Q

from learningloop.accounts.models import User
from learningloop.dissemination.models import (
    AgencyResponse,
    Communication,
    DisseminationPlan,
    EmbeddingRequest,
)
from learningloop.improvement.models import Action, ActionPlan, ActionUpdate
from learningloop.learning.deadlines import rules_for
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
def generated():
    call_command("load_framework", stdout=io.StringIO())
    return generate()


def test_every_area_has_rows(generated):
    assert "Total:" in generated
    for model in (Person, User, Membership, LearningActivity, Finding, CaseReview, SummaryOfLearning,
                  KeyMessage, DisseminationPlan, Communication, EmbeddingRequest, AgencyResponse, ActionPlan,
                  Action, ActionUpdate):  # fmt: skip
        assert model.objects.exists(), model.__name__
    assert Agency.objects.filter(is_school=True).exists()


def test_every_case_review_has_its_milestones(generated):
    for review in CaseReview.objects.all():
        expected = {
            r.pk
            for r in rules_for(review)
            if not r.only_for_local_review or review.decision == "local_review"
        }
        assert set(Milestone.objects.filter(review=review).values_list("rule_id", flat=True)) == expected


def test_every_action_belongs_to_a_plan_with_exactly_one_source(generated):
    assert not Action.objects.filter(plan__isnull=True).exists()
    for plan in ActionPlan.objects.annotate(n=Count("actions")):
        named = [
            f for f in ActionPlan.SOURCE_FIELDS if getattr(plan, f if f == "source_meeting" else f + "_id")
        ]
        assert len(named) == 1, plan
        assert plan.n > 0
    assert not Action.objects.filter(Q(status="completed") & Q(completed_on__isnull=True)).exists()


def test_plans_only_for_accepted_summaries(generated):
    assert not DisseminationPlan.objects.exclude(summary__status="accepted").exists()


def test_a_second_run_refuses_without_force(generated):
    before = LearningActivity.objects.count()
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert LearningActivity.objects.count() == before
    generate("--force", "--seed", "2")
    assert LearningActivity.objects.count() > before
