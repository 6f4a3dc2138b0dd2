"""List pages make the same SQL statements with 2 rows and with 50 (but the COUNT of a full first page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.core.tests.queries import assert_same_statements_but_the_count
from learningloop.improvement.models import PlanScope
from learningloop.partnership.tests.factories import PersonFactory

from .factories import ActionFactory, PlanFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("improvement:action_list", {}),
    ("improvement:overdue_actions", {}),
    ("improvement:due_soon_actions", {}),
    ("improvement:my_actions", {}),
    ("improvement:plan_list", {}),
    ("improvement:plan_detail", None),
]


def _make(n, agency, plan):
    for i in range(n):
        owner = PersonFactory(agency=agency)
        row_plan = plan if i % 2 else PlanFactory(scope=PlanScope.SINGLE_AGENCY, agency=agency)
        ActionFactory(plan=row_plan if i % 3 else plan, owner_agency=agency, owner=owner)


# The pages whose list the 50 actions (all of the home agency's, due in 60 days) fill: a full first page is
# also counted. The plans (about 18) and a plan's actions (33) fit a page; none is overdue or due soon.
# "My agency's actions" lists the agency lead's agency; the business unit chooses an agency first (none here).
FULL_WITH_50 = {
    "bu_officer": {"improvement:action_list": 1},
    "agency_lead": {"improvement:action_list": 1, "improvement:my_actions": 1},
}


def _count(client, name, kwargs):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
    return captured.captured_queries


@pytest.mark.parametrize("persona", ["bu_officer", "agency_lead"])
def test_queries_do_not_grow_with_rows(persona, persona_client, home_agency):
    client = persona_client(persona)
    plan = PlanFactory()
    _make(2, home_agency, plan)
    before = {}
    for name, kwargs in PAGES:
        before[name] = _count(client, name, kwargs if kwargs is not None else {"pk": plan.pk})
    _make(48, home_agency, plan)
    for name, kwargs in PAGES:
        after = _count(client, name, kwargs if kwargs is not None else {"pk": plan.pk})
        assert_same_statements_but_the_count(before[name], after, lists=FULL_WITH_50[persona].get(name, 0))
