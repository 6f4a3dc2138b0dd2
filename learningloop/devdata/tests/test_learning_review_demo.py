"""The demo case reviews: every stage, deadlines due and overdue, and a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import learning_reviews
from learningloop.learning.models import (
    CaseReview,
    ChildDetails,
    Milestone,
    MonitoringEntry,
    ReviewKind,
    Stage,
)
from learningloop.learning.reviews.deadlines import milestone_status
from learningloop.learning.reviews.presenters import stage_of
from learningloop.partnership.models import Group

pytestmark = pytest.mark.django_db


def _counts():
    return tuple(m.objects.count() for m in (CaseReview, ChildDetails, Milestone, MonitoringEntry))


def test_seed_is_idempotent_and_covers_every_stage():
    call_command("load_framework", stdout=io.StringIO())
    out = io.StringIO()
    assert learning_reviews.seed(out) == 9
    first = _counts()
    assert learning_reviews.seed(io.StringIO()) == 0
    assert _counts() == first
    reviews = list(CaseReview.objects.all())
    assert {stage_of(r) for r in reviews} == set(Stage)
    assert {r.kind for r in reviews} == set(ReviewKind)
    states = {milestone_status(m).state for m in Milestone.objects.all()}
    assert {"due", "overdue", "met", "met_late"} <= states
    assert Group.objects.get(name="CSPR Panel").handles_case_reviews
    assert CaseReview.objects.get(pseudonym="Child F").delay_reasons
    assert all(d.child_name.startswith("Test Child") for d in ChildDetails.objects.all())


def test_seed_without_the_framework_says_so():
    out = io.StringIO()
    assert learning_reviews.seed(out) == 0
    assert "load_framework" in out.getvalue()
