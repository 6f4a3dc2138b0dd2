"""RAG is derived from status, dates and progress, never typed: one rule, its boundaries, and the same
rule as a database filter."""

import datetime

import pytest

from learningloop.core import workdays
from learningloop.improvement.models import Action, ActionStatus, SustainmentResult
from learningloop.improvement.presenters import RAG_CHOICES, rag, rag_q

from .factories import ActionFactory

TODAY = datetime.date(2026, 11, 2)  # a Monday with no bank holiday within two weeks
TENTH = workdays.add_working_days(TODAY, 10)  # 16 November 2026
NS, IP, DONE, CANCELLED = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.COMPLETED,
    ActionStatus.CANCELLED,
)


def _rag(status=IP, due_on=TENTH, progress=0, result=""):
    return rag(status=status, due_on=due_on, progress=progress, sustainment_result=result, today=TODAY)


@pytest.mark.parametrize(
    ("kwargs", "key", "colour"),
    [
        (
            {"status": DONE, "progress": 100, "due_on": TODAY - datetime.timedelta(days=30)},
            "complete",
            "blue",
        ),
        ({"status": DONE, "progress": 100, "result": SustainmentResult.SUSTAINED}, "complete", "green"),
        ({"status": DONE, "progress": 100, "result": SustainmentResult.NOT_SUSTAINED}, "complete", "blue"),
        ({"status": CANCELLED, "due_on": TODAY - datetime.timedelta(days=30)}, "cancelled", "grey"),
        ({"due_on": TODAY - datetime.timedelta(days=1), "progress": 90}, "red", "red"),
        ({"status": NS, "due_on": TODAY - datetime.timedelta(days=1)}, "red", "red"),
        ({"due_on": TODAY, "progress": 49}, "amber", "yellow"),
        ({"due_on": TODAY, "progress": 50}, "green", "green"),
        ({"due_on": TENTH, "progress": 0}, "amber", "yellow"),
        ({"due_on": TENTH + datetime.timedelta(days=1), "progress": 0}, "green", "green"),
        ({"status": NS, "due_on": TENTH, "progress": 0}, "amber", "yellow"),
        ({"due_on": TENTH, "progress": 50}, "green", "green"),
    ],
    ids=[
        "complete",
        "sustained",
        "not sustained",
        "cancelled",
        "overdue",
        "overdue not started",
        "due today under half",
        "due today half done",
        "10th working day",
        "11th working day",
        "not started due soon",
        "due soon half done",
    ],
)
def test_rag_rule_and_boundaries(kwargs, key, colour):
    result = _rag(**kwargs)
    assert (result.key, result.colour) == (key, colour)


def test_due_soon_counts_working_days_over_a_bank_holiday():
    today = datetime.date(2026, 12, 21)  # Christmas and Boxing Day (observed 28th) fall in the window
    tenth = workdays.add_working_days(today, 10)
    assert tenth > today + datetime.timedelta(days=14)
    assert rag(status=IP, due_on=tenth, progress=0, today=today).key == "amber"
    assert rag(status=IP, due_on=tenth + datetime.timedelta(days=1), progress=0, today=today).key == "green"


@pytest.mark.django_db
def test_database_filter_agrees_with_the_rule():
    cases = [
        dict(status=IP, due_on=TODAY - datetime.timedelta(days=1)),
        dict(status=IP, due_on=TODAY, progress=49),
        dict(status=IP, due_on=TODAY, progress=50),
        dict(status=NS, due_on=TENTH),
        dict(status=IP, due_on=TENTH + datetime.timedelta(days=1)),
        dict(status=DONE, progress=100, due_on=TODAY, completed_on=TODAY),
        dict(status=CANCELLED, due_on=TODAY - datetime.timedelta(days=3)),
    ]
    for fields in cases:
        ActionFactory(**fields)
    for key, _ in RAG_CHOICES:
        from_db = set(Action.objects.filter(rag_q(key, TODAY)).values_list("pk", flat=True))
        from_rule = {
            a.pk
            for a in Action.objects.all()
            if rag(
                status=a.status,
                due_on=a.due_on,
                progress=a.progress,
                sustainment_result=a.sustainment_result,
                today=TODAY,
            ).key
            == key
        }
        assert from_db == from_rule, key


@pytest.mark.django_db
def test_overdue_and_the_plan_counts_take_the_engines_rule():
    """One definition of overdue and due soon (core.deadlines): the action list's RAG filter, the plan
    list's counts (through the plan's actions) and the engine's overdue() agree with a table counted by
    hand. TODAY is Monday 2 November 2026; its 10th working day is Monday 16 November."""
    from django.db.models import Count

    from learningloop.improvement.models import ActionPlan

    from .factories import PlanFactory

    plan = PlanFactory()
    table = [
        # (status, due on, progress, RAG counted by hand)
        (IP, datetime.date(2026, 10, 30), 90, "red"),  # the Friday before: overdue
        (NS, datetime.date(2026, 11, 1), 0, "red"),  # yesterday (a Sunday): overdue
        (IP, datetime.date(2026, 11, 2), 10, "amber"),  # due today, under half done
        (IP, datetime.date(2026, 11, 16), 49, "amber"),  # the 10th working day
        (IP, datetime.date(2026, 11, 17), 0, "green"),  # the 11th working day
        (IP, datetime.date(2026, 11, 9), 50, "green"),  # due soon, half done
        (DONE, datetime.date(2026, 10, 1), 100, "complete"),  # completed late: not overdue
        (CANCELLED, datetime.date(2026, 10, 1), 0, "cancelled"),  # cancelled: not overdue
    ]
    made = {}
    for status, due_on, progress, key in table:
        completed_on = datetime.date(2026, 10, 20) if status == DONE else None
        action = ActionFactory(
            plan=plan, status=status, due_on=due_on, progress=progress, completed_on=completed_on
        )
        made.setdefault(key, set()).add(action.pk)

    for key, _ in RAG_CHOICES:
        assert set(Action.objects.filter(rag_q(key, TODAY)).values_list("pk", flat=True)) == made.get(
            key, set()
        )
    assert set(Action.objects.overdue(TODAY).values_list("pk", flat=True)) == made["red"]

    counts = ActionPlan.objects.filter(pk=plan.pk).annotate(
        **{key: Count("actions", filter=rag_q(key, TODAY, prefix="actions__")) for key, _ in RAG_CHOICES}
    )
    assert counts.values("red", "amber", "green", "complete", "cancelled").get() == {
        "red": 2, "amber": 2, "green": 2, "complete": 1, "cancelled": 1,
    }  # fmt: skip
