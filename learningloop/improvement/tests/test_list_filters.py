"""The actions list filters through the shared FilterSet: a valid filter narrows the rows, a junk value is
reported in the error summary while the list still shows; the download keeps the filter."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.improvement.models import Action, ActionStatus
from learningloop.partnership.tests.factories import AgencyFactory

from .factories import ActionFactory

pytestmark = pytest.mark.django_db
ACTIONS = ["Introduce a multi-agency escalation log", "Refresh neglect training", "Audit chronologies"]


@pytest.fixture
def actions(db):
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    today = timezone.localdate()
    ActionFactory(description=ACTIONS[0], owner_agency=police, due_on=today + datetime.timedelta(days=90))
    ActionFactory(
        description=ACTIONS[1],
        owner_agency=health,
        status=ActionStatus.IN_PROGRESS,
        due_on=today + datetime.timedelta(days=120),
    )
    ActionFactory(description=ACTIONS[2], owner_agency=police, due_on=today - datetime.timedelta(days=3))
    return police


def test_actions_narrow_by_agency_and_status(officer_client, actions):
    url = reverse("improvement:action_list")
    # Ordered by due date: the overdue audit first.
    assert listed(officer_client.get(url, {"agency": actions.pk}), ACTIONS) == [ACTIONS[2], ACTIONS[0]]
    assert listed(officer_client.get(url, {"status": "in_progress"}), ACTIONS) == [ACTIONS[1]]
    assert listed(officer_client.get(url, {"due": "overdue"}), ACTIONS) == [ACTIONS[2]]


def test_actions_junk_values_are_reported_and_the_valid_filter_still_applies(officer_client, actions):
    response = officer_client.get(reverse("improvement:action_list"), {"rag": "purple", "q": "neglect"})
    assert_junk_reported(response, "Select an option from the list", "id_rag")
    assert listed(response, ACTIONS) == [ACTIONS[1]]


def test_overdue_page_downloads_only_overdue_actions(officer_client, actions):
    body = officer_client.get(reverse("improvement:overdue_actions")).content.decode()
    export_url = reverse("improvement:action_export") + "?due=overdue"
    assert f'href="{export_url}"' in body
    export = officer_client.get(export_url)
    assert export["Content-Disposition"].startswith('attachment; filename="actions-')
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [ACTIONS[2]]


def test_an_action_page_is_titled_by_what_the_action_is_to_do(officer_client, actions):
    from learningloop.improvement.models import Action

    action = Action.objects.get(description=ACTIONS[0])
    body = officer_client.get(reverse("improvement:action_detail", args=[action.pk])).content.decode()
    assert "<title>Introduce a multi-agency escalation log – Learning Loop</title>" in body
    assert '<h1 class="govuk-heading-l">Introduce a multi-agency escalation log</h1>' in body
    assert f"Action {action.pk}" not in body
    update = officer_client.get(reverse("improvement:action_update", args=[action.pk])).content.decode()
    assert "Introduce a multi-agency escalation log</a>" in update  # the breadcrumb back to the action


def test_a_long_description_is_named_by_its_first_line_cut_at_120_characters():
    from learningloop.improvement.models import Action
    from learningloop.improvement.presenters import action_name

    assert (
        action_name(Action(description="Audit chronologies\nacross all three partners"))
        == "Audit chronologies"
    )
    long = "Refresh " + "neglect " * 30
    name = action_name(Action(description=long))
    assert len(name) == 120 and name.endswith("…") and name.startswith("Refresh neglect")


def test_plans_narrow_by_agency_and_junk_scope_is_reported(officer_client, actions):
    from learningloop.improvement.models import PlanScope

    from .factories import PlanFactory

    health = AgencyFactory(name="Community Health")
    PlanFactory(title="Community health plan", scope=PlanScope.SINGLE_AGENCY, agency=health)
    titles = ["Community health plan"] + [a.plan.title for a in Action.objects.order_by("pk")]
    url = reverse("improvement:plan_list")
    assert listed(officer_client.get(url, {"agency": health.pk}), titles) == ["Community health plan"]
    # The police own the escalation log and the chronologies audit, each in its own plan.
    police_plans = listed(officer_client.get(url, {"agency": actions.pk}), titles)
    assert sorted(police_plans) == sorted(
        a.plan.title for a in Action.objects.filter(description__in=[ACTIONS[0], ACTIONS[2]])
    )
    response = officer_client.get(url, {"scope": "galactic", "agency": health.pk})
    assert_junk_reported(response, "Select an option from the list", "id_scope")
    assert listed(response, titles) == ["Community health plan"]


def test_my_agency_actions_chooser_narrows_and_reports_a_junk_agency(officer_client, actions):
    url = reverse("improvement:my_actions")
    # The police's actions, open ones first and each soonest due first: the overdue audit, then the log.
    assert listed(officer_client.get(url, {"agency": actions.pk}), ACTIONS) == [ACTIONS[2], ACTIONS[0]]
    response = officer_client.get(url, {"agency": "police"})
    assert_junk_reported(response, "Select an agency from the list", "id_agency")
    assert listed(response, ACTIONS) == []
    assert "Select an agency to see its actions." in response.content.decode()
