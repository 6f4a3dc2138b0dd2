"""Improvement plans and actions: workflows, refused transitions, bad input, and who may do what."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from learningloop.improvement.models import (
    Action,
    ActionEvidence,
    ActionPlan,
    ActionStatus,
    ActionUpdate,
    PlanScope,
)
from learningloop.learning.tests.factories_register import FindingFactory
from learningloop.partnership.tests.factories import PersonFactory

from .factories import PDF_BYTES, ActionFactory, CompletedActionFactory, PlanFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _date(prefix, d):
    return {f"{prefix}-day": d.day, f"{prefix}-month": d.month, f"{prefix}-year": d.year}


def _bulk(actions, **fields):
    """The list's bulk form as a browser posts it: the ticked actions and the version each was shown at."""
    return {"actions": [a.pk for a in actions], **{f"version-{a.pk}": a.version for a in actions}, **fields}


def _update(action, **fields):
    data = {"note": "Briefed the team", "status": "in_progress", "progress": 30, "version": action.version}
    data.update(fields)
    return data


# --- Plans ---


def test_plan_create_from_a_finding_prefilled(officer_client):
    finding = FindingFactory()
    url = reverse("improvement:plan_create")
    page = officer_client.get(url, {"source": "finding", "id": finding.pk}).content.decode()
    assert 'value="finding" checked' in page
    response = officer_client.post(
        url,
        {
            "title": "Escalation plan",
            "scope": "multi",
            "source_kind": "finding",
            "source_finding": finding.pk,
        },
    )
    plan = ActionPlan.objects.get()
    assert response.status_code == 302 and plan.source == finding


def test_plan_create_needs_exactly_one_source_and_an_agency_for_single(officer_client, home_agency):
    url = reverse("improvement:plan_create")
    response = officer_client.post(url, {"title": "Plan", "scope": "single", "source_kind": "finding"})
    html = response.content.decode()
    assert response.status_code == 200 and "Select the finding" in html
    assert "Select the agency whose plan this is" in html
    response = officer_client.post(
        url,
        {
            "title": "Plan",
            "scope": "multi",
            "source_kind": "meeting",
            "source_meeting": "LDG, 3 March",
            "source_finding": FindingFactory().pk,
        },
    )
    plan = ActionPlan.objects.get()
    assert (
        response.status_code == 302 and plan.source_finding is None and plan.source_meeting == "LDG, 3 March"
    )


