"""The stored loop of each key message (ADR 0044) follows every write that moves it, made as users make
them (the services behind the pages, or the pages themselves): a method chosen or taken away, a
communication done or undone, a response accepted, a course carrying a message or no longer, a session
given, moved or cancelled. The expected stage of each step is the rule of the trail (docs/user-guide),
not read from the code."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from learningloop.core.tests.lists import row_cells
from learningloop.dissemination.models import AudiencePlan, CommunicationStatus, MessagePlan
from learningloop.dissemination.plans.services import communication_save, message_plan_save
from learningloop.dissemination.requests.services import ACCEPT, MORE_INFORMATION, response_review
from learningloop.learning.models import KeyMessage
from learningloop.learning.tests.factories_summaries import KeyMessageFactory
from learningloop.reports import trail
from learningloop.reports.loop import loop_update
from learningloop.reports.models import KeyMessageLoop
from learningloop.workforce.models import Course

from .factories import make_trail

pytestmark = pytest.mark.django_db


def status_of(message):
    return trail.with_loop_status(KeyMessage.objects.filter(pk=message.pk)).get().loop_status


def home_counts(client):
    """The business unit's home panel: the number beside each stage."""
    html = client.get("/").content.decode()
    panel = html[html.index('id="home-loop-stages"') :]
    panel = panel[: panel.index("</table>")]
    return {label: int(row_cells(panel, f">{label}</a>")[1]) for label in STAGES}


STAGES = ("Identified", "Planned", "Disseminated", "Embedded", "Evidenced")


def _save_methods(made, methods):
    made["plan"].refresh_from_db()
    message_plan_save(
        message_plan=made["message_plan"],
        purpose="So every agency shares",
        audiences=[(made["audience_plan"], methods, "Chronologies shared in audit")],
        expected_version=made["plan"].version,
    )


def test_choosing_a_method_plans_the_message_and_taking_it_away_does_not(home_agency, other_agency):
    made = make_trail(
        agency=home_agency, other_agency=other_agency, stage="planned", responses=False, actions=0
    )
    _save_methods(made, [])
    assert status_of(made["message"]) == "identified"
    assert not KeyMessageLoop.objects.filter(pk=made["message"].pk).exists()  # nothing reached: no row
    _save_methods(made, [made["method"]])
    assert status_of(made["message"]) == "planned"


def test_a_communication_marked_done_disseminates_the_message_and_undone_does_not(home_agency, other_agency):
    made = make_trail(
        agency=home_agency, other_agency=other_agency, stage="planned", responses=False, actions=0
    )
    communication = made["communications"][0]
    communication.status, communication.done_on = CommunicationStatus.DONE, timezone.localdate()
    communication_save(communication=communication, expected_version=communication.version)
    assert status_of(made["message"]) == "disseminated"
    communication.refresh_from_db()
    communication.status, communication.done_on = CommunicationStatus.PLANNED, None
    communication_save(communication=communication, expected_version=communication.version)
    assert status_of(made["message"]) == "planned"


def test_an_accepted_response_embeds_the_message_and_asking_for_more_does_not(home_agency, other_agency):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="disseminated", actions=0)
    submitted = made["responses"][0]  # the home agency's, submitted
    response_review(response=submitted, decision=MORE_INFORMATION, note="Say which teams")
    assert status_of(made["message"]) == "disseminated"
    submitted.refresh_from_db()
    submitted.status = "submitted"
    submitted.save()
    response_review(response=submitted, decision=ACCEPT)
    assert status_of(made["message"]) == "embedded"


COURSE = {
    "title": "Chronologies in practice",
    "level": "level_2",
    "format": "online",
    "duration_minutes": "120",
    "audience": "Everyone",
    "learning_outcomes": "Share a chronology before a strategy discussion",
    "is_active": "on",
}


def _session(date, **extra):
    return {
        "date-day": date.day, "date-month": date.month, "date-year": date.year, "start_time": "10:00",
        "end_time": "12:00", "venue": "Civic Centre", "capacity": "12", **extra,
    }  # fmt: skip


