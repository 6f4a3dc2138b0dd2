"""The deadlines page, its CSV and the feed read each kind's deadlines as plain values (core.deadlines
`DeadlineKind.columns`), while the reminders read the models. On the demo partnership, for every kind in the
registry and every one of its deadlines: the plain row has the model's due date and status, the name of
the agency and group the filters match it by, and the words and link written out below from the model."""

import pytest
from django.urls import reverse
from django.utils import timezone

from learningloop.core import deadlines as engine
from learningloop.partnership.models import Agency, Group
from learningloop.performance.periods import label_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_seeded_for_module):
    return demo_seeded_for_module


# How each kind's deadline reads (what is due, for what or whom, where it is done), from its model.
WORDS = {
    "case-review": lambda m: (
        m.rule.label,
        f"{m.review.pseudonym}: {m.review.activity.title}",
        reverse("learning:review_detail", args=[m.review_id]),
    ),
    "response": lambda r: (
        f"Response to {r.request.title}",
        r.agency.name,
        reverse("dissemination:response_detail", args=[r.pk]),
    ),
    "communication": lambda c: (
        c.description,
        c.audience_plan.message_plan.plan.summary.title,
        reverse("dissemination:plan_detail", args=[c.audience_plan.message_plan.plan_id]),
    ),
    "action": lambda a: (
        a.description[:120],
        a.plan.title,
        reverse("improvement:action_detail", args=[a.pk]),
    ),
    "terms-review": lambda g: (
        "Review the terms of reference",
        g.name,
        reverse("partnership:group_detail", args=[g.pk]),
    ),
    "data-return": lambda d: (
        f"{d.indicator.name}: {label_for(d.indicator.frequency, d.period_start)}",
        "Dataset return",
        reverse("performance:submission_create", args=[d.indicator_id]),
    ),
    "meeting": lambda d: (
        d.get_kind_display(),
        f"{d.meeting.group.display_name} meeting, {d.meeting.date.day} {d.meeting.date:%B %Y}",
        reverse("governance:meeting_detail", args=[d.meeting_id]),
    ),
    "self-assessment-return": lambda r: (
        "Self-assessment return",
        r.cycle.name,
        reverse("assurance:return_detail", args=[r.pk]),
    ),
    "audit-milestone": lambda m: (
        m.label,
        m.audit.activity.title,
        reverse("assurance:audit_detail", args=[m.audit_id]),
    ),
    "policy-review": lambda p: (
        "Review the policy",
        p.title,
        reverse("governance:policy_detail", args=[p.pk]),
    ),
    "work-plan": lambda i: (
        i.objective[:120],
        f"{i.group.display_name} work plan",
        reverse("governance:workplan"),
    ),
    "yearly-report": lambda d: (
        "Publish the next yearly report",
        f"Twelve months after the report {d.after.year} to {d.after.year + 1}",
        reverse("yearly:list"),
    ),
}


def test_every_kind_has_its_words_written_here():
    assert sorted(WORDS) == sorted(kind.code for kind in engine.kinds())


def _follow(obj, path):
    value = obj
    for part in path.split("__"):
        value = getattr(value, part) if value is not None else None
    return value


def _name(model, pk):
    return model.objects.get(pk=pk).name if pk is not None else ""


@pytest.mark.parametrize("code", [kind.code for kind in engine.kinds()])
def test_each_kinds_plain_rows_agree_with_its_models(demo, code):
    kind = engine.get_kind(code)
    today = timezone.localdate()
    deadlines = list(kind.queryset().order_by("pk")[:200])
    assert deadlines, f"the demo has no {kind.label.lower()}"
    rows = {row.pk: row for row in kind.page_rows([d.pk for d in deadlines])}
    for deadline in deadlines:
        shown = kind.as_row(rows[deadline.pk], today)
        due, done = deadline.deadline_due, deadline.deadline_done
        assert shown.due_on == due
        if shown.status.key != "cancelled":  # actions and communications say so rather than a date
            assert shown.status == engine.deadline_status(due, done, today)
        if kind.agency_field:
            assert shown.agency == _name(Agency, _follow(deadline, kind.agency_field))
        if kind.group_field:
            assert shown.group == _name(Group, _follow(deadline, kind.group_field))
        assert (shown.what, shown.subject, shown.url) == WORDS[code](deadline)
