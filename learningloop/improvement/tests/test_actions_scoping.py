"""Agency scoping of the pages that act on one action, persona by persona (the authorisation walk can only
compare roles; this checks the object-level rule: an agency updates only its own agency's actions)."""

import pytest
from django.urls import reverse

from learningloop.improvement.models import PlanScope

from .factories import CompletedActionFactory, PlanFactory

pytestmark = pytest.mark.django_db

PAGES = ["action_detail", "action_update", "evidence_upload", "sustainment_check"]
# persona -> expected status for [detail, update, evidence, sustainment] on the home agency's action
MULTI = {
    "bu_officer": [200, 200, 200, 200],
    "agency_lead": [200, 200, 200, 200],
    "agency_member": [200, 200, 200, 200],
    "other_agency_lead": [200, 403, 403, 403],
    "group_chair": [200, 403, 403, 403],
    "scrutineer": [200, 403, 403, 403],
    "read_only": [200, 403, 403, 403],
}
SINGLE = {**MULTI, "other_agency_lead": [404, 404, 404, 404]}


@pytest.mark.parametrize("scope", [PlanScope.MULTI_AGENCY, PlanScope.SINGLE_AGENCY])
@pytest.mark.parametrize("persona", list(MULTI))
def test_action_pages_by_persona(scope, persona, persona_client, home_agency):
    plan = PlanFactory(scope=scope, agency=home_agency if scope == PlanScope.SINGLE_AGENCY else None)
    action = CompletedActionFactory(plan=plan, owner_agency=home_agency)
    client = persona_client(persona)
    expected = (MULTI if scope == PlanScope.MULTI_AGENCY else SINGLE)[persona]
    got = [client.get(reverse(f"improvement:{name}", args=[action.pk])).status_code for name in PAGES]
    assert got == expected


@pytest.mark.parametrize("name", PAGES + ["action_edit"])
def test_anonymous_is_sent_to_sign_in(name, persona_client, home_agency):
    action = CompletedActionFactory(owner_agency=home_agency)
    response = persona_client("anonymous").get(reverse(f"improvement:{name}", args=[action.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
