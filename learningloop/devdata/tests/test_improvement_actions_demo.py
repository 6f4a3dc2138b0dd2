"""The improvement demo: plans from each kind of source and actions in every state; running it twice
changes nothing."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from learningloop.devdata.demo import (
    improvement_actions,
    learning_register,
    learning_reviews,
    learning_summaries,
)
from learningloop.improvement.models import Action, ActionPlan, ActionUpdate
from learningloop.improvement.presenters import action_rag

pytestmark = pytest.mark.django_db


def _counts():
    return (ActionPlan.objects.count(), Action.objects.count(), ActionUpdate.objects.count())


def test_demo_covers_every_source_and_state_and_is_idempotent():
    call_command("load_framework")
    learning_register.seed()
    learning_reviews.seed()
    learning_summaries.seed()
    improvement_actions.seed()
    first = _counts()
    improvement_actions.seed()
    assert _counts() == first
    plans = ActionPlan.objects.all()
    assert {
        plan.SOURCE_FIELDS.index(next(f for f in plan.SOURCE_FIELDS if getattr(plan, f))) for plan in plans
    } == {0, 1, 2, 3, 4}
    today = timezone.localdate()
    rags = {action_rag(a, today).text for a in Action.objects.all()}
    assert {
        "Red",
        "Amber",
        "Green",
        "Complete",
        "Complete, sustained",
        "Complete, not sustained",
        "Cancelled",
    } <= rags
    assert set(Action.objects.values_list("status", flat=True)) == {
        "not_started",
        "in_progress",
        "completed",
        "cancelled",
    }
    assert all(a.updates.exists() for a in Action.objects.all())
