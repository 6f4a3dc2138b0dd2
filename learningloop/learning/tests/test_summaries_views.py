"""Summary of Learning pages: list, create, edit, key messages, and the same refusal cases for every view
that changes data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.core.tests.lists import row_cells
from learningloop.learning.models import KeyMessage, SummaryOfLearning, SummaryStatus, WorkforceGroup
from learningloop.partnership.models import AudienceGroup
from learningloop.partnership.tests.factories import GroupFactory

from .factories_summaries import ActivityFactory, FindingFactory, KeyMessageFactory, SummaryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def audience():
    return AudienceGroup.objects.create(name="Workforce communications", position=2)


# --- List ---


def test_list_shows_and_filters(officer_client):
    audit, panel = GroupFactory(name="Audit Group"), GroupFactory(name="CSPR Panel")
    KeyMessageFactory(summary=SummaryFactory(title="Neglect audit", subgroup=audit))
    SummaryFactory(title="Rapid review Child A", subgroup=panel, status=SummaryStatus.SUBMITTED)
    url = reverse("learning:summary_list")
    page = officer_client.get(url).content.decode()
    assert "Neglect audit" in page and "Rapid review Child A" in page and "Submitted to the LDG" in page
    page = officer_client.get(url, {"status": "submitted"}).content.decode()
    assert "Rapid review Child A" in page and "Neglect audit" not in page
    page = officer_client.get(url, {"subgroup": audit.pk}).content.decode()
    assert "Neglect audit" in page and "Rapid review Child A" not in page


def test_each_row_shows_its_subgroup_status_and_number_of_key_messages(officer_client):
    audit = GroupFactory(name="Audit Group")
    summary = SummaryFactory(title="Neglect audit", subgroup=audit, status=SummaryStatus.SUBMITTED)
    for position in range(3):
        KeyMessageFactory(summary=summary, position=position)
    SummaryFactory(title="Empty draft", subgroup=audit)
    page = officer_client.get(reverse("learning:summary_list"))
    assert row_cells(page, "Neglect audit")[:4] == [
        "Neglect audit",
        "Audit Group",
        "Submitted to the LDG",
        "3",
    ]
    assert row_cells(page, "Empty draft")[:4] == ["Empty draft", "Audit Group", "Draft", "0"]


def test_list_bad_filters_give_a_message_not_a_500(officer_client):
    response = officer_client.get(reverse("learning:summary_list"), {"status": "nope", "subgroup": "x"})
    assert response.status_code == 200
    assert "Select a status from the list" in response.content.decode()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_queries_do_not_grow_with_rows(officer_client):
    url = reverse("learning:summary_list")
    group = GroupFactory()
    for _ in range(2):
        KeyMessageFactory(summary=SummaryFactory(subgroup=group))
    few = _count_queries(officer_client, url)
    for _ in range(48):
        KeyMessageFactory(summary=SummaryFactory(subgroup=GroupFactory()))
    assert _count_queries(officer_client, url) == few


def test_detail_queries_do_not_grow_with_key_messages(officer_client, audience):
    summary = SummaryFactory()
    url = reverse("learning:summary_detail", args=[summary.pk])
    for _ in range(2):
        KeyMessageFactory(summary=summary, audiences=[audience])
    few = _count_queries(officer_client, url)
    for _ in range(20):
        KeyMessageFactory(summary=summary, audiences=[audience])
    assert _count_queries(officer_client, url) == few


# --- Create ---


def test_create_prefills_from_the_activities(officer_client, bu_officer):
    group = GroupFactory(name="Audit Group")
    activity = ActivityFactory(title="Neglect audit 2025", description="Ten cases.")
    FindingFactory(activity=activity, text="Chronologies were not shared")
    url = reverse("learning:summary_create")
    page = officer_client.get(url).content.decode()
    for label in ("Title", "Subgroup", "Activities"):
        assert f">{label}" in page or f"{label}\n" in page
    assert "Neglect audit 2025" in page
    response = officer_client.post(
        url, {"title": "Neglect learning", "subgroup": group.pk, "activities": [activity.pk]}, follow=True
    )
    assert "Summary created" in response.content.decode()
    summary = SummaryOfLearning.objects.get()
    assert summary.created_by == bu_officer and summary.status == SummaryStatus.DRAFT
    assert list(summary.activities.all()) == [activity]
    assert summary.activity_type == activity.source_type.name
    assert "Neglect audit 2025" in summary.description
    assert "Area for improvement: Chronologies were not shared" in summary.findings_summary
    assert summary.events.get().by == bu_officer


def test_create_narrows_activities_by_title(officer_client):
    ActivityFactory(title="Neglect audit")
    ActivityFactory(title="Rapid review Child C")
    page = officer_client.get(reverse("learning:summary_create"), {"q": "neglect"}).content.decode()
    assert "Neglect audit" in page and "Rapid review Child C" not in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": "", "activities": []}, "Enter the title"),
        ({"title": "x" * 201}, "The title must be 200 characters or fewer"),
        ({"title": "T", "subgroup": "999999"}, "Select a subgroup from the list"),
        ({"title": "T"}, "Select at least one activity"),
        ({"title": "T", "activities": ["abc"]}, "Select activities from the list"),
    ],
)
def test_create_bad_input_saves_nothing(officer_client, data, message):
    response = officer_client.post(reverse("learning:summary_create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SummaryOfLearning.objects.exists()


# --- Edit ---


def test_edit_saves_and_bumps_the_version(officer_client):
    summary = SummaryFactory()
    url = reverse("learning:summary_edit", args=[summary.pk])
    page = officer_client.get(url).content.decode()
    assert 'name="version"' in page and "Summary of findings" in page
    data = {"title": "Better title", "subgroup": summary.subgroup_id, "activity_type": "Audit",
            "description": "Ten cases", "findings_summary": "Gaps", "version": 1}  # fmt: skip
    assert officer_client.post(url, data).status_code == 302
    summary.refresh_from_db()
    assert (summary.title, summary.findings_summary, summary.version) == ("Better title", "Gaps", 2)


def test_edit_with_an_out_of_date_version_is_refused(officer_client):
    summary = SummaryFactory(version=3, title="Theirs")
    data = {"title": "Mine", "subgroup": summary.subgroup_id, "version": 2}
    response = officer_client.post(reverse("learning:summary_edit", args=[summary.pk]), data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert "Mine" in page and "Theirs" in page  # what they entered beside what is saved now
    summary.refresh_from_db()
    assert (summary.title, summary.version) == ("Theirs", 3)


def test_edit_bad_input(officer_client):
    summary = SummaryFactory()
    url = reverse("learning:summary_edit", args=[summary.pk])
    data = {"title": "", "subgroup": summary.subgroup_id, "activity_type": "x" * 301, "version": "abc"}
    page = officer_client.post(url, data).content.decode()
    assert "Enter the title" in page
    assert "The type of activity must be 300 characters or fewer" in page
    assert "This form is out of date" in page


# --- Key messages ---


def test_key_message_create_edit_delete(officer_client, audience):
    finding = FindingFactory(text="Plans drifted")
    summary = SummaryFactory(activities=[finding.activity])
    FindingFactory(text="Not in this summary")
    gps = WorkforceGroup.objects.get(name="GPs and primary care")
    url = reverse("learning:key_message_create", args=[summary.pk])
    page = officer_client.get(url).content.decode()
    for label in ("Key message", "Audience groups", "Workforce groups", "Findings it comes from"):
        assert label in page
    assert "Plans drifted" in page and "Not in this summary" not in page
    data = {"text": "Escalate drift", "audiences": [audience.pk], "workforce_groups": [gps.pk],
            "findings": [finding.pk], "version": 1}  # fmt: skip
    response = officer_client.post(url, data, follow=True)
    assert "Key message added" in response.content.decode()
    message = KeyMessage.objects.get()
    assert list(message.audiences.all()) == [audience] and list(message.findings.all()) == [finding]
    assert list(message.workforce_groups.all()) == [gps]
    detail = response.content.decode()
    assert "Escalate drift" in detail and "GPs and primary care" in detail

    edit = reverse("learning:key_message_edit", args=[message.pk])
    response = officer_client.post(edit, {**data, "text": "Escalate drift early", "version": 2})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.text == "Escalate drift early"

    delete = reverse("learning:key_message_delete", args=[message.pk])
    assert "Delete this key message?" in officer_client.get(delete).content.decode()
    assert officer_client.post(delete, {"version": 3}).status_code == 302
    assert not KeyMessage.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "", "version": 1}, "Enter the key message"),
        ({"text": "Some text", "version": 1}, "Select at least one audience group or workforce group"),
        ({"text": "T", "audiences": ["999"], "version": 1}, "Select audience groups from the list"),
        ({"text": "T", "findings": ["999"], "version": 1}, "Select findings from the list"),
    ],
)
def test_key_message_bad_input_saves_nothing(officer_client, data, message):
    summary = SummaryFactory()
    response = officer_client.post(reverse("learning:key_message_create", args=[summary.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not KeyMessage.objects.exists()


def test_key_message_with_a_stale_version_is_refused(officer_client, audience):
    summary = SummaryFactory(version=2)
    data = {"text": "Late", "audiences": [audience.pk], "version": 1}
    response = officer_client.post(reverse("learning:key_message_create", args=[summary.pk]), data)
    assert response.status_code == 409
    assert "Someone else changed this record" in response.content.decode()
    assert not KeyMessage.objects.exists()


# --- The same refusal cases for every view that changes data ---


def _valid(name, objects):
    summary, message, audience = objects["summary"], objects["message"], objects["audience"]
    return {
        "summary_create": ({}, {"title": "New", "subgroup": summary.subgroup_id,
                                "activities": [objects["activity"].pk]}),
        "summary_edit": ({"pk": summary.pk}, {"title": "Edited", "subgroup": summary.subgroup_id,
                                              "version": summary.version}),
        "key_message_create": ({"pk": summary.pk}, {"text": "Another", "audiences": [audience.pk],
                                                    "version": summary.version}),
        "key_message_edit": ({"pk": message.pk}, {"text": "Edited", "audiences": [audience.pk],
                                                  "version": summary.version}),
        "key_message_delete": ({"pk": message.pk}, {"version": summary.version}),
        "summary_submit": ({"pk": summary.pk}, {"version": summary.version}),
        "summary_accept": ({"pk": objects["submitted"].pk}, {}),
        "summary_return": ({"pk": objects["submitted"].pk}, {"reason": "Add dates"}),
    }[name]  # fmt: skip


def _state():
    return (
        list(SummaryOfLearning.objects.values_list("pk", "title", "status", "version").order_by("pk")),
        list(KeyMessage.objects.values_list("pk", "text").order_by("pk")),
    )


@pytest.fixture
def objects(audience):
    activity = ActivityFactory()
    summary = SummaryFactory(activities=[activity])
    return {
        "activity": activity,
        "audience": audience,
        "summary": summary,
        "message": KeyMessageFactory(summary=summary, audiences=[audience]),
        "submitted": SummaryFactory(status=SummaryStatus.SUBMITTED),
    }


CHANGING = ["summary_create", "summary_edit", "key_message_create", "key_message_edit",
            "key_message_delete", "summary_submit", "summary_accept", "summary_return"]  # fmt: skip


@pytest.mark.parametrize("name", CHANGING)
def test_changing_views_work_for_an_allowed_persona(name, objects, persona_client):
    kwargs, data = _valid(name, objects)
    before = _state()
    response = persona_client("group_chair").post(reverse(f"learning:{name}", kwargs=kwargs), data)
    assert response.status_code == 302
    assert _state() != before


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "scrutineer"])
@pytest.mark.parametrize("name", CHANGING)
def test_changing_views_refuse_read_only_personas(name, persona, objects, persona_client):
    kwargs, data = _valid(name, objects)
    before = _state()
    response = persona_client(persona).post(reverse(f"learning:{name}", kwargs=kwargs), data)
    assert response.status_code == 403
    assert _state() == before


@pytest.mark.parametrize("name", CHANGING)
def test_changing_views_send_anonymous_to_sign_in(name, objects, client):
    kwargs, data = _valid(name, objects)
    before = _state()
    response = client.post(reverse(f"learning:{name}", kwargs=kwargs), data)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert _state() == before


@pytest.mark.parametrize("name", ["summary_submit", "summary_accept"])
def test_workflow_buttons_refuse_get(name, objects, officer_client):
    kwargs, _ = _valid(name, objects)
    assert officer_client.get(reverse(f"learning:{name}", kwargs=kwargs)).status_code == 405


@pytest.mark.parametrize("name", ["summary_list", "summary_docx", "summary_pdf"])
def test_read_only_views_refuse_post(name, objects, officer_client):
    kwargs = {} if name == "summary_list" else {"pk": objects["summary"].pk}
    assert officer_client.post(reverse(f"learning:{name}", kwargs=kwargs)).status_code == 405


def test_unknown_summary_is_404(officer_client):
    assert officer_client.get(reverse("learning:summary_detail", args=[999999])).status_code == 404
