"""Agencies contribute their own learning: the lead records it for their own agency, drafts stay the
agency's own, the business unit accepts it into the learning register or returns it with a reason."""

import pytest
from django.urls import reverse

from learningloop.assurance.models import AgencyContribution
from learningloop.learning.models import LearningActivity

from .factories import contribution

pytestmark = pytest.mark.django_db


def test_a_draft_is_seen_by_its_own_agency_only_until_submitted(home_agency, other_agency, persona_client):
    draft = contribution(home_agency)
    url = reverse("assurance:contribution_detail", args=[draft.pk])
    lead, other, scrutineer = (persona_client(p) for p in ("agency_lead", "other_agency_lead", "scrutineer"))
    assert persona_client("agency_member").get(url).status_code == 200
    assert other.get(url).status_code == 404
    assert scrutineer.get(url).status_code == 404
    theirs = contribution(other_agency, title="Their internal review")
    listing = lead.get(reverse("assurance:contribution_list")).text
    assert draft.title in listing and theirs.title not in listing

    lead.post(reverse("assurance:contribution_submit", args=[draft.pk]), {"version": draft.version})
    assert AgencyContribution.objects.get(pk=draft.pk).status == "submitted"
    assert scrutineer.get(url).status_code == 200
    assert other.get(url).status_code == 404


def test_the_business_unit_accepts_it_into_the_register(home_agency, officer_client):
    submitted = contribution(home_agency, status="submitted")
    response = officer_client.post(
        reverse("assurance:contribution_review", args=[submitted.pk]),
        {"version": submitted.version, "decision": "accept"},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    activity = LearningActivity.objects.get(pk=submitted.activity_id)
    assert (submitted.status, activity.title, activity.source_type.name) == (
        "accepted",
        "Internal review of neglect cases",
        "Single-agency audit",
    )
    assert list(activity.provider_agencies.all()) == [home_agency]
    assert "Outcomes: Half the files had no supervision note" in activity.description


def test_returning_needs_a_reason_and_lets_the_agency_change_it(home_agency, officer_client, lead_client):
    submitted = contribution(home_agency, status="submitted")
    url = reverse("assurance:contribution_review", args=[submitted.pk])
    no_reason = officer_client.post(url, {"version": submitted.version, "decision": "return"})
    assert "Enter why the contribution is being returned" in no_reason.text
    assert AgencyContribution.objects.get(pk=submitted.pk).status == "submitted"
    officer_client.post(
        url, {"version": submitted.version, "decision": "return", "reason": "Add the action plan"}
    )
    submitted.refresh_from_db()
    assert (submitted.status, submitted.return_reason) == ("returned", "Add the action plan")
    assert not LearningActivity.objects.exists()
    assert lead_client.get(reverse("assurance:contribution_edit", args=[submitted.pk])).status_code == 200
