"""The learning trail: the page per key message shows, in order, where the learning came from, the Summary
of Learning, the plan, the communications with their reach, each agency's response and the actions, with the
loop status as a flow and as an accessible list; the index lists every key message with its loop status."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Communication,
    CommunicationStatus,
    EmbeddingRequest,
    ResponseStatus,
)
from learningloop.dissemination.plans.services import message_plan_save
from learningloop.improvement.models import Action, ActionPlan, ActionStatus, PlanScope
from learningloop.learning.models import KeyMessage
from learningloop.partnership.tests.factories import AgencyFactory, AudienceGroupFactory, GroupFactory
from learningloop.reports import trail as trails

from .factories import TODAY, make_trail

pytestmark = pytest.mark.django_db


def _url(message):
    return reverse("reports:key_message_trail", args=[message.pk])


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def full_trail(home_agency, other_agency):
    return make_trail(agency=home_agency, other_agency=other_agency)


def test_trail_page_shows_everything_in_order(officer_client, full_trail):
    response = officer_client.get(_url(full_trail["message"]))
    assert response.status_code == 200
    html = _main(response)
    assert html.count("<h1") == 1
    in_order = [
        "1. Identified",
        full_trail["activity"].title,
        "Chronologies were not shared before strategy meetings",  # the key message's own finding
        "2. Summary of Learning",
        full_trail["summary"].title,
        "Accepted by the LDG",
        full_trail["summary"].subgroup.name,
        "3. Planned",
        "So every agency shares",  # purpose
        "Workforce communications (trail)",  # audience row
        "Learning briefing (trail)",  # method chosen
        "Chronologies shared in audit",  # measure of success
        "4. Disseminated",
        "Briefing session 1",
        "Sam Example",
        "Done",
        "160",  # reach: 40 attending + 120 recipients
        "5. Embedded",
        full_trail["other_agency"].name,  # agencies in name order: Hospitals before Police
        "Draft",
        full_trail["agency"].name,
        "Accepted",
        "6. Actions",
        "Chronology sharing actions",
        "Add chronology step to procedure 1",
        "In progress",
    ]
    position = 0
    for text in in_order:
        found = html.find(text, position)
        assert found > position, f"{text!r} not found after position {position}"
        position = found
    assert "Fathers were not invited" not in html  # the key message names its findings: no fallback
    assert reverse("learning:activity_detail", args=[full_trail["activity"].pk]) in html
    assert reverse("learning:summary_detail", args=[full_trail["summary"].pk]) in html


def test_findings_fall_back_to_the_activities_findings(officer_client, home_agency, other_agency):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="identified")
    made["message"].findings.clear()
    html = _main(officer_client.get(_url(made["message"])))
    assert "Chronologies were not shared" in html and "Fathers were not invited" in html
    assert "these are the source activities' findings" in html


@pytest.mark.parametrize("stage", ["identified", "planned", "disseminated", "embedded"])
def test_loop_status_as_flow_and_accessible_list(officer_client, home_agency, other_agency, stage):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage=stage)
    message = trails.with_loop_status(KeyMessage.objects.filter(pk=made["message"].pk)).get()
    assert message.loop_status == stage
    html = _main(officer_client.get(_url(made["message"])))
    label = trails.STAGE_LABELS[stage]
    assert re.search(rf"Loop status:\s*<strong class=\"govuk-tag[^\"]*\">\s*{label}", html)
    assert 'class="app-trail-flow" aria-hidden="true"' in html
    steps = html[html.index('<ol class="govuk-list govuk-list--number app-trail-steps"') :]
    steps = steps[: steps.index("</ol>")]
    items = re.findall(r"<li(.*?)>(.*?)</li>", steps, re.S)
    assert [re.search(r"<strong>(.*?)</strong>", body).group(1) for _, body in items] == [
        "Identified", "Planned", "Disseminated", "Embedded", "Evidenced"
    ]  # fmt: skip
    current = [body for attrs, body in items if 'aria-current="step"' in attrs]
    assert len(current) == 1 and f"<strong>{label}</strong>" in current[0] and "(current stage)" in current[0]
    assert "reports/trail.css" in response_head(officer_client, made["message"])


def response_head(client, message):
    html = client.get(_url(message)).content.decode()
    return html[: html.index("</head>")]


def test_a_plan_row_without_methods_is_not_planned(home_agency, other_agency):
    made = make_trail(
        agency=home_agency, other_agency=other_agency, stage="planned", responses=False, actions=0
    )
    # The only audience row's methods are taken away, as the plan's edit page saves them.
    message_plan_save(
        message_plan=made["message_plan"],
        purpose="So every agency shares",
        audiences=[(made["audience_plan"], [], "")],
        expected_version=made["plan"].version,
    )
    assert trails.with_loop_status(KeyMessage.objects.filter(pk=made["message"].pk)).get().loop_status == (
        trails.IDENTIFIED
    )


def test_agency_users_see_only_their_own_agencys_response(persona_client, full_trail):
    home, other = full_trail["agency"].name, full_trail["other_agency"].name
    lead = _main(persona_client("agency_lead").get(_url(full_trail["message"])))
    embedded = lead[lead.index("5. Embedded") : lead.index("6. Actions")]
    assert home in embedded and other not in embedded
    other_lead = _main(persona_client("other_agency_lead").get(_url(full_trail["message"])))
    embedded = other_lead[other_lead.index("5. Embedded") : other_lead.index("6. Actions")]
    assert other in embedded and home not in embedded
    chair = _main(persona_client("scrutineer").get(_url(full_trail["message"])))
    embedded = chair[chair.index("5. Embedded") : chair.index("6. Actions")]
    assert home in embedded and other in embedded


def test_single_agency_action_plans_of_another_agency_are_not_shown(persona_client, full_trail):
    ActionPlan.objects.create(
        title="Hospital-only plan",
        scope=PlanScope.SINGLE_AGENCY,
        agency=full_trail["other_agency"],
        source_key_message=full_trail["message"],
    )
    assert "Hospital-only plan" not in _main(persona_client("agency_lead").get(_url(full_trail["message"])))
    assert "Hospital-only plan" in _main(persona_client("other_agency_lead").get(_url(full_trail["message"])))


def test_missing_key_message_is_404_and_anonymous_signs_in(officer_client, client, full_trail):
    assert officer_client.get(reverse("reports:key_message_trail", args=[999999])).status_code == 404
    response = client.get(_url(full_trail["message"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert officer_client.post(_url(full_trail["message"])).status_code == 405


def test_optional_url_is_none_for_pages_not_built_yet():
    assert trails.optional_url("reports:no_such_page", pk=1) is None
    assert trails.optional_url("reports:key_message_trail", pk=1) == "/trail/messages/1/"


def _grow(made, n):
    """Add n more communications, responses (from new agencies) and actions to the trail."""
    audience_plan = AudiencePlan.objects.create(
        message_plan=made["message_plan"], audience=AudienceGroupFactory()
    )
    audience_plan.methods.set([made["method"]])
    request = EmbeddingRequest.objects.create(title="Second request", due_on=TODAY)
    request.key_messages.set([made["message"]])
    plan = ActionPlan.objects.create(title="Second plan", source_key_message=made["message"])
    for i in range(n):
        Communication.objects.create(
            audience_plan=audience_plan,
            method=made["method"],
            description=f"More {i}",
            due_on=TODAY,
            status=CommunicationStatus.DONE,
            done_on=TODAY,
            recipients=i,
        )
        AgencyResponse.objects.create(
            request=request, agency=AgencyFactory(), status=ResponseStatus.SUBMITTED
        )
        Action.objects.create(plan=plan, description=f"Extra action {i}", owner_agency=made["agency"],
                              due_on=TODAY, status=ActionStatus.NOT_STARTED)  # fmt: skip


def _trail_queries(client, message):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url(message)).status_code == 200
    return len(queries)


def test_trail_queries_do_not_grow_with_communications_responses_or_actions(officer_client, full_trail):
    before = _trail_queries(officer_client, full_trail["message"])
    _grow(full_trail, 8)
    after = _trail_queries(officer_client, full_trail["message"])
    html = _main(officer_client.get(_url(full_trail["message"])))
    assert "More 7" in html and "Extra action 7" in html
    assert before == after


# --- The index ---


def test_index_lists_key_messages_with_loop_status_and_filters(officer_client, home_agency, other_agency):
    embedded = make_trail(agency=home_agency, other_agency=other_agency)
    identified = make_trail(agency=home_agency, other_agency=other_agency, stage="identified")
    identified["message"].text = "Only identified so far"
    identified["message"].save()
    subgroup = GroupFactory(name="Only this subgroup")
    identified["summary"].subgroup = subgroup
    identified["summary"].save()
    url = reverse("reports:trail_index")
    html = _main(officer_client.get(url))
    assert html.count("<h1") == 1
    assert "Only identified so far" in html and embedded["message"].text in html
    assert "Embedded" in html and "Identified" in html
    only_embedded = _main(officer_client.get(url, {"loop_status": "embedded"}))
    assert embedded["message"].text in only_embedded and "Only identified so far" not in only_embedded
    only_identified = _main(officer_client.get(url, {"loop_status": "identified"}))
    assert embedded["message"].text not in only_identified and "Only identified so far" in only_identified
    by_subgroup = _main(officer_client.get(url, {"subgroup": subgroup.pk}))
    assert "Only identified so far" in by_subgroup and embedded["message"].text not in by_subgroup
    bad = officer_client.get(url, {"loop_status": "nonsense"})
    assert bad.status_code == 200 and "Select a loop status from the list" in bad.content.decode()
    assert reverse("reports:key_message_trail", args=[embedded["message"].pk]) in html


def test_index_queries_do_not_grow_with_rows(officer_client, home_agency, other_agency):
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory

    make_trail(agency=home_agency, other_agency=other_agency)
    KeyMessageFactory()
    assert KeyMessage.objects.count() == 2
    with CaptureQueriesContext(connection) as two:
        assert officer_client.get(reverse("reports:trail_index")).status_code == 200
    for _ in range(48):
        KeyMessageFactory()
    assert KeyMessage.objects.count() == 50
    with CaptureQueriesContext(connection) as fifty:
        response = officer_client.get(reverse("reports:trail_index"))
    assert response.content.decode().count('href="/trail/messages/') == 50
    assert len(two) == len(fifty)


def test_links_to_plan_response_and_action_pages(officer_client, full_trail):
    """The trail links each step to its own page; the addresses are written out here, not taken from the
    helper that builds them."""
    html = _main(officer_client.get(_url(full_trail["message"])))
    expected = {
        "the dissemination plan": f"/dissemination/plans/{full_trail['plan'].pk}/",
        "the agency's response": f"/dissemination/responses/{full_trail['responses'][0].pk}/",
        "the action": f"/actions/{full_trail['actions'][0].pk}/",
        "the action plan": f"/actions/plans/{full_trail['action_plan'].pk}/",
    }
    missing = [what for what, href in expected.items() if f'href="{href}"' not in html]
    assert not missing, f"no link to {missing}"


def test_briefings_from_the_key_message_are_listed_with_a_link_to_write_one(persona_client, full_trail):
    from learningloop.dissemination.tests.factories_briefings import BriefingFactory

    BriefingFactory(title="Chronologies 7-minute briefing", key_messages=[full_trail["message"]])
    write = reverse("dissemination:briefing_create") + f"?key_message={full_trail['message'].pk}"
    html = _main(persona_client("bu_officer").get(_url(full_trail["message"])))
    assert "Chronologies 7-minute briefing" in html and write in html
    read_only = _main(persona_client("read_only").get(_url(full_trail["message"])))
    assert "Chronologies 7-minute briefing" in read_only and write not in read_only
