"""Authorisation walk rules for the governance pages. Everyone signed in reads them; the business unit runs
meetings, policies and learning events; chairs also keep the work plan, the risk log and highlight reports;
the chair's attendance report is for the business unit, chairs and the scrutineer. The calendar feed needs
no sign-in: its secret address is the key."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learningloop.core.tests.walk import PUBLIC, SIGNED_IN, Rule, Valid

VIEW, MEETINGS = "governance.view", "meetings.manage"
WORK, RISKS, HIGHLIGHT = "workplan.manage", "risks.manage", "highlight.manage"
POLICIES, EVENTS = "policies.manage", "events.manage"


def _pk(name):
    return lambda objects: {"pk": objects[name].pk}


RULES = {
    "governance:meeting_list": Rule(get=VIEW),
    "governance:meeting_schedule": Rule(get=MEETINGS, post=MEETINGS),
    "governance:meeting_create": Rule(get=MEETINGS, post=MEETINGS),
    "governance:attendance_report": Rule(get="meetings.attendance_report"),
    "governance:meeting_detail": Rule(get=VIEW, kwargs=_pk("gov_meeting")),
    "governance:meeting_edit": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_meeting_to_edit")),
    "governance:meeting_cancel": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_meeting_to_cancel")),
    "governance:meeting_publish": Rule(get=None, post=MEETINGS, kwargs=_pk("gov_meeting")),
    "governance:agenda_item_create": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_meeting")),
    "governance:agenda_item_edit": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_item")),
    "governance:paper_upload": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_item")),
    "governance:paper_download": Rule(get=VIEW, kwargs=_pk("gov_paper")),
    "governance:meeting_attendance": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_held")),
    "governance:meeting_minutes": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_held")),
    "governance:decision_create": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_held")),
    "governance:decisions_ratify": Rule(get=None, post=MEETINGS, kwargs=_pk("gov_held")),
    "governance:meeting_action_create": Rule(get=MEETINGS, post=MEETINGS, kwargs=_pk("gov_held")),
    "governance:calendar": Rule(get="calendar.own"),
    "governance:calendar_reset": Rule(get=None, post="calendar.own"),
    "governance:calendar_feed": Rule(get=PUBLIC, kwargs=lambda o: {"token": o["gov_feed"].token}),
    "governance:workplan": Rule(get=VIEW),
    "governance:workplan_item_create": Rule(get=WORK, post=WORK),
    "governance:workplan_item_edit": Rule(get=WORK, post=WORK, kwargs=_pk("gov_work_item")),
    "governance:risk_list": Rule(get=VIEW),
    "governance:risk_create": Rule(get=RISKS, post=RISKS),
    "governance:risk_edit": Rule(get=RISKS, post=RISKS, kwargs=_pk("gov_risk")),
    "governance:highlight_list": Rule(get=VIEW),
    "governance:highlight_create": Rule(get=HIGHLIGHT, post=HIGHLIGHT),
    "governance:highlight_detail": Rule(get=VIEW, kwargs=_pk("gov_draft_report")),
    "governance:highlight_edit": Rule(
        get=HIGHLIGHT,
        post=HIGHLIGHT,
        kwargs=_pk("gov_draft_report"),
        states={"issued": _pk("gov_issued_report")},
    ),
    "governance:highlight_issue": Rule(
        get=None,
        post=HIGHLIGHT,
        kwargs=_pk("gov_report_to_issue"),
        states={"issued": _pk("gov_issued_report")},
    ),
    "governance:highlight_docx": Rule(get=VIEW, kwargs=_pk("gov_issued_report")),
    "governance:highlight_pdf": Rule(get=VIEW, kwargs=_pk("gov_issued_report")),
    "governance:policy_list": Rule(get=VIEW),
    "governance:policy_create": Rule(get=POLICIES, post=POLICIES),
    "governance:policy_detail": Rule(get=VIEW, kwargs=_pk("gov_policy")),
    "governance:policy_edit": Rule(get=POLICIES, post=POLICIES, kwargs=_pk("gov_policy")),
    "governance:policy_change_create": Rule(get=POLICIES, post=POLICIES, kwargs=_pk("gov_policy")),
    "governance:event_list": Rule(get=VIEW),
    "governance:event_create": Rule(get=EVENTS, post=EVENTS),
    "governance:event_detail": Rule(get=VIEW, kwargs=_pk("gov_event")),
    "governance:event_edit": Rule(get=EVENTS, post=EVENTS, kwargs=_pk("gov_event")),
    "governance:event_attendance": Rule(get=EVENTS, post=EVENTS, kwargs=_pk("gov_event")),
    "governance:event_import": Rule(get=EVENTS, post=EVENTS, kwargs=_pk("gov_event")),
    "governance:event_import_template": Rule(get=EVENTS, kwargs=_pk("gov_event")),
}
assert SIGNED_IN  # the vocabulary's default for GET


def _fresh(objects, key):
    obj = objects[key]
    obj.refresh_from_db()
    return obj


def _date(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def _soon(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _model(name):
    from learningloop.governance import models

    return getattr(models, name)


VALID = {
    "governance:meeting_schedule": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            **_date("first_date", _soon(90)),
            "start_time": "14:00",
            "place": "Walk scheduled room",
        },
        changed=lambda o: _model("Meeting").objects.filter(place="Walk scheduled room").count() == 2,
    ),
    "governance:meeting_create": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            **_date("date", _soon(70)),
            "start_time": "09:30",
            "place": "Walk new room",
        },
        changed=lambda o: _model("Meeting").objects.filter(place="Walk new room").exists(),
    ),
    "governance:meeting_edit": Valid(
        data=lambda o: {
            **_date("date", _soon(45)),
            "start_time": "11:00",
            "place": "Walk moved room",
            "version": _fresh(o, "gov_meeting_to_edit").version,
        },
        changed=lambda o: _fresh(o, "gov_meeting_to_edit").place == "Walk moved room",
    ),
    "governance:meeting_cancel": Valid(
        data=lambda o: {"reason": "Walk: clashes", "version": _fresh(o, "gov_meeting_to_cancel").version},
        changed=lambda o: _fresh(o, "gov_meeting_to_cancel").status == "cancelled",
    ),
    "governance:meeting_publish": Valid(
        data=lambda o: {}, changed=lambda o: _fresh(o, "gov_meeting").pack_published_on is not None
    ),
    "governance:agenda_item_create": Valid(
        data=lambda o: {"title": "Walk new agenda item", "version": ""},
        changed=lambda o: _model("AgendaItem").objects.filter(title="Walk new agenda item").exists(),
    ),
    "governance:agenda_item_edit": Valid(
        data=lambda o: {"title": "Walk item renamed", "version": _fresh(o, "gov_item").version},
        changed=lambda o: _fresh(o, "gov_item").title == "Walk item renamed",
    ),
    "governance:paper_upload": Valid(
        data=lambda o: {
            "file": SimpleUploadedFile("Walk second paper.pdf", _pdf(), content_type="application/pdf")
        },
        changed=lambda o: (
            _model("AgendaPaper").objects.filter(original_name="Walk second paper.pdf").exists()
        ),
    ),
    "governance:meeting_attendance": Valid(
        data=lambda o: {
            f"status-{o['gov_seat'].pk}": "present",
            f"reason-{o['gov_seat'].pk}": "",
            f"deputy-{o['gov_seat'].pk}": "",
            "version": _fresh(o, "gov_held").version,
        },
        changed=lambda o: (
            _model("Attendance").objects.filter(meeting=o["gov_held"], status="present").exists()
        ),
    ),
    "governance:meeting_minutes": Valid(
        data=lambda o: {
            **_date("minutes_sent_on", _fresh(o, "gov_held").date),
            "minutes_notes": "Walk minutes",
            "version": _fresh(o, "gov_held").version,
        },
        changed=lambda o: _fresh(o, "gov_held").minutes_notes == "Walk minutes",
    ),
    "governance:decision_create": Valid(
        data=lambda o: {"text": "Walk decision"},
        changed=lambda o: _model("Decision").objects.filter(text="Walk decision").exists(),
    ),
    "governance:decisions_ratify": Valid(
        data=lambda o: {},
        changed=lambda o: (
            _model("Decision").objects.get(text="Walk decision to ratify").ratified_at_id is not None
        ),
    ),
    "governance:meeting_action_create": Valid(
        data=lambda o: {
            "description": "Walk meeting action",
            "owner": o["gov_person"].pk,
            **_date("due_on", _soon(30)),
        },
        changed=lambda o: (
            _fresh(o, "gov_held").action_plan.actions.filter(description="Walk meeting action").exists()
        ),
    ),
    "governance:calendar_reset": Valid(
        data=lambda o: {}, changed=lambda o: _model("CalendarFeed").objects.count() >= 2
    ),
    "governance:workplan_item_create": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            "year": "2026",
            "activity": "training",
            "objective": "Walk new objective",
            **_date("due_on", _soon(100)),
            "status": "on_track",
        },
        changed=lambda o: _model("WorkPlanItem").objects.filter(objective="Walk new objective").exists(),
    ),
    "governance:workplan_item_edit": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            "year": "2026",
            "activity": "events",
            "objective": "Walk objective changed",
            **_date("due_on", _soon(100)),
            "status": "at_risk",
            "version": _fresh(o, "gov_work_item").version,
        },
        changed=lambda o: _fresh(o, "gov_work_item").status == "at_risk",
    ),
    "governance:risk_create": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            "title": "Walk new risk",
            "rating": "high",
            "status": "open",
        },
        changed=lambda o: _model("RiskItem").objects.filter(title="Walk new risk").exists(),
    ),
    "governance:risk_edit": Valid(
        data=lambda o: {
            "group": o["gov_group"].pk,
            "title": "Walk risk",
            "rating": "low",
            "status": "open",
            "version": _fresh(o, "gov_risk").version,
        },
        changed=lambda o: _fresh(o, "gov_risk").rating == "low",
    ),
    "governance:highlight_create": Valid(
        data=lambda o: {"group": o["gov_group"].pk, "executive_meeting": o["gov_executive_meeting"].pk},
        changed=lambda o: (
            _model("HighlightReport").objects.filter(executive_meeting=o["gov_executive_meeting"]).exists()
        ),
    ),
    "governance:highlight_edit": Valid(
        data=lambda o: {"section-activity": "Walk edited", "version": _fresh(o, "gov_draft_report").version},
        changed=lambda o: _fresh(o, "gov_draft_report").sections[0]["text"] == "Walk edited",
    ),
    "governance:highlight_issue": Valid(
        data=lambda o: {"version": _fresh(o, "gov_report_to_issue").version},
        changed=lambda o: _fresh(o, "gov_report_to_issue").status == "issued",
    ),
    "governance:policy_create": Valid(
        data=lambda o: {"title": "Walk new policy", "is_active": "on"},
        changed=lambda o: _model("PolicyDocument").objects.filter(title="Walk new policy").exists(),
    ),
    "governance:policy_edit": Valid(
        data=lambda o: {
            "title": "Walk policy renamed",
            "is_active": "on",
            "version": _fresh(o, "gov_policy").version,
        },
        changed=lambda o: _fresh(o, "gov_policy").title == "Walk policy renamed",
    ),
    "governance:policy_change_create": Valid(
        data=lambda o: {**_date("changed_on", timezone.localdate()), "description": "Walk change"},
        changed=lambda o: o["gov_policy"].changes.filter(description="Walk change").exists(),
    ),
    "governance:event_create": Valid(
        data=lambda o: {"title": "Walk new event", "kind": "webinar", **_date("held_on", _soon(-3))},
        changed=lambda o: _model("LearningEvent").objects.filter(title="Walk new event").exists(),
    ),
    "governance:event_edit": Valid(
        data=lambda o: {
            "title": "Walk webinar renamed",
            "kind": "webinar",
            **_date("held_on", _soon(-3)),
            "version": _fresh(o, "gov_event").version,
        },
        changed=lambda o: _fresh(o, "gov_event").title == "Walk webinar renamed",
    ),
    "governance:event_import": Valid(
        data=lambda o: {
            "file": SimpleUploadedFile(
                "attendance.csv",
                f"Agency,Attendees\n{o['agency'].name},7\n".encode(),
                content_type="text/csv",
            )
        },
        changed=lambda o: o["gov_event"].attendance.filter(agency=o["agency"], attendees=7).exists(),
    ),
    "governance:event_attendance": Valid(
        data=lambda o: {f"agency-{o['agency'].pk}": "12"},
        changed=lambda o: o["gov_event"].attendance.filter(agency=o["agency"], attendees=12).exists(),
    ),
}


def _pdf():
    from learningloop.learning.tests.factories_register import PDF_BYTES

    return PDF_BYTES
