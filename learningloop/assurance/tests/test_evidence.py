"""Evidence of impact from audits (issue 8, ADR 0033): a key message names an audit domain graded in a
baseline audit and again in a later audit. Each side's value is the share of cases whose agreed (moderated)
grade in that domain is good or outstanding; cases without an agreed grade there are not counted. When the
follow-up share is higher the key message's trail reaches "evidenced"."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from learningloop.assurance.audits import services as audit_services
from learningloop.assurance.models import AssuranceEvidence
from learningloop.learning.models import KeyMessage
from learningloop.reports import trail as trails
from learningloop.reports.tests.factories import make_trail

from .factories_evidence import moderated_audit

pytestmark = pytest.mark.django_db
D = datetime.date
ADD = reverse("assurance:audit_evidence_add")


def status_of(message):
    return trails.with_loop_status(KeyMessage.objects.filter(pk=message.pk)).get().loop_status


@pytest.fixture
def embedded(home_agency, other_agency):
    return make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")["message"]


def _baseline(agencies):
    # 2 of 5 agreed good or better (40%); one case never moderated, one left blank in the domain: not counted.
    return moderated_audit(
        agencies=agencies,
        title="Neglect audit 2025",
        started_on=D(2025, 3, 3),
        grades=["good", "outstanding", "requires_improvement", "inadequate", "requires_improvement", None],
        unmoderated=1,
    )


def _add(client, message, before, after, domain="Joint working"):
    return client.post(
        ADD,
        {
            "key_message": message.pk,
            "baseline_audit": before.pk,
            "followup_audit": after.pk,
            "domain": domain,
        },
    )


def test_a_higher_share_good_or_better_in_the_follow_up_audit_evidences_the_trail(
    officer_client, home_agency, other_agency, embedded
):
    before = _baseline([home_agency, other_agency])
    # 3 of 4 agreed good or better (75%); one more case never moderated.
    after = moderated_audit(
        agencies=[home_agency, other_agency],
        title="Neglect audit 2026",
        started_on=D(2026, 3, 2),
        grades=["good", "good", "outstanding", "requires_improvement"],
        unmoderated=1,
    )
    assert status_of(embedded) == "embedded"
    response = _add(officer_client, embedded, before, after)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:key_message_trail", args=[embedded.pk])
    link = AssuranceEvidence.objects.get(key_message=embedded)
    assert (link.baseline_favourable, link.baseline_counted) == (2, 5)
    assert (link.followup_favourable, link.followup_counted) == (3, 4)
    assert link.desired is True
    assert status_of(embedded) == "evidenced"

    html = unescape(officer_client.get(response["Location"]).content.decode())
    section = html[html.index('id="evidenced"') :]
    assert re.search(
        r"Audit domain: Joint working.*?40\.0%.*?2 of 5 cases.*?Neglect audit 2025.*?75\.0%.*?3 of 4 cases"
        r".*?Neglect audit 2026.*?Went the desired way",
        section,
        re.S,
    )


def test_a_worse_follow_up_is_shown_and_leaves_the_trail_embedded(
    officer_client, home_agency, other_agency, embedded
):
    before = _baseline([home_agency, other_agency])
    # 1 of 4 (25%) is lower than 40%.
    after = moderated_audit(
        agencies=[home_agency],
        title="Neglect audit 2026",
        started_on=D(2026, 3, 2),
        grades=["good", "inadequate", "requires_improvement", "requires_improvement"],
    )
    assert _add(officer_client, embedded, before, after).status_code == 302
    link = AssuranceEvidence.objects.get(key_message=embedded)
    assert (link.followup_favourable, link.followup_counted, link.desired) == (1, 4, False)
    assert status_of(embedded) == "embedded"
    html = officer_client.get(reverse("reports:key_message_trail", args=[embedded.pk])).content.decode()
    assert "Did not go the desired way" in html[html.index('id="evidenced"') :]


def test_the_same_share_is_not_an_improvement(officer_client, home_agency, other_agency, embedded):
    before = _baseline([home_agency])
    after = moderated_audit(  # 4 of 10 = 40%, the same share
        agencies=[home_agency],
        title="Neglect audit 2026",
        started_on=D(2026, 3, 2),
        grades=["good"] * 4 + ["inadequate"] * 6,
    )
    _add(officer_client, embedded, before, after)
    assert AssuranceEvidence.objects.get().desired is False


def test_moderation_after_the_link_is_named_works_the_values_out_again(
    officer_client, home_agency, other_agency, embedded
):
    before = _baseline([home_agency])
    after = moderated_audit(
        agencies=[home_agency], title="Neglect audit 2026", started_on=D(2026, 3, 2), grades=[]
    )
    _add(officer_client, embedded, before, after)
    link = AssuranceEvidence.objects.get()
    assert (link.followup_counted, link.desired) == (0, None)  # nothing agreed yet in the follow-up
    html = officer_client.get(reverse("reports:key_message_trail", args=[embedded.pk])).content.decode()
    assert "Not known yet" in html[html.index('id="evidenced"') :]
    domain = after.domains.get(name="Joint working")
    for n, grade in enumerate(["good", "outstanding", "good", "inadequate"], start=1):
        case = audit_services.case_add(audit=after, reference=f"Case {n}")
        audit_services.moderation_record(case=case, agreed={domain.pk: (grade, "")}, held_on=D(2026, 6, 1))
    link.refresh_from_db()
    assert (link.followup_favourable, link.followup_counted, link.desired) == (3, 4, True)
    assert status_of(embedded) == "evidenced"
    # The moderation meeting changes one agreed grade: 2 of 4 (50%) is still above 40%; then 1 of 4 is not.
    case = after.cases.get(reference="Case 3")
    audit_services.moderation_record(case=case, agreed={domain.pk: ("inadequate", "")}, held_on=D(2026, 6, 1))
    link.refresh_from_db()
    assert (link.followup_favourable, link.desired) == (2, True)
    case = after.cases.get(reference="Case 2")
    audit_services.moderation_record(
        case=case, agreed={domain.pk: ("requires_improvement", "")}, held_on=D(2026, 6, 1)
    )
    link.refresh_from_db()
    assert (link.followup_favourable, link.desired) == (1, False)
    assert status_of(embedded) == "embedded"


def test_bad_choices_are_explained_and_nothing_is_saved(officer_client, home_agency, embedded):
    before = _baseline([home_agency])
    after = moderated_audit(
        agencies=[home_agency], title="Neglect audit 2026", started_on=D(2026, 3, 2), grades=["good"]
    )
    later_first = moderated_audit(
        agencies=[home_agency], title="Neglect audit 2024", started_on=D(2024, 3, 4), grades=["good"]
    )
    cases = [
        ({}, "Select the key message"),
        ({"baseline_audit": before.pk, "followup_audit": before.pk}, "Choose a different, later audit"),
        ({"baseline_audit": before.pk, "followup_audit": later_first.pk}, "must have started after"),
        ({"domain": "Not a domain"}, "Select a domain from the list"),
        ({"followup_audit": "999999"}, "Select an audit from the list"),
    ]
    for change, message in cases:
        body = {"key_message": embedded.pk, "baseline_audit": before.pk, "followup_audit": after.pk}
        body["domain"] = "Joint working"
        body.update(change)
        if not change:
            body = {}
        response = officer_client.post(ADD, body)
        assert response.status_code == 200, change
        assert message in unescape(response.content.decode()), change
        assert "govuk-error-summary" in response.content.decode()
    assert not AssuranceEvidence.objects.exists()
    # The same link twice is refused.
    assert _add(officer_client, embedded, before, after).status_code == 302
    again = _add(officer_client, embedded, before, after)
    assert "already names this audit domain" in unescape(again.content.decode())
    assert AssuranceEvidence.objects.count() == 1


def test_removing_the_evidence_takes_the_trail_back(officer_client, persona_client, home_agency, embedded):
    before = _baseline([home_agency])
    after = moderated_audit(
        agencies=[home_agency], title="Neglect audit 2026", started_on=D(2026, 3, 2), grades=["good"]
    )
    _add(officer_client, embedded, before, after)
    link = AssuranceEvidence.objects.get()
    url = reverse("assurance:assurance_evidence_remove", args=[link.pk])
    assert persona_client("agency_lead").post(url).status_code == 403
    assert status_of(embedded) == "evidenced"
    assert officer_client.post(url).status_code == 302
    assert not AssuranceEvidence.objects.exists()
    assert status_of(embedded) == "embedded"


def test_trail_queries_do_not_grow_with_audit_and_survey_evidence_or_you_said_we_did(
    officer_client, home_agency, other_agency, embedded
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from learningloop.assurance.evidence.services import survey_evidence_add
    from learningloop.assurance.models import YouSaidWeDid
    from learningloop.assurance.yousaid.services import you_said_we_did_save

    from .factories_evidence import hrbq

    url = reverse("reports:key_message_trail", args=[embedded.pk])

    def add(n, offset):
        for i in range(n):
            year = 2000 + offset + 2 * i
            before = moderated_audit(
                agencies=[home_agency], title=f"Audit {year}", started_on=D(year, 1, 6), grades=["good"]
            )
            after = moderated_audit(
                agencies=[home_agency],
                title=f"Audit {year + 1}",
                started_on=D(year + 1, 1, 6),
                grades=["good"],
            )
            _add(officer_client, embedded, before, after)
            survey_evidence_add(
                key_message=embedded,
                baseline_question=hrbq(year, ["Yes", "No"]),
                followup_question=hrbq(year + 1, ["Yes"]),
                favourable_options=["Yes"],
            )
            you_said_we_did_save(
                entry=YouSaidWeDid(
                    title=f"Entry {year}", heard_from="children", said="s", did="d", did_on=D(2026, 1, 1)
                ),
                key_messages=[embedded],
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert officer_client.get(url).status_code == 200
        return len(captured)

    add(1, 0)
    one = queries()
    add(4, 10)
    five = queries()
    html = officer_client.get(url).content.decode()
    assert html.count("Audit domain: Joint working") == 5 and html.count("Survey question:") == 5
    assert "Entry 2016" in html
    assert one == five
