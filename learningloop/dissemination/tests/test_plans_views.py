"""The plan pages: the list (counts, filter, summaries without a plan, constant queries), creating a plan
from an accepted summary, the plan page, and editing a key message's purpose with its audience rows."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.core.tests.lists import row_cells
from learningloop.dissemination.models import (
    AudiencePlan,
    CommunicationStatus,
    DisseminationPlan,
    MessagePlan,
)
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory

from .factories_plans import (
    CommunicationFactory,
    accepted_summary,
    ensure_audiences,
    ensure_method,
    first_audience_plan,
    make_plan,
)

pytestmark = pytest.mark.django_db


def _form_data(html):
    """What a browser would post back: inputs, checked boxes, textareas and selected options."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name:
            continue
        if ('type="checkbox"' in tag or 'type="radio"' in tag) and "checked" not in tag:
            continue
        data.setdefault(name.group(1), []).append(value.group(1) if value else "")
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = [body.strip()]
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = [selected.group(1) if selected else ""]
    data.pop("csrfmiddlewaretoken", None)
    return data


# --- The list ---


def test_list_shows_counts_and_summaries_without_a_plan(officer_client):
    plan = make_plan(3, title="Neglect audit learning")
    audience_plan = first_audience_plan(plan)
    today = timezone.localdate()
    CommunicationFactory(audience_plan=audience_plan, status=CommunicationStatus.DONE, done_on=today)
    overdue = CommunicationFactory(audience_plan=audience_plan)
    type(overdue).objects.filter(pk=overdue.pk).update(due_on=today.replace(year=today.year - 1))
    waiting = accepted_summary(1, title="Safer sleep learning")
    SummaryFactory(title="Draft summary")  # not accepted: not offered
    html = officer_client.get(reverse("dissemination:plan_list")).content.decode()
    assert "Neglect audit learning" in html
    assert "1 of 2" in html
    assert "1 overdue" in html
    assert "Safer sleep learning" in html and "Create the plan" in html
    assert reverse("dissemination:plan_create", args=[waiting.pk]) in html
    assert "Draft summary" not in html
    assert html.count("<h1") == 1


def test_each_row_counts_its_own_messages_and_communications(officer_client):
    """Counted by hand: three key messages; on its first audience row one communication done, one planned
    and due last year (overdue), one in progress due next month (open, not overdue); a second plan with
    two key messages and no communication. Each row's counts are its own plan's."""
    plan = make_plan(3, title="Neglect audit learning")
    make_plan(2, title="Quiet plan")
    audience_plan = first_audience_plan(plan)
    today = timezone.localdate()
    CommunicationFactory(audience_plan=audience_plan, status=CommunicationStatus.DONE, done_on=today)
    late = CommunicationFactory(audience_plan=audience_plan, status=CommunicationStatus.PLANNED)
    type(late).objects.filter(pk=late.pk).update(due_on=today.replace(year=today.year - 1))
    soon = CommunicationFactory(audience_plan=audience_plan, status=CommunicationStatus.IN_PROGRESS)
    type(soon).objects.filter(pk=soon.pk).update(due_on=today + datetime.timedelta(days=30))
    waiting = accepted_summary(4, title="Safer sleep learning")
    html = officer_client.get(reverse("dissemination:plan_list")).content.decode()
    subgroup = plan.summary.subgroup.name
    assert row_cells(html, "Neglect audit learning") == [
        "Neglect audit learning",
        subgroup,
        "3",
        "1 of 3",
        "1 overdue",
    ]
    assert row_cells(html, "Quiet plan")[2:] == ["2", "0 of 0", "None"]
    assert row_cells(html, "Safer sleep learning")[:3] == ["Safer sleep learning", waiting.subgroup.name, "4"]


def test_list_filter_by_overdue(officer_client):
    ensure_audiences()
    late = make_plan(1, title="Late plan")
    make_plan(1, title="On time plan")
    c = CommunicationFactory(audience_plan=first_audience_plan(late))
    type(c).objects.filter(pk=c.pk).update(due_on=timezone.localdate().replace(year=2020))
    html = officer_client.get(
        reverse("dissemination:plan_list"), {"communications": "overdue"}
    ).content.decode()
    assert "Late plan" in html and "On time plan" not in html
    bad = officer_client.get(reverse("dissemination:plan_list"), {"communications": "nonsense"})
    assert bad.status_code == 200 and "Select a filter from the list" in bad.content.decode()


def test_read_only_sees_the_list_without_create_buttons(persona_client):
    accepted_summary(1, title="Waiting summary")
    html = persona_client("read_only").get(reverse("dissemination:plan_list")).content.decode()
    assert "Waiting summary" in html and "Create the plan" not in html


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("dissemination:plan_list")).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_rows(officer_client):
    ensure_audiences()
    for _ in range(2):
        CommunicationFactory(audience_plan=first_audience_plan(make_plan(1)))
        accepted_summary(1)
    few = _list_queries(officer_client)
    for _ in range(48):
        CommunicationFactory(audience_plan=first_audience_plan(make_plan(1)))
        accepted_summary(1)
    assert _list_queries(officer_client) == few