def test_plan_pages_are_scoped(persona_client, home_agency, other_agency):
    theirs = PlanFactory(scope=PlanScope.SINGLE_AGENCY, agency=other_agency, title="Health plan")
    mine = PlanFactory(scope=PlanScope.SINGLE_AGENCY, agency=home_agency, title="Police plan")
    client = persona_client("agency_lead")
    assert client.get(reverse("improvement:plan_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("improvement:plan_detail", args=[mine.pk])).status_code == 200
    listing = client.get(reverse("improvement:plan_list")).content.decode()
    assert "Police plan" in listing and "Health plan" not in listing
    action = ActionFactory(plan=theirs, owner_agency=other_agency)
    for name in ("action_detail", "action_update", "evidence_upload", "sustainment_check"):
        assert client.get(reverse(f"improvement:{name}", args=[action.pk])).status_code == 404, name
    assert (
        "Health plan" in persona_client("scrutineer").get(reverse("improvement:plan_list")).content.decode()
    )


def test_plan_list_filters_and_counts_by_rag(officer_client):
    plan = PlanFactory(title="Counted plan")
    ActionFactory(plan=plan, due_on=TODAY - datetime.timedelta(days=3))
    ActionFactory(plan=plan, due_on=TODAY - datetime.timedelta(days=3))
    PlanFactory(title="Review plan", source_meeting="", source_finding=FindingFactory())
    html = officer_client.get(reverse("improvement:plan_list"), {"source": "meeting"}).content.decode()
    assert "Counted plan" in html and "Red: 2" in html and "Review plan" not in html


# --- Actions ---


def test_action_create_validates_owner_and_due_date(officer_client, home_agency, other_agency):
    plan = PlanFactory()
    url = reverse("improvement:action_create", args=[plan.pk])
    stranger = PersonFactory(agency=other_agency)
    response = officer_client.post(
        url,
        {
            "description": "Do it",
            "owner_agency": home_agency.pk,
            "owner": stranger.pk,
            **_date("due_on", TODAY - datetime.timedelta(days=1)),
        },
    )
    html = response.content.decode()
    assert "The owner must work for the owner agency" in html
    assert "The due date must be today or in the future" in html
    assert not Action.objects.exists()
    owner = PersonFactory(agency=home_agency)
    response = officer_client.post(
        url,
        {"description": "Do it", "owner_agency": home_agency.pk, "owner": owner.pk, **_date("due_on", TODAY)},
    )
    action = Action.objects.get()
    assert response.status_code == 302 and action.status == ActionStatus.NOT_STARTED
    assert action.updates.count() == 1


def test_update_appends_to_the_log_and_detail_shows_it_newest_last(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency)
    client = persona_client("agency_member")
    url = reverse("improvement:action_update", args=[action.pk])
    assert client.post(url, _update(action, note="First")).status_code == 302
    action.refresh_from_db()
    assert client.post(url, _update(action, note="Second", progress=60)).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.progress) == (ActionStatus.IN_PROGRESS, 60)
    html = client.get(reverse("improvement:action_detail", args=[action.pk])).content.decode()
    assert html.index("First") < html.index("Second")
    assert list(action.updates.values_list("note", flat=True)) == ["First", "Second"]


def test_complete_needs_100_and_a_date(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency)
    client = persona_client("agency_lead")
    url = reverse("improvement:action_update", args=[action.pk])
    response = client.post(
        url, _update(action, status="completed", progress=90, **_date("completed_on", TODAY))
    )
    assert "Progress must be 100% when the action is completed" in response.content.decode()
    response = client.post(url, _update(action, status="completed", progress=100))
    assert "Enter the date the action was completed" in response.content.decode()
    assert not ActionUpdate.objects.exists()
    response = client.post(
        url,
        _update(
            action,
            status="completed",
            progress=100,
            **_date("completed_on", TODAY),
            evidence_of_completion="Briefing register",
        ),
    )
    action.refresh_from_db()
    assert response.status_code == 302 and action.completed_on == TODAY
    assert action.evidence_of_completion == "Briefing register"


CLOSED = "A completed or cancelled action cannot be changed."


@pytest.mark.parametrize(
    ("fields", "to"),
    [
        ({"status": ActionStatus.COMPLETED, "progress": 100, "completed_on": TODAY}, "in_progress"),
        ({"status": ActionStatus.COMPLETED, "progress": 100, "completed_on": TODAY}, "not_started"),
        ({"status": ActionStatus.CANCELLED}, "in_progress"),
        ({"status": ActionStatus.CANCELLED}, "completed"),
    ],
    ids=["completed reopened", "completed back to not started", "cancelled reopened", "cancelled completed"],
)
def test_a_completed_or_cancelled_action_cannot_be_changed(fields, to, persona_client, home_agency):
    """The user guide offers no reopening: a closed action's update and edit pages say why (200), a save
    is refused (409) and nothing changes; its page offers neither, but still offers evidence."""
    action = ActionFactory(owner_agency=home_agency, **fields)
    before = Action.objects.filter(pk=action.pk).values().get()
    clients = {persona: persona_client(persona) for persona in ("bu_officer", "agency_lead")}
    for client in clients.values():
        url = reverse("improvement:action_update", args=[action.pk])
        page = client.get(url)
        assert page.status_code == 200 and CLOSED in page.content.decode()
        response = client.post(url, _update(action, status=to, progress=100, **_date("completed_on", TODAY)))
        assert response.status_code == 409 and CLOSED in response.content.decode()
        detail = client.get(reverse("improvement:action_detail", args=[action.pk])).content.decode()
        assert reverse("improvement:action_update", args=[action.pk]) not in detail
        assert reverse("improvement:action_edit", args=[action.pk]) not in detail
        assert reverse("improvement:evidence_upload", args=[action.pk]) in detail
    edit_url = reverse("improvement:action_edit", args=[action.pk])
    officer = clients["bu_officer"]
    assert officer.get(edit_url).status_code == 200
    data = {"description": "Reworded", "owner_agency": home_agency.pk, "version": action.version}
    response = officer.post(edit_url, {**data, **_date("due_on", TODAY + datetime.timedelta(days=30))})
    assert response.status_code == 409 and CLOSED in response.content.decode()
    assert Action.objects.filter(pk=action.pk).values().get() == before
    assert not ActionUpdate.objects.exists()


def test_an_update_opened_before_the_action_was_completed_is_refused(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency, status=ActionStatus.IN_PROGRESS, progress=40)
    url = reverse("improvement:action_update", args=[action.pk])
    lead = persona_client("agency_lead")
    assert lead.get(url).status_code == 200
    persona_client("bu_officer").post(
        reverse("improvement:action_bulk_update"),
        _bulk([action], status="completed", note="Done at the away day"),
    )
    response = lead.post(url, _update(action, status="in_progress", progress=60))
    assert response.status_code == 409 and CLOSED in response.content.decode()
    saved = Action.objects.get(pk=action.pk)
    assert (saved.status, saved.progress) == ("completed", 100)


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (ActionStatus.COMPLETED, "A completed action cannot be reopened or changed"),
        (ActionStatus.CANCELLED, "A cancelled action cannot be reopened or changed"),
    ],
)
def test_the_service_refuses_a_closed_action_too(start, message):
    """For any caller besides the pages (the bulk update, a management command)."""
    from django.core.exceptions import ValidationError

    from learningloop.improvement.services import check_transition

    with pytest.raises(ValidationError, match=message):
        check_transition(start, "in_progress", 50)


