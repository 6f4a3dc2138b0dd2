"""The feed's list pages are written from plain values (api/feed/plain.py) for speed; the serializers still
describe the feed. On the same rows the two give the same answer, field for field: a missing owner, an
action not completed, decimals, a value with no numerator, times, every loop status."""

import datetime
from decimal import Decimal

import pytest

from learningloop.api.feed import serializers
from learningloop.improvement.models import Action, PlanScope
from learningloop.improvement.tests.factories import ActionFactory, CompletedActionFactory, PlanFactory
from learningloop.learning.models import KeyMessage
from learningloop.learning.tests.factories_summaries import KeyMessageFactory
from learningloop.partnership.tests.factories import PersonFactory
from learningloop.performance.models import Submission
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory
from learningloop.reports.tests.factories import make_trail
from learningloop.reports.trail import with_loop_status

pytestmark = pytest.mark.django_db


def _same(plain, serializer_class, queryset):
    expected = [dict(row) for row in serializer_class(list(queryset), many=True).data]
    assert plain.rows(list(plain.values(queryset))) == expected
    return expected


def test_actions_read_as_values_are_the_serializers_actions(home_agency):
    plan = PlanFactory(title="Neglect plan", scope=PlanScope.MULTI_AGENCY)
    ActionFactory(plan=plan, owner_agency=home_agency, description="No owner yet")
    ActionFactory(plan=plan, owner_agency=home_agency, owner=PersonFactory(full_name="Sam Owner"))
    CompletedActionFactory(plan=plan, owner_agency=home_agency, evidence_of_completion="Audit in March")
    rows = _same(serializers.ACTION_ROWS, serializers.ActionSerializer, Action.objects.order_by("pk"))
    assert [row["owner"] for row in rows] == ["", "Sam Owner", ""]  # no owner: "" as the serializer says
    assert rows[2]["completed_on"] is not None and rows[0]["completed_on"] is None


def test_values_read_as_values_are_the_serializers_values(home_agency, other_agency):
    ratio = IndicatorFactory(code="cp-visits", providers=[home_agency, other_agency])
    SubmissionFactory(indicator=ratio, agency=home_agency, value=Decimal("87.50"), numerator=35,
                      denominator=40, commentary="Two visits late")  # fmt: skip
    SubmissionFactory(indicator=ratio, agency=other_agency, period_start=datetime.date(2025, 5, 1), value=80)
    rows = _same(serializers.VALUE_ROWS, serializers.ValueSerializer, Submission.objects.order_by("pk"))
    assert rows[0]["period_label"] == "Apr 2025" and rows[0]["value"] == Decimal("87.50")
    assert rows[1]["numerator"] is None


def test_key_messages_read_as_values_are_the_serializers_key_messages(home_agency, other_agency):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    KeyMessageFactory(summary=made["summary"], position=5, text="A message not yet planned")
    queryset = with_loop_status(KeyMessage.objects.all()).select_related("summary").order_by("position", "pk")
    rows = _same(serializers.KEY_MESSAGE_ROWS, serializers.KeyMessageSerializer, queryset)
    # The trail's message is numbered by the factory's sequence, so the two are compared in either order.
    assert sorted((row["loop_status"], row["loop_status_label"]) for row in rows) == [
        ("embedded", "Embedded"),
        ("identified", "Identified"),
    ]


def test_a_feed_page_is_counted_without_the_joins_its_columns_need(bu_officer, home_agency):
    """Counting the values query kept its joins to plans, agencies and owners (85 ms for 50,000 actions)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .helpers import bearer, token_for

    ActionFactory(owner_agency=home_agency, owner=PersonFactory(full_name="Sam Owner"))
    client = bearer(token_for(bu_officer)[1])
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/v1/actions/").json()
    assert answer["count"] == 1 and answer["results"][0]["owner"] == "Sam Owner"
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "improvement_action" in q["sql"]]
    assert counts and all("JOIN" not in sql for sql in counts)


def test_deadlines_read_by_attribute_are_the_serializers_deadlines():
    """The deadlines feed writes its kinds' DeadlineRows by attribute; without a request the serializer
    leaves a link as its path, as the rows do before the page makes them absolute."""
    from learningloop.core import deadlines

    kind = deadlines.get_kind("action")
    made = [
        deadlines.DeadlineRow(kind=kind, what="Audit chronologies", subject="Neglect plan", url="/actions/7/",
                              due_on=datetime.date(2027, 1, 29), agency="Northshire Police",
                              status=deadlines.deadline_status(datetime.date(2027, 1, 29), None,
                                                               datetime.date(2027, 1, 25))),
        deadlines.DeadlineRow(kind=kind, what="No date yet", subject="", url=None, due_on=None,
                              status=deadlines.deadline_status(None, None, datetime.date(2027, 1, 25))),
    ]  # fmt: skip
    expected = [dict(row) for row in serializers.DeadlineSerializer(made, many=True).data]
    assert serializers.DEADLINE_ROWS.rows(made, attributes=True) == expected
    assert expected[0]["status"] == "Due in 4 working days" and expected[0]["due_on"] == "2027-01-29"
    assert expected[1]["url"] is None and expected[1]["agency"] == ""
