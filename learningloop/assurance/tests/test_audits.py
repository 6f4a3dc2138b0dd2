"""Multi-agency audits as the issue describes them: each agency grades each case per domain with a
rationale, the moderation meeting agrees a grade, the results count grades per domain, findings go into
the learning register and action plans name the audit as their source; identifying details are restricted."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from learningloop.assurance.models import Grading, ModeratedGrade
from learningloop.learning.models import Finding
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_audits import audit

pytestmark = pytest.mark.django_db


def _grades(made, grade, rationale="Seen in the case file"):
    body = {}
    for d in made.domains.all():
        body[f"grade_{d.pk}"], body[f"rationale_{d.pk}"] = grade, rationale
    return body


def test_an_agency_lead_grades_each_case_per_domain_for_their_own_agency_only(
    home_agency, other_agency, lead_client
):
    made = audit(agencies=[home_agency, other_agency])
    case = made.cases.get(reference="Case 1")
    url = reverse("assurance:audit_case_grade", args=[case.pk, home_agency.pk])
    body = _grades(made, "good")
    body[f"rationale_{made.domains.get(name='Impact').pk}"] = ""
    missing = lead_client.post(url, body)
    assert missing.status_code == 200
    assert "Enter the rationale for the grade for Impact" in missing.text
    assert not Grading.objects.exists()

    assert lead_client.post(url, _grades(made, "good")).status_code == 302
    assert Grading.objects.filter(case=case, agency=home_agency, grade="good").count() == 7  # seven domains
    other = reverse("assurance:audit_case_grade", args=[case.pk, other_agency.pk])
    assert lead_client.post(other, _grades(made, "inadequate")).status_code == 403
    not_taking_part = reverse("assurance:audit_case_grade", args=[case.pk, AgencyFactory().pk])
    assert lead_client.get(not_taking_part).status_code == 404


def test_moderation_agrees_grades_and_the_results_count_them_per_domain(
    home_agency, other_agency, officer_client
):
    from learningloop.assurance.audits import services

    made = audit(agencies=[home_agency, other_agency])
    one, two = made.cases.get(reference="Case 1"), made.cases.get(reference="Case 2")
    domains = {d.name: d.pk for d in made.domains.all()}
    services.grading_save(case=one, agency=home_agency, grades={pk: ("good", "r") for pk in domains.values()})
    services.grading_save(
        case=one, agency=other_agency, grades={pk: ("requires_improvement", "r") for pk in domains.values()}
    )
    services.grading_save(
        case=two, agency=home_agency, grades={pk: ("inadequate", "r") for pk in domains.values()}
    )
    today = timezone.localdate()
    response = officer_client.post(
        reverse("assurance:audit_case_moderate", args=[one.pk]),
        {
            "held_on-day": today.day,
            "held_on-month": today.month,
            "held_on-year": today.year,
            f"agreed_{domains['Voice of the child']}": "requires_improvement",
            f"note_{domains['Voice of the child']}": "Agreed",
        },
    )
    assert response.status_code == 302
    assert ModeratedGrade.objects.get(case=one).grade == "requires_improvement"
    made.refresh_from_db()
    assert (made.status, made.moderated_on) == ("moderated", today)

    page = officer_client.get(reverse("assurance:audit_detail", args=[made.pk])).text
    from .test_selfassessment import _table

    results = {row[0]: row[1:] for row in _table(page, "results")}
    # Columns: outstanding, good, requires improvement, inadequate given by agencies; then the same agreed.
    assert results["Voice of the child"] == ["0", "1", "1", "1", "0", "0", "1", "0"]
    assert results["Assessment"] == ["0", "1", "1", "1", "0", "0", "0", "0"]
    # The chart beside the table: one good of three agency grades in every domain is 33%.
    assert "Voice of the child: 33%" in page


def test_a_moderation_with_no_agreed_grade_saves_nothing(home_agency, officer_client):
    made = audit(agencies=[home_agency])
    case = made.cases.first()
    today = timezone.localdate()
    response = officer_client.post(
        reverse("assurance:audit_case_moderate", args=[case.pk]),
        {"held_on-day": today.day, "held_on-month": today.month, "held_on-year": today.year},
    )
    assert response.status_code == 200
    assert "Select the agreed grade for at least one domain" in response.text
    assert not ModeratedGrade.objects.exists()


def test_findings_go_into_the_learning_register_and_plans_link_back(home_agency, officer_client):
    from learningloop.improvement.models import ActionPlan

    made = audit(agencies=[home_agency])
    response = officer_client.post(
        reverse("assurance:audit_finding_create", args=[made.pk]),
        {"text": "Fathers were not seen", "kind": "improvement"},
    )
    assert response.status_code == 302
    finding = Finding.objects.get(text="Fathers were not seen")
    assert finding.activity == made.activity  # the register's row for this audit
    plan = ActionPlan.objects.create(title="Audit plan", source_activity=made.activity)
    page = officer_client.get(reverse("assurance:audit_detail", args=[made.pk])).text
    assert reverse("learning:finding_detail", args=[finding.pk]) in page
    assert reverse("improvement:plan_detail", args=[plan.pk]) in page
    assert f"source=activity&amp;id={made.activity_id}" in page  # create a plan with the audit as source
    activity_page = officer_client.get(reverse("learning:activity_detail", args=[made.activity_id])).text
    assert "Fathers were not seen" in activity_page


def test_case_details_are_restricted_and_every_view_is_audited(home_agency, persona_client):
    made = audit(agencies=[home_agency])
    case = made.cases.first()
    url = reverse("assurance:audit_case_details", args=[case.pk])
    assert persona_client("bu_officer").get(url).status_code == 404
    assert persona_client("agency_lead").get(url).status_code == 404
    admin = persona_client("bu_admin")
    dob = datetime.date(2015, 5, 1)
    saved = admin.post(
        url,
        {
            "child_name": "Jane Doe",
            "date_of_birth-day": dob.day,
            "date_of_birth-month": dob.month,
            "date_of_birth-year": dob.year,
            "case_reference": "CSC-123",
        },
    )
    assert saved.status_code == 302
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    assert "Jane Doe" in admin.get(url).text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == before + 1
    audit_page = admin.get(reverse("assurance:audit_detail", args=[made.pk])).text
    assert "Jane Doe" not in audit_page and "CSC-123" not in audit_page