def test_training_disseminates_from_the_day_a_session_carrying_the_message_is_given(
    officer_client, home_agency, other_agency
):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="identified")
    message = made["message"]
    today = timezone.localdate()
    response = officer_client.post("/training/courses/new", {**COURSE, "key_messages": [message.pk]})
    assert response.status_code == 302
    course = Course.objects.get(title=COURSE["title"])
    in_a_week = today + datetime.timedelta(days=7)
    assert (
        officer_client.post(f"/training/courses/{course.pk}/sessions/new", _session(in_a_week)).status_code
        == 302
    )
    session = course.sessions.get()
    assert status_of(message) == "identified"  # planned training is not dissemination yet

    # The day the session is given the message counts as disseminated, with no write in between.
    with time_machine.travel(in_a_week + datetime.timedelta(days=1), tick=False):
        assert status_of(message) == "disseminated"
    # Moved a month later: not given yet a week from now.
    session.refresh_from_db()
    later = today + datetime.timedelta(days=30)
    body = _session(later, version=session.version)
    assert officer_client.post(f"/training/sessions/{session.pk}/edit", body).status_code == 302
    with time_machine.travel(in_a_week + datetime.timedelta(days=1), tick=False):
        assert status_of(message) == "identified"
    with time_machine.travel(later, tick=False):
        assert status_of(message) == "disseminated"

    # The course stops carrying the message: its sessions no longer disseminate it.
    course.refresh_from_db()
    body = {**COURSE, "key_messages": [], "version": course.version}
    assert officer_client.post(f"/training/courses/{course.pk}/edit", body).status_code == 302
    with time_machine.travel(later, tick=False):
        assert status_of(message) == "identified"
    # ... carries it again, then the session is cancelled: a cancelled session disseminates nothing.
    course.refresh_from_db()
    body = {**COURSE, "key_messages": [message.pk], "version": course.version}
    assert officer_client.post(f"/training/courses/{course.pk}/edit", body).status_code == 302
    with time_machine.travel(later, tick=False):
        assert status_of(message) == "disseminated"
    session.refresh_from_db()
    cancel = officer_client.post(f"/training/sessions/{session.pk}/cancel", {"version": session.version})
    assert cancel.status_code == 302
    with time_machine.travel(later, tick=False):
        assert status_of(message) == "identified"


def test_home_panel_counts_each_key_message_at_its_stage(officer_client, home_agency, other_agency):
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="embedded", actions=0)
    planned, _identified = (KeyMessageFactory(summary=made["summary"], position=n) for n in (1, 2))
    message_plan = MessagePlan.objects.create(plan=made["plan"], key_message=planned)
    audience_plan = AudiencePlan.objects.create(
        message_plan=message_plan, audience=made["audience_plan"].audience
    )
    made.update(message_plan=message_plan, audience_plan=audience_plan)
    _save_methods(made, [made["method"]])
    assert home_counts(officer_client) == {
        "Identified": 1,
        "Planned": 1,
        "Disseminated": 0,
        "Embedded": 1,
        "Evidenced": 0,
    }


def test_counting_every_key_message_again_changes_nothing_the_writes_kept(home_agency, other_agency):
    """The generator's and a data fix's whole recount agrees with what the writes stored."""
    made = make_trail(agency=home_agency, other_agency=other_agency, stage="planned", actions=0)
    communication = made["communications"][0]
    communication.status, communication.done_on = CommunicationStatus.DONE, timezone.localdate()
    communication_save(communication=communication, expected_version=communication.version)
    kept = list(KeyMessageLoop.objects.values_list())
    assert loop_update() == 1
    assert list(KeyMessageLoop.objects.values_list()) == kept


def test_a_data_fix_past_the_services_is_counted_by_the_command(home_agency, other_agency):
    from io import StringIO

    from django.core.management import call_command

    from learningloop.dissemination.models import AgencyResponse, ResponseStatus

    made = make_trail(agency=home_agency, other_agency=other_agency, stage="disseminated", actions=0)
    # A fix made straight in the database: the agency's submitted response marked accepted.
    AgencyResponse.objects.filter(pk=made["responses"][0].pk).update(status=ResponseStatus.ACCEPTED)
    assert status_of(made["message"]) == "disseminated"  # the stored loop knows nothing of it yet
    out = StringIO()
    call_command("count_key_message_loops", stdout=out)
    assert status_of(made["message"]) == "embedded"
    assert out.getvalue().strip() == "Key messages past identified: 1. Changed by this count: 1."
    again = StringIO()
    call_command("count_key_message_loops", stdout=again)
    assert again.getvalue().strip().endswith("Changed by this count: 0.")