# --- Creating a plan ---


def test_create_builds_one_row_per_message_and_audience(officer_client, bu_officer):
    ensure_audiences()
    summary = accepted_summary(3)
    response = officer_client.post(reverse("dissemination:plan_create", args=[summary.pk]))
    plan = DisseminationPlan.objects.get(summary=summary)
    assert response.status_code == 302 and response["Location"] == reverse(
        "dissemination:plan_detail", args=[plan.pk]
    )
    assert plan.created_by == bu_officer
    assert MessagePlan.objects.filter(plan=plan).count() == 3
    assert AudiencePlan.objects.filter(message_plan__plan=plan).count() == 12
    again = officer_client.post(reverse("dissemination:plan_create", args=[summary.pk]))
    assert again["Location"] == reverse("dissemination:plan_detail", args=[plan.pk])
    assert DisseminationPlan.objects.count() == 1


def test_create_refuses_a_summary_that_is_not_accepted(officer_client):
    ensure_audiences()
    summary = SummaryFactory(status=SummaryStatus.SUBMITTED)
    KeyMessageFactory(summary=summary)
    response = officer_client.post(reverse("dissemination:plan_create", args=[summary.pk]), follow=True)
    assert "Only a Summary of Learning accepted by the LDG can have a dissemination plan" in (
        response.content.decode()
    )
    assert not DisseminationPlan.objects.exists()


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "scrutineer"])
def test_create_is_refused_without_manage(persona, persona_client):
    summary = accepted_summary(1)
    assert (
        persona_client(persona).post(reverse("dissemination:plan_create", args=[summary.pk])).status_code
        == 403
    )
    assert not DisseminationPlan.objects.exists()


def test_create_get_is_405_and_anonymous_signs_in(officer_client, client):
    summary = accepted_summary(1)
    url = reverse("dissemination:plan_create", args=[summary.pk])
    assert officer_client.get(url).status_code == 405
    assert "/accounts/login/" in client.post(url)["Location"]
    assert officer_client.post(reverse("dissemination:plan_create", args=[99999])).status_code == 404


# --- The plan page ---


def test_plan_page_shows_the_appendix_c_table_and_communications(officer_client):
    plan = make_plan(2)
    message_plan = plan.message_plans.first()
    message_plan.purpose = "Everyone shares chronologies"
    message_plan.save()
    audience_plan = first_audience_plan(plan)
    audience_plan.methods.set([ensure_method("Webinar or learning event")])
    audience_plan.measures_of_success = "150 practitioners attend"
    audience_plan.save()
    today = timezone.localdate()
    CommunicationFactory(audience_plan=audience_plan, description="Lunchtime webinar", status="done",
                         done_on=today, people_attending=124, downloads_or_views=310)  # fmt: skip
    late = CommunicationFactory(audience_plan=audience_plan, description="Late briefing")
    type(late).objects.filter(pk=late.pk).update(due_on=today.replace(year=today.year - 1))
    html = officer_client.get(reverse("dissemination:plan_detail", args=[plan.pk])).content.decode()
    expected = ["Purpose of Key Messages", "Target Audiences", "Communication Methods", "Measures of Success",
                "Internal communications (Partnership members)", "Everyone shares chronologies",
                "Webinar or learning event", "150 practitioners attend", "Lunchtime webinar",
                "People attending: 124", "Downloads or views: 310", "Late briefing", "Overdue"]  # fmt: skip
    for text in expected:
        assert text in html, text
    assert reverse("dissemination:communication_create", args=[audience_plan.pk]) in html
    assert reverse("dissemination:message_plan_edit", args=[message_plan.pk]) in html
    assert html.count("<h1") == 1


def test_plan_page_hides_edit_links_from_readers(persona_client):
    plan = make_plan(1)
    html = (
        persona_client("agency_lead")
        .get(reverse("dissemination:plan_detail", args=[plan.pk]))
        .content.decode()
    )
    assert "Add a communication" not in html and "Edit the purpose" not in html


def test_plan_page_queries_do_not_grow_with_communications(officer_client):
    plan = make_plan(2)
    audience_plan = first_audience_plan(plan)
    CommunicationFactory(audience_plan=audience_plan)
    url = reverse("dissemination:plan_detail", args=[plan.pk])
    with CaptureQueriesContext(connection) as few:
        officer_client.get(url)
    for _ in range(20):
        CommunicationFactory(audience_plan=audience_plan)
    with CaptureQueriesContext(connection) as many:
        officer_client.get(url)
    assert len(few) == len(many)


# --- A key message's purpose and audience rows ---


