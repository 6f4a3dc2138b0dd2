"""Tracked communications: adding one (due today or later), updating its status, date done and reach,
bad input refused with nothing saved, the overdue presenter, and two people editing at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from learningloop.dissemination.models import Communication, CommunicationStatus
from learningloop.dissemination.plans import documents
from learningloop.dissemination.plans import services as services_plans
from learningloop.partnership.tests.factories import PersonFactory

from .factories_plans import CommunicationFactory, ensure_method, first_audience_plan, make_plan
from .test_plans_views import _form_data

pytestmark = pytest.mark.django_db


def _date(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


@pytest.fixture
def audience_plan():
    return first_audience_plan(make_plan(1))


# --- Adding ---


def test_create_form_has_the_labels(officer_client, audience_plan):
    html = officer_client.get(reverse("dissemination:communication_create", args=[audience_plan.pk])).content
    html = html.decode()
    for label in ["Communication method", "Description", "Owner", "Owner&#39;s agency", "Due date", "Notes"]:
        assert label in html, label
    assert html.count("<h1") == 1


def test_create_works_and_takes_the_owner_agency_from_the_owner(officer_client, audience_plan):
    method, owner = ensure_method("Webinar or learning event"), PersonFactory()
    due = timezone.localdate() + datetime.timedelta(days=7)
    response = officer_client.post(
        reverse("dissemination:communication_create", args=[audience_plan.pk]),
        {"method": method.pk, "description": "Lunchtime webinar", "owner": owner.pk, "notes": "",
         **_date("due_on", due)},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("dissemination:plan_detail", args=[audience_plan.message_plan.plan_id])
        + f"#message-{audience_plan.message_plan_id}"
    )
    communication = Communication.objects.get()
    assert (communication.audience_plan, communication.method, communication.due_on) == (
        audience_plan,
        method,
        due,
    )
    assert communication.owner_agency == owner.agency
    assert communication.status == CommunicationStatus.PLANNED


def test_create_due_today_is_allowed(officer_client, audience_plan):
    today = timezone.localdate()
    response = officer_client.post(
        reverse("dissemination:communication_create", args=[audience_plan.pk]),
        {"method": ensure_method().pk, "description": "Today", **_date("due_on", today)},
        follow=True,
    )
    plan_page = reverse("dissemination:plan_detail", args=[audience_plan.message_plan.plan_id])
    assert response.redirect_chain == [(f"{plan_page}#message-{audience_plan.message_plan_id}", 302)]
    assert "Communication added" in response.content.decode()
    communication = Communication.objects.get()
    assert (communication.audience_plan, communication.description, communication.due_on) == (
        audience_plan,
        "Today",
        today,
    )
    assert communication.plan_id == audience_plan.message_plan.plan_id  # the plans list counts by it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"due_on": -1}, "The due date must be today or in the future"),
        ({"description": ""}, "Enter the description"),
        ({"method": ""}, "Select the communication method"),
        ({"method": "99999"}, "Select a method from the list"),
        ({"due_on": None}, "Enter the due date"),
        ({"due_on-day": "31", "due_on-month": "2"}, "Enter a real date"),
        ({"description": "x" * 301}, "Description must be 300 characters or fewer"),
    ],
    ids=["past", "no description", "no method", "unknown method", "no date", "not a date", "too long"],
)
def test_create_bad_input_is_explained_and_nothing_saved(officer_client, audience_plan, data, message):
    due = timezone.localdate() + datetime.timedelta(days=3)
    post = {"method": ensure_method().pk, "description": "Briefing", **_date("due_on", due)}
    if "due_on" in data:
        offset = data.pop("due_on")
        for part in ("day", "month", "year"):
            post.pop(f"due_on-{part}")
        if offset is not None:
            post.update(_date("due_on", timezone.localdate() + datetime.timedelta(days=offset)))
    post.update(data)
    response = officer_client.post(
        reverse("dissemination:communication_create", args=[audience_plan.pk]), post
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert not Communication.objects.exists()


def test_service_refuses_a_past_due_date_for_a_new_communication(audience_plan):
    communication = Communication(audience_plan=audience_plan, method=ensure_method(), description="Late",
                                  due_on=timezone.localdate() - datetime.timedelta(days=1))  # fmt: skip
    with pytest.raises(ValidationError) as error:
        services_plans.communication_save(communication=communication)
    assert error.value.message_dict["due_on"] == ["The due date must be today or in the future"]
    assert not Communication.objects.exists()


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "other_agency_lead", "scrutineer"])
def test_create_refused_without_manage(persona, persona_client, audience_plan):
    due = timezone.localdate() + datetime.timedelta(days=3)
    response = persona_client(persona).post(
        reverse("dissemination:communication_create", args=[audience_plan.pk]),
        {"method": ensure_method().pk, "description": "Briefing", **_date("due_on", due)},
    )
    assert response.status_code == 403
    assert not Communication.objects.exists()


def test_create_wrong_method_anonymous_and_missing(officer_client, client, audience_plan):
    url = reverse("dissemination:communication_create", args=[audience_plan.pk])
    assert officer_client.delete(url).status_code == 405
    assert "/accounts/login/" in client.post(url, {})["Location"]
    assert officer_client.get(reverse("dissemination:communication_create", args=[99999])).status_code == 404


# --- Updating ---


def _edit(client, communication, **changes):
    url = reverse("dissemination:communication_edit", args=[communication.pk])
    data = {k: v[0] for k, v in _form_data(client.get(url).content.decode()).items()}
    data.update(changes)
    return client.post(url, data)


def test_edit_records_done_with_date_and_reach(officer_client):
    communication = CommunicationFactory()
    today = timezone.localdate()
    response = _edit(officer_client, communication, status="done", people_attending="124", recipients="",
                     downloads_or_views="310", notes="Well received", **_date("done_on", today))  # fmt: skip
    assert response.status_code == 302
    assert "Communication updated" in officer_client.get(response["Location"]).content.decode()
    communication.refresh_from_db()
    assert communication.status == CommunicationStatus.DONE and communication.done_on == today
    assert (communication.people_attending, communication.recipients, communication.downloads_or_views) == (
        124, None, 310)  # fmt: skip
    assert communication.reach == 434 and communication.version == 2


def test_edit_form_has_the_reach_labels(officer_client):
    html = officer_client.get(reverse("dissemination:communication_edit", args=[CommunicationFactory().pk]))
    html = html.content.decode()
    for label in ["Status", "Date done", "People attending", "Recipients", "Downloads or views", "Notes"]:
        assert label in html, label


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "done"}, "Enter the date the communication was done"),
        ({"people_attending": "-5"}, "People attending must be 0 or more"),
        ({"recipients": "lots"}, "Recipients must be a whole number, like 25"),
        ({"downloads_or_views": "12.5"}, "Downloads or views must be a whole number, like 25"),
        ({"status": "finished"}, "Select a status from the list"),
        (
            {"status": "done", **_date("done_on", datetime.date.today() + datetime.timedelta(days=30))},
            "The date done must be today or in the past",
        ),
    ],
    ids=["done without date", "negative", "not a number", "decimal", "bad status", "done in the future"],
)
def test_edit_bad_input_is_explained_and_nothing_saved(officer_client, changes, message):
    communication = CommunicationFactory(notes="Original")
    response = _edit(officer_client, communication, notes="Changed", **changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    communication.refresh_from_db()
    assert communication.notes == "Original" and communication.status == CommunicationStatus.PLANNED
    assert communication.version == 1


def test_edit_a_past_due_date_does_not_block_later_updates(officer_client):
    communication = CommunicationFactory()
    Communication.objects.filter(pk=communication.pk).update(due_on=datetime.date(2024, 1, 1))
    response = _edit(officer_client, communication, status="in_progress")
    assert response.status_code == 302
    assert "Communication updated" in officer_client.get(response["Location"]).content.decode()
    communication.refresh_from_db()
    assert communication.status == CommunicationStatus.IN_PROGRESS
    assert communication.due_on == datetime.date(2024, 1, 1) and communication.version == 2


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "scrutineer"])
def test_edit_refused_without_manage(persona, persona_client):
    communication = CommunicationFactory()
    url = reverse("dissemination:communication_edit", args=[communication.pk])
    response = persona_client(persona).post(url, {"status": "cancelled", "version": "1"})
    assert response.status_code == 403
    communication.refresh_from_db()
    assert communication.status == CommunicationStatus.PLANNED


def test_edit_wrong_method_anonymous_and_missing(officer_client, client):
    url = reverse("dissemination:communication_edit", args=[CommunicationFactory().pk])
    assert officer_client.put(url).status_code == 405
    assert "/accounts/login/" in client.get(url)["Location"]
    assert officer_client.get(reverse("dissemination:communication_edit", args=[99999])).status_code == 404


def test_two_people_editing_at_once_the_second_save_is_refused(persona_client):
    communication = CommunicationFactory()
    url = reverse("dissemination:communication_edit", args=[communication.pk])
    first, second = persona_client("bu_officer"), persona_client("group_chair")
    form_first = {k: v[0] for k, v in _form_data(first.get(url).content.decode()).items()}
    form_second = {k: v[0] for k, v in _form_data(second.get(url).content.decode()).items()}
    assert second.post(url, {**form_second, "notes": "Theirs"}).status_code == 302
    response = first.post(url, {**form_first, "notes": "Mine"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this record" in html and "Mine" in html and "Theirs" in html
    communication.refresh_from_db()
    assert communication.notes == "Theirs" and communication.version == 2


def test_a_post_without_the_version_is_refused(officer_client):
    communication = CommunicationFactory()
    url = reverse("dissemination:communication_edit", args=[communication.pk])
    response = officer_client.post(url, {"status": "cancelled"})
    assert response.status_code == 200
    assert "This form is out of date" in response.content.decode()


# --- The status presenter ---


@pytest.mark.parametrize(
    ("status", "due", "done", "text", "colour"),
    [
        ("planned", 5, None, "Planned", "blue"),
        ("in_progress", 5, None, "In progress", "yellow"),
        ("planned", -1, None, "Overdue", "red"),
        ("in_progress", -10, None, "Overdue", "red"),
        ("planned", 0, None, "Planned", "blue"),
        ("done", -3, -4, "Done", "green"),
        ("done", -10, -1, "Done", "green"),
        ("cancelled", -10, None, "Cancelled", "grey"),
    ],
)
def test_communication_status(status, due, done, text, colour):
    today = datetime.date(2026, 3, 18)
    communication = Communication(
        status=status,
        due_on=today + datetime.timedelta(days=due),
        done_on=today + datetime.timedelta(days=done) if done is not None else None,
    )
    tag = documents.communication_status(communication, today)
    assert (tag.text, tag.colour) == (text, colour)
    assert tag.is_overdue == (text == "Overdue")
    if text == "Overdue":
        assert tag.detail.startswith("Overdue by")


def test_overdue_queryset_matches_the_presenter(audience_plan):
    today = timezone.localdate()
    late = CommunicationFactory(audience_plan=audience_plan)
    done = CommunicationFactory(audience_plan=audience_plan, status="done", done_on=today)
    Communication.objects.filter(pk__in=[late.pk, done.pk]).update(due_on=today - datetime.timedelta(days=3))
    assert list(Communication.objects.overdue(today)) == [late]
