"""The finding page's candidates that share the most tagged themes (whatever their words): the earlier
findings of other activities sharing the most of the finding's themes, most recent first, counted from the
taggings of those themes alone — not by listing every finding of the register to leave out the finding's
own activity (issue 14: that list grew with the register)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from learningloop.core.tests.query_plans import query_plan
from learningloop.learning.models import Finding
from learningloop.learning.recurrence.suggestions import theme_candidates_query

from .factories_register import ActivityFactory, FindingFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _at(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def register():
    neglect, records, sleep = (ThemeFactory(name=n) for n in ("Test neglect", "Test records", "Test sleep"))
    activity = ActivityFactory()
    made = {}
    for name, themes, days_ago, same_activity in [
        ("both, old", [neglect, records], 900, False),
        ("both, recent", [neglect, records], 30, False),
        ("neglect only, recent", [neglect], 10, False),
        ("records only, old", [records], 700, False),
        ("other theme", [sleep], 5, False),
        ("both, same activity", [neglect, records], 20, True),
        ("both, written later", [neglect, records], -5, False),
    ]:
        finding = FindingFactory(
            text=name, themes=themes, activity=activity if same_activity else ActivityFactory()
        )
        Finding.objects.filter(pk=finding.pk).update(created_at=_at(days_ago))
        made[name] = finding
    finding = FindingFactory(text="the finding", themes=[neglect, records], activity=activity)
    Finding.objects.filter(pk=finding.pk).update(created_at=_at(0))
    finding.refresh_from_db()
    return finding, {neglect.pk, records.pk}, made


def test_the_candidates_share_the_most_themes_then_come_most_recent_first(register):
    finding, tagged, made = register
    rows = theme_candidates_query(finding, Finding.objects.all(), tagged)
    names = {f.pk: name for name, f in made.items()}
    assert [(names[row["pk"]], row["shared"]) for row in rows] == [
        ("both, recent", 2),
        ("both, old", 2),
        ("neglect only, recent", 1),
        ("records only, old", 1),
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan checked is SQLite's")
def test_the_candidates_are_counted_from_the_themes_taggings_without_listing_every_finding(register):
    finding, tagged, _made = register
    plan = query_plan(theme_candidates_query(finding, Finding.objects.all(), tagged))
    assert "learning_finding_themes_theme_id" in plan  # the taggings found by theme
    assert "SUBQUERY" not in plan and "SCAN" not in plan, plan  # no list of the register's findings
