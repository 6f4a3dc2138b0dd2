"""The demo learning register: every non-review source type, recurring themes, and safe to repeat."""

import io

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import learning_register
from learningloop.learning.models import Finding, LearningActivity, Priority, Theme
from learningloop.partnership.models import LearningSourceType

pytestmark = pytest.mark.django_db


def _counts():
    return (LearningActivity.objects.count(), Finding.objects.count(), Priority.objects.count())


def test_seed_covers_every_source_type_and_is_idempotent():
    call_command("load_framework", stdout=io.StringIO())
    out = io.StringIO()
    added = learning_register.seed(out)
    assert 38 <= added <= 45 and "activities added" in out.getvalue()
    first = _counts()
    assert learning_register.seed(io.StringIO()) == 0
    assert _counts() == first
    used = set(LearningActivity.objects.values_list("source_type__name", flat=True))
    expected = (
        set(LearningSourceType.objects.values_list("name", flat=True)) - learning_register.CASE_REVIEW_TYPES
    )
    assert used == expected
    assert not used & learning_register.CASE_REVIEW_TYPES  # case reviews belong to learning_reviews
    assert Priority.objects.count() == 4
    assert LearningActivity.objects.filter(owning_group__isnull=False).count() > 20
    assert LearningActivity.objects.filter(provider_agencies__isnull=False).distinct().count() > 30
    years = {a.started_on.year for a in LearningActivity.objects.exclude(started_on=None)}
    assert {2022, 2023, 2024, 2025, 2026} <= years


def test_seed_leaves_two_completed_activities_without_findings():
    call_command("load_framework", stdout=io.StringIO())
    learning_register.seed()
    assert LearningActivity.objects.completed_without_findings().count() == 2


def test_seeded_findings_recur_so_suggestions_show():
    call_command("load_framework", stdout=io.StringIO())
    learning_register.seed()
    recurrence = list(Theme.objects.recurrence())
    assert recurrence[0]["activities"] >= 4
    latest = Finding.objects.filter(text__startswith="Explanations for missed appointments").get()
    similar = Finding.objects.similar_to(latest)
    texts = [f.text for f, shared, _ in similar]
    assert any(t.startswith("Practitioners accepted parents' explanations") for t in texts)


def test_seed_without_the_framework_adds_nothing_and_says_why():
    out = io.StringIO()
    assert learning_register.seed(out) == 0
    assert "load_framework" in out.getvalue()