def test_update_other_agency_403_read_only_403_anonymous_redirect_wrong_method(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency)
    url = reverse("improvement:action_update", args=[action.pk])
    for persona in ("other_agency_lead", "read_only", "scrutineer"):
        assert persona_client(persona).post(url, _update(action)).status_code == 403, persona
    anonymous = persona_client("anonymous").post(url, _update(action))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert persona_client("agency_lead").put(url).status_code == 405
    assert not ActionUpdate.objects.exists()


def test_edit_is_business_unit_only_and_keeps_a_passed_due_date(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency, due_on=TODAY - datetime.timedelta(days=10))
    url = reverse("improvement:action_edit", args=[action.pk])
    data = {
        "description": "Changed",
        "owner_agency": home_agency.pk,
        "version": 1,
        **_date("due_on", action.due_on),
    }
    assert persona_client("agency_lead").post(url, data).status_code == 403
    officer = persona_client("bu_officer")
    assert officer.post(url, data).status_code == 302
    assert Action.objects.get(pk=action.pk).description == "Changed"
    moved = {**data, "version": 2, **_date("due_on", TODAY - datetime.timedelta(days=2))}
    assert "The due date must be today or in the future" in officer.post(url, moved).content.decode()


# --- Evidence ---


def test_evidence_upload_and_download(persona_client, home_agency):
    action = ActionFactory(owner_agency=home_agency)
    client = persona_client("agency_lead")
    upload = SimpleUploadedFile("Sheet.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(reverse("improvement:evidence_upload", args=[action.pk]), {"file": upload})
    evidence = ActionEvidence.objects.get()
    assert response.status_code == 302 and evidence.original_name == "Sheet.pdf"
    download = persona_client("other_agency_lead").get(
        reverse("improvement:evidence_download", args=[evidence.pk])
    )
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00binary", "must be a PDF"),
        ("fake.pdf", b"not really a pdf", "must be a PDF"),
        ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "smaller than 10 MB"),
    ],
    ids=["wrong type", "content does not match", "too large"],
)
def test_bad_evidence_is_refused_and_nothing_saved(
    name, content, message, persona_client, home_agency, settings
):
    action = ActionFactory(owner_agency=home_agency)
    upload = SimpleUploadedFile(name, content)
    response = persona_client("agency_lead").post(
        reverse("improvement:evidence_upload", args=[action.pk]), {"file": upload}
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not ActionEvidence.objects.exists()
    uploads = settings.MEDIA_ROOT
    assert not uploads.exists() or not any(p.is_file() for p in uploads.rglob("*"))


# --- Sustainment ---


def test_sustainment_check_planned_then_recorded(persona_client, home_agency):
    action = CompletedActionFactory(owner_agency=home_agency)
    client = persona_client("agency_lead")
    url = reverse("improvement:sustainment_check", args=[action.pk])
    too_early = {"version": 1, **_date("sustainment_due_on", action.completed_on)}
    assert (
        "The check must be after the date the action was completed"
        in client.post(url, too_early).content.decode()
    )
    later = action.completed_on + datetime.timedelta(days=90)
    assert client.post(url, {"version": 1, **_date("sustainment_due_on", later)}).status_code == 302
    no_result = {"version": 2, **_date("sustainment_due_on", later), **_date("sustainment_checked_on", TODAY)}
    assert "Select whether the improvement has lasted" in client.post(url, no_result).content.decode()
    done = {**no_result, "sustainment_result": "sustained", "sustainment_note": "Still in use"}
    assert client.post(url, done).status_code == 302
    action.refresh_from_db()
    assert action.sustainment_result == "sustained" and action.sustainment_checked_on == TODAY
    html = client.get(reverse("improvement:action_detail", args=[action.pk])).content.decode()
    assert "Complete, sustained" in html


def test_sustainment_only_for_completed_actions(officer_client):
    action = ActionFactory()
    url = reverse("improvement:sustainment_check", args=[action.pk])
    response = officer_client.post(url, {"version": 1, **_date("sustainment_due_on", TODAY)})
    assert "once the action is completed" in response.content.decode()
    assert Action.objects.get(pk=action.pk).sustainment_due_on is None


# --- Lists, bulk update, export ---


def test_my_actions_shows_own_agency_open_first(persona_client, home_agency, other_agency):
    ActionFactory(
        owner_agency=home_agency,
        description="Police done",
        status="completed",
        progress=100,
        completed_on=TODAY,
        due_on=TODAY - datetime.timedelta(days=50),
    )
    ActionFactory(owner_agency=home_agency, description="Police open")
    ActionFactory(owner_agency=other_agency, description="Health open")
    html = persona_client("agency_lead").get(reverse("improvement:my_actions")).content.decode()
    assert "Police open" in html and "Health open" not in html
    assert html.index("Police open") < html.index("Police done")
    officer = persona_client("bu_officer").get(reverse("improvement:my_actions"), {"agency": other_agency.pk})
    assert "Health open" in officer.content.decode() and "Police open" not in officer.content.decode()


def test_overdue_and_due_soon_lists(officer_client):
    ActionFactory(description="Late one", due_on=TODAY - datetime.timedelta(days=1))
    ActionFactory(description="Soon one", due_on=TODAY + datetime.timedelta(days=2))
    ActionFactory(description="Far one", due_on=TODAY + datetime.timedelta(days=90))
    overdue = officer_client.get(reverse("improvement:overdue_actions")).content.decode()
    soon = officer_client.get(reverse("improvement:due_soon_actions")).content.decode()
    assert "Late one" in overdue and "Soon one" not in overdue and "Far one" not in overdue
    assert "Soon one" in soon and "Late one" not in soon and "Far one" not in soon
    listing = officer_client.get(reverse("improvement:action_list"), {"rag": "red"}).content.decode()
    assert "Late one" in listing and "Far one" not in listing


def test_bulk_update_completes_each_and_logs_the_note(persona_client, home_agency):
    actions = [ActionFactory(owner_agency=home_agency) for _ in range(3)]
    response = persona_client("agency_lead").post(
        reverse("improvement:action_bulk_update"),
        _bulk(actions, status="completed", note="Done at the away day"),
    )
    assert response.status_code == 302
    for action in Action.objects.all():
        assert (action.status, action.progress, action.completed_on) == ("completed", 100, TODAY)
        assert action.updates.get().note == "Done at the away day"


def test_bulk_update_is_all_or_nothing(persona_client, home_agency, other_agency):
    mine = ActionFactory(owner_agency=home_agency)
    theirs = ActionFactory(owner_agency=other_agency)
    officer = persona_client("bu_officer")
    response = persona_client("agency_lead").post(
        reverse("improvement:action_bulk_update"),
        _bulk([mine, theirs], status="in_progress", note="Moving on"),
    )
    assert response.status_code == 200 and "Nothing was changed" in response.content.decode()
    cancelled = ActionFactory(owner_agency=home_agency, status="cancelled")
    response = officer.post(
        reverse("improvement:action_bulk_update"),
        _bulk([mine, cancelled], status="completed", note="All done"),
    )
    assert "A cancelled action cannot be reopened" in response.content.decode()
    assert not ActionUpdate.objects.exists()
    assert set(Action.objects.values_list("status", flat=True)) == {"not_started", "cancelled"}
    assert persona_client("read_only").post(reverse("improvement:action_bulk_update"), {}).status_code == 403
    assert officer.get(reverse("improvement:action_bulk_update")).status_code == 405


def test_excel_export_escapes_formulas_and_follows_filters(officer_client):
    ActionFactory(description='=HYPERLINK("http://evil")', due_on=TODAY - datetime.timedelta(days=1))
    ActionFactory(description="Not overdue")
    response = officer_client.get(reverse("improvement:action_export"), {"due": "overdue"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "Plan" and len(values) == 2
    assert values[1][1] == '\'=HYPERLINK("http://evil")' and values[1][6] == "Red"
    assert officer_client.get(reverse("improvement:action_export")).status_code == 200


def test_export_refused_to_agency_member(persona_client):
    assert persona_client("agency_member").get(reverse("improvement:action_export")).status_code == 403


def test_plan_list_agency_filter_keeps_whole_counts(officer_client, home_agency, other_agency):
    plan = PlanFactory(title="Shared plan")
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=TODAY - datetime.timedelta(days=1))
    ActionFactory(plan=plan, owner_agency=other_agency, due_on=TODAY - datetime.timedelta(days=1))
    PlanFactory(title="Unrelated plan")
    html = officer_client.get(reverse("improvement:plan_list"), {"agency": home_agency.pk}).content.decode()
    assert "Shared plan" in html and "Red: 2" in html and "Unrelated plan" not in html
