"""The trail closed: a key message names an indicator with a baseline and a follow-up period; its trail
shows the values before and after and whether the change went the desired way, and when it did the loop
status reaches "evidenced", the fifth stage; the index filters by it and the home page counts each stage."""

import datetime
import re
from html import unescape

import pytest
from django.urls import reverse

from learningloop.learning.models import KeyMessage
from learningloop.performance.models import ImpactEvidence, Polarity
from learningloop.performance.services import impact_evidence_add
from learningloop.performance.submissions.services import submission_correct
from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory
from learningloop.reports import trail as trails

from .factories import make_trail

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def rereferrals(home_agency):
    # Re-referrals within 12 months: lower is better. Baseline April 2025 24%, follow-up April 2026 20%.
    indicator = IndicatorFactory(
        name="Re-referrals within 12 months",
        polarity=Polarity.LOWER,
        target=20,
        tolerance=2,
        providers=[home_agency],
        collect_from=D(2025, 4, 1),
    )
    SubmissionFactory(indicator=indicator, agency=home_agency, period_start=D(2025, 4, 1), value=24)
    SubmissionFactory(indicator=indicator, agency=home_agency, period_start=D(2026, 4, 1), value=20)
    return indicator


def status_of(message):
    return trails.with_loop_status(KeyMessage.objects.filter(pk=message.pk)).get().loop_status


def test_a_change_the_desired_way_makes_the_trail_evidenced(
    client, bu_officer, home_agency, other_agency, rereferrals
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    message = made["message"]
    assert status_of(message) == "embedded"
    impact_evidence_add(
        evidence=ImpactEvidence(
            key_message=message,
            indicator=rereferrals,
            baseline_start=D(2025, 4, 1),
            followup_start=D(2026, 4, 1),
        )
    )
    assert status_of(message) == "evidenced"
    client.force_login(bu_officer)
    html = client.get(reverse("reports:key_message_trail", args=[message.pk])).content.decode()
    section = html[html.index('id="evidenced"') :]
    assert "Re-referrals within 12 months" in section
    assert re.search(r"24\.00%.*?Apr 2025.*?20\.00%.*?Apr 2026.*?Went the desired way", section, re.S)
    index = client.get(reverse("reports:trail_index") + "?loop_status=evidenced").content.decode()
    assert message.text[:40] in index


def test_a_change_the_wrong_way_leaves_it_embedded_and_a_correction_can_close_it(
    bu_officer, home_agency, other_agency, rereferrals
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    message = made["message"]
    follow_up = rereferrals.submissions.get(period_start=D(2026, 4, 1))
    follow_up.value = 26
    follow_up.save()
    link = impact_evidence_add(
        evidence=ImpactEvidence(
            key_message=message,
            indicator=rereferrals,
            baseline_start=D(2025, 4, 1),
            followup_start=D(2026, 4, 1),
        )
    )
    link.refresh_from_db()
    assert (link.baseline_value, link.followup_value, link.desired) == (24, 26, False)
    assert status_of(message) == "embedded"
    # The follow-up figure is corrected: the evidence is worked out again.
    submission_correct(
        submission=follow_up,
        expected_version=follow_up.version,
        value=21,
        commentary="",
        reason="Duplicate referrals removed",
        by=bu_officer,
    )
    assert status_of(message) == "evidenced"


def test_a_period_with_no_value_is_not_known_yet(home_agency, other_agency, rereferrals):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="identified")
    link = impact_evidence_add(
        evidence=ImpactEvidence(
            key_message=made["message"],
            indicator=rereferrals,
            baseline_start=D(2025, 4, 1),
            followup_start=D(2025, 5, 1),
        )
    )
    link.refresh_from_db()
    assert link.desired is None
    assert status_of(made["message"]) == "identified"


def test_the_home_page_counts_key_messages_at_each_stage(
    client, bu_officer, make_persona, home_agency, other_agency, rereferrals
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    impact_evidence_add(
        evidence=ImpactEvidence(
            key_message=made["message"],
            indicator=rereferrals,
            baseline_start=D(2025, 4, 1),
            followup_start=D(2026, 4, 1),
        )
    )
    KeyMessage.objects.create(summary=made["summary"], text="Ask who else lives in the household", position=9)
    client.force_login(bu_officer)
    html = client.get("/").content.decode()
    panel = html[html.index("Key messages around the loop") :]
    panel = panel[: panel.index("</table>")]
    counts = re.findall(r'loop_status=(\w+)">\w+</a></th>\s*<td[^>]*>(\d+)</td>', panel)
    assert counts == [
        ("identified", "1"),
        ("planned", "0"),
        ("disseminated", "0"),
        ("embedded", "0"),
        ("evidenced", "1"),
    ]
    client.force_login(make_persona("agency_member"))
    assert "Key messages around the loop" not in client.get("/").content.decode()


def test_the_indicator_page_lists_the_key_messages_meant_to_move_it(
    client, bu_officer, home_agency, other_agency, rereferrals
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    impact_evidence_add(
        evidence=ImpactEvidence(
            key_message=made["message"],
            indicator=rereferrals,
            baseline_start=D(2025, 4, 1),
            followup_start=D(2026, 4, 1),
        )
    )
    client.force_login(bu_officer)
    html = client.get(reverse("performance:indicator_detail", args=[rereferrals.pk])).content.decode()
    section = html[html.index("Key messages meant to move it") :]
    assert made["message"].text[:40] in section


def test_evidence_periods_must_be_periods_of_the_indicator(
    client, bu_officer, home_agency, other_agency, rereferrals
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded")
    client.force_login(bu_officer)
    response = client.post(
        reverse("performance:evidence_add"),
        {
            "key_message": made["message"].pk,
            "indicator": rereferrals.pk,
            "baseline_start-day": "15",
            "baseline_start-month": "4",
            "baseline_start-year": "2025",
            "followup_start-day": "1",
            "followup_start-month": "4",
            "followup_start-year": "2026",
        },
    )
    assert response.status_code == 200
    assert "Choose the start of one of the indicator's monthly periods" in unescape(response.content.decode())
    assert not ImpactEvidence.objects.exists()
    response = client.post(
        reverse("performance:evidence_add"),
        {
            "key_message": made["message"].pk,
            "indicator": rereferrals.pk,
            "baseline_start-day": "1",
            "baseline_start-month": "4",
            "baseline_start-year": "2025",
            "followup_start-day": "1",
            "followup_start-month": "4",
            "followup_start-year": "2026",
        },
    )
    assert response.status_code == 302
    assert status_of(made["message"]) == "evidenced"
