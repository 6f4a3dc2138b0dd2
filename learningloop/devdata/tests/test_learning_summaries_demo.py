"""The demo summaries: one in each workflow state, and a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import learning_summaries
from learningloop.learning.models import KeyMessage, SummaryEvent, SummaryOfLearning, SummaryStatus
from learningloop.learning.tests.factories_summaries import FindingFactory

pytestmark = pytest.mark.django_db


def _counts():
    return SummaryOfLearning.objects.count(), KeyMessage.objects.count(), SummaryEvent.objects.count()


def test_seed_covers_every_state_and_is_idempotent(bu_officer, group_chair):
    call_command("load_framework", stdout=io.StringIO())
    for n in range(6):
        FindingFactory(activity__title=f"Demo activity {n}")
    out = io.StringIO()
    assert learning_summaries.seed(out) == 5
    first = _counts()
    assert learning_summaries.seed(io.StringIO()) == 0
    assert _counts() == first
    statuses = set(SummaryOfLearning.objects.values_list("status", flat=True))
    assert statuses == set(SummaryStatus.values)
    assert set(SummaryEvent.objects.values_list("by", flat=True)) == {bu_officer.pk, group_chair.pk}
    returned = SummaryOfLearning.objects.get(status=SummaryStatus.RETURNED)
    assert returned.events.get(to_status=SummaryStatus.RETURNED).reason
    resubmitted = [s for s in SummaryOfLearning.objects.all() if s.events.count() == 4]
    assert len(resubmitted) == 1 and resubmitted[0].status == SummaryStatus.SUBMITTED
    for summary in SummaryOfLearning.objects.all():
        assert 2 <= summary.key_messages.count() <= 4
        assert summary.activities.exists()
        assert summary.version == summary.events.count()
        for message in summary.key_messages.all():
            assert message.audiences.exists()
    assert set(SummaryOfLearning.objects.values_list("subgroup__name", flat=True)) == {
        "CSPR Panel", "Assurance and Review Group", "MASH Strategic Group", "Audit Group"
    }  # fmt: skip


def test_seed_tolerates_missing_demo_users():
    call_command("load_framework", stdout=io.StringIO())
    FindingFactory()
    assert learning_summaries.seed(io.StringIO()) == 5
    assert not SummaryEvent.objects.exclude(by=None).exists()


def test_seed_without_register_activities_adds_nothing():
    call_command("load_framework", stdout=io.StringIO())
    out = io.StringIO()
    assert learning_summaries.seed(out) == 0
    assert "seed the register first" in out.getvalue()