def test_edit_saves_purpose_methods_and_measures(officer_client):
    plan = make_plan(1)
    message_plan = plan.message_plans.get()
    rows = list(message_plan.audience_plans.order_by("audience__position"))
    method = ensure_method("SCP newsletter")
    url = reverse("dissemination:message_plan_edit", args=[message_plan.pk])
    page = officer_client.get(url)
    html = page.content.decode()
    assert "Communication methods: Internal communications" in html
    assert "Measures of success: General communications" in html
    assert reverse("partnership:preset_list", kwargs={"kind": "dissemination-methods"}) in html
    data = _form_data(html)
    data["purpose"] = ["Everyone knows"]
    data[f"audience-{rows[1].pk}-methods"] = [str(method.pk)]
    data[f"audience-{rows[1].pk}-measures_of_success"] = ["200 practitioners"]
    response = officer_client.post(url, data)
    assert response.status_code == 302
    message_plan.refresh_from_db()
    rows[1].refresh_from_db()
    assert message_plan.purpose == "Everyone knows"
    assert list(rows[1].methods.all()) == [method]
    assert rows[1].measures_of_success == "200 practitioners"
    assert DisseminationPlan.objects.get(pk=plan.pk).version == 2


def test_edit_refuses_an_unknown_method_and_saves_nothing(officer_client):
    plan = make_plan(1)
    message_plan = plan.message_plans.get()
    row = message_plan.audience_plans.first()
    url = reverse("dissemination:message_plan_edit", args=[message_plan.pk])
    data = _form_data(officer_client.get(url).content.decode())
    data["purpose"] = ["Changed"]
    data[f"audience-{row.pk}-methods"] = ["99999"]
    response = officer_client.post(url, data)
    assert response.status_code == 200
    assert "Select communication methods from the list" in response.content.decode()
    message_plan.refresh_from_db()
    assert message_plan.purpose == ""


def test_edit_conflict_shows_both_versions(persona_client):
    plan = make_plan(1)
    message_plan = plan.message_plans.get()
    url = reverse("dissemination:message_plan_edit", args=[message_plan.pk])
    first, second = persona_client("bu_officer"), persona_client("bu_admin")
    form_first = _form_data(first.get(url).content.decode())
    form_second = _form_data(second.get(url).content.decode())
    assert second.post(url, {**form_second, "purpose": ["Theirs"]}).status_code == 302
    response = first.post(url, {**form_first, "purpose": ["Mine"]})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this record" in html and "Mine" in html and "Theirs" in html
    message_plan.refresh_from_db()
    assert message_plan.purpose == "Theirs"


def test_edit_refused_for_read_only_and_405_and_anonymous(persona_client, client):
    plan = make_plan(1)
    message_plan = plan.message_plans.get()
    url = reverse("dissemination:message_plan_edit", args=[message_plan.pk])
    assert persona_client("read_only").post(url, {"purpose": "x", "version": "1"}).status_code == 403
    message_plan.refresh_from_db()
    assert message_plan.purpose == ""
    assert persona_client("bu_officer").put(url).status_code == 405
    assert "/accounts/login/" in client.get(url)["Location"]


# --- The walk, for this area's URLs only ---


def test_an_accepted_summary_offers_its_plan(officer_client):
    from .factories_plans import accepted_summary, ensure_audiences

    ensure_audiences()
    summary = accepted_summary()
    page = officer_client.get(reverse("learning:summary_detail", args=[summary.pk])).content.decode()
    assert "Create the dissemination plan" in page
    officer_client.post(reverse("dissemination:plan_create", args=[summary.pk]))
    page = officer_client.get(reverse("learning:summary_detail", args=[summary.pk])).content.decode()
    assert "Open the Learning Dissemination Action Plan" in page


def test_an_error_in_an_audience_row_puts_error_in_the_page_title(officer_client):
    plan = make_plan(messages=1)
    message_plan = plan.message_plans.get()
    url = reverse("dissemination:message_plan_edit", args=[message_plan.pk])
    html = officer_client.get(url).content.decode()
    data = {name: value for name, value in re.findall(r'name="([^"]+)"[^>]*value="([^"]*)"', html)}
    data.pop("csrfmiddlewaretoken", None)
    audience_fields = [name for name in data if name.endswith("measures_of_success")]
    if not audience_fields:  # textareas carry no value attribute
        audience_fields = re.findall(r'<textarea[^>]*name="([^"]*measures_of_success)"', html)
    data[audience_fields[0]] = "x" * 20000
    response = officer_client.post(url, data)
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()


def test_the_list_counts_communications_without_joining_the_audience_rows(officer_client):
    """The page's communications are counted on their own table, by the plan each carries (ADR 0046):
    joining every message and audience row of the plans cost PostgreSQL more than the rest of the page's
    SQL together."""
    CommunicationFactory(audience_plan=first_audience_plan(make_plan(2)))
    with CaptureQueriesContext(connection) as queries:
        assert officer_client.get(reverse("dissemination:plan_list")).status_code == 200
    counts = [q["sql"] for q in queries if "dissemination_communication" in q["sql"]]
    assert len(counts) == 1
    assert "dissemination_audienceplan" not in counts[0] and "dissemination_messageplan" not in counts[0]
