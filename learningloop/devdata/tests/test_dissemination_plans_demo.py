"""The demo plans: a plan for each accepted demo summary, filled in, with communications in every status;
a second run adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from learningloop.devdata.demo import (
    dissemination_plans,
    learning_register,
    learning_reviews,
    learning_summaries,
)
from learningloop.dissemination.models import AudiencePlan, Communication, DisseminationPlan, MessagePlan
from learningloop.dissemination.plans import documents
from learningloop.learning.models import SummaryOfLearning, SummaryStatus

pytestmark = pytest.mark.django_db


def _counts():
    return (DisseminationPlan.objects.count(), MessagePlan.objects.count(), AudiencePlan.objects.count(),
            Communication.objects.count(), AudiencePlan.methods.through.objects.count())  # fmt: skip


def test_seed_covers_every_status_and_is_idempotent(bu_officer, group_chair):
    call_command("load_framework", stdout=io.StringIO())
    learning_register.seed(io.StringIO())
    learning_reviews.seed(io.StringIO())
    learning_summaries.seed(io.StringIO())
    accepted = SummaryOfLearning.objects.filter(status=SummaryStatus.ACCEPTED).count()
    assert accepted >= 1
    out = io.StringIO()
    assert dissemination_plans.seed(out) == accepted
    assert "Dissemination plans" in out.getvalue()
    first = _counts()
    assert dissemination_plans.seed(io.StringIO()) == 0
    assert _counts() == first
    today = timezone.localdate()
    tags = {documents.communication_status(c, today).text for c in Communication.objects.all()}
    assert tags == {"Done", "Planned", "In progress", "Overdue", "Cancelled"}
    assert all(c.reach > 0 for c in Communication.objects.filter(status="done"))
    assert not MessagePlan.objects.filter(purpose="").exists()
    assert AudiencePlan.objects.filter(audience__name="Workforce communications").exclude(
        measures_of_success=""
    )


def test_seed_without_the_preset_does_nothing():
    out = io.StringIO()
    assert dissemination_plans.seed(out) == 0
    assert "skipped" in out.getvalue()
