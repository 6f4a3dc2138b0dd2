"""List pages make the same number of SQL queries with 2 rows and with 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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


def _count(client, name, kwargs):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200
    return len(captured)


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
        assert after == before[name], f"{name}: {before[name]} queries with 2 rows, {after} with 50"
