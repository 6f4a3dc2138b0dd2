"""The assurance demo: a full Section 11 cycle with returns on time, late and locked and a moderation, this
year's cycle under way, a Section 175 cycle for the demo schools, two audits with graded cases and a
moderation, and agencies' own learning in each state; running it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from learningloop.assurance.models import (
    AgencyContribution,
    Audit,
    Cycle,
    Grading,
    ModeratedGrade,
    Moderation,
    SelfAssessmentReturn,
)
from learningloop.devdata.demo import assurance, partnership

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Cycle.objects.count(),
        Audit.objects.count(),
        Grading.objects.count(),
        AgencyContribution.objects.count(),
    )


def test_demo_covers_the_issues_list_and_is_idempotent():
    call_command("load_framework", stdout=io.StringIO())
    partnership.seed()
    assurance.seed()
    first = _counts()
    assurance.seed()
    assert _counts() == first
    today = timezone.localdate()
    last = Cycle.objects.get(name=f"Section 11 self-assessment {today.year - 1}")
    counts = SelfAssessmentReturn.objects.filter(cycle=last).counts(today)
    assert counts["received"] == counts["due"] - 1 and counts["late"] >= 2  # late, and one never submitted
    assert Moderation.objects.filter(ret__cycle=last, plan__isnull=False).exists()
    schools = Cycle.objects.get(name__startswith="Section 175").returns
    assert schools.count() == 3 and all(r.agency.is_school for r in schools.all())
    assert Audit.objects.count() == 2 and ModeratedGrade.objects.exists()
    from learningloop.assurance.models import FeedbackCount

    years = {d.year for d in FeedbackCount.objects.values_list("period_start", flat=True)}
    assert years == {today.year - 2, today.year - 1, today.year}  # three years of counts
    assert set(AgencyContribution.objects.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "accepted",
        "returned",
    }
