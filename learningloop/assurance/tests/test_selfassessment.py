"""The Section 11 and Section 175/157 self-assessment cycle, as the issue describes it: the preset's
standards, returns per agency or per school, last cycle's answers as the starting point, the lock at the
deadline and the business unit's reopening, moderation into improvement actions, the overview's numbers,
agency scoping and reminders sent once. Expected values are written out by hand."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learningloop.assurance.models import Answer, SelfAssessmentReturn, Standard, StandardSet, StandardSetKind
from learningloop.assurance.selfassessment import services
from learningloop.improvement.models import Action, ActionPlan
from learningloop.partnership.models import StatutoryRole
from learningloop.partnership.tests.factories import AgencyFactory

from .factories import cycle, standard_set

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _answer(ret, title):
    return ret.answers.get(standard__title=title)


def _fill(ret, scores, evidence="Evidence seen"):
    for title, score in scores.items():
        Answer.objects.filter(ret=ret, standard__title=title).update(score=score, evidence=evidence)


# --- The preset ---


def test_the_preset_loads_the_common_eight_section_11_standards_and_a_separate_schools_set(partnership):
    call_command("load_framework", stdout=open("/dev/null", "w"))  # noqa: SIM115
    s11 = StandardSet.objects.get(kind=StandardSetKind.SECTION_11)
    assert list(s11.standards.values_list("title", flat=True)) == [
        "Senior management commitment",
        "Clear statement of responsibilities",
        "Clear lines of accountability",
        "Service development informed by children's views",
        "Training",
        "Safer recruitment",
        "Inter-agency working",
        "Information sharing",
    ]
    s175 = StandardSet.objects.get(kind=StandardSetKind.SECTION_175)
    assert s175.standards.count() == 10
    # Safe to repeat, and never puts back a standard the partnership edited.
    Standard.objects.filter(standard_set=s11, position=5).update(title="Safeguarding training")
    call_command("load_framework", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Standard.objects.filter(standard_set=s11).count() == 8
    assert s11.standards.get(position=5).title == "Safeguarding training"


# --- Returns per agency or school ---


def test_section_11_asks_agencies_and_section_175_asks_schools():
    police = AgencyFactory(name="Police")
    AgencyFactory(name="Business unit", statutory_role=StatutoryRole.BUSINESS_UNIT)
    school = AgencyFactory(name="Oak School", is_school=True)
    AgencyFactory(name="Ended agency", is_active=False)
    s11 = cycle(standard_set(StandardSetKind.SECTION_11))
    s175 = cycle(standard_set(StandardSetKind.SECTION_175, titles=("DSL", "Online safety")), name="S175 2026")
    assert list(s11.returns.values_list("agency__name", flat=True)) == ["Police"]
    assert list(s175.returns.values_list("agency__name", flat=True)) == [school.name]
    assert police.self_assessment_returns.get().answers.count() == 3
    assert s11.activity.source_type.name == "Section 11 self-assessment"  # a row in the learning register


# --- Last cycle's answers as the starting point ---


def test_last_cycles_answers_are_offered_as_the_start_and_given_answers_are_kept(home_agency, lead_client):
    standards = standard_set()
    last = cycle(standards, name="Section 11 2025", opens_days=-400, due_days=-370)
    old = last.returns.get(agency=home_agency)
    Answer.objects.filter(ret=old, standard__title="Leadership").update(
        score=2,
        evidence="Board minutes",
        improvement_areas="Refresh the policy",
        improvement_due_on=datetime.date(2026, 3, 31),
    )
    Answer.objects.filter(ret=old, standard__title="Training").update(score=1, evidence="Training log")
    new = cycle(standards, name="Section 11 2026").returns.get(agency=home_agency)
    Answer.objects.filter(ret=new, standard__title="Training").update(score=3, evidence="New training plan")

    response = lead_client.post(reverse("assurance:return_start", args=[new.pk]))

    assert response.status_code == 302
    leadership = _answer(new, "Leadership")
    assert (leadership.score, leadership.evidence, leadership.improvement_areas) == (
        2,
        "Board minutes",
        "Refresh the policy",
    )
    assert leadership.improvement_due_on == datetime.date(2026, 3, 31)
    assert leadership.carried_forward
    training = _answer(new, "Training")  # already answered this cycle: left as it was
    assert (training.score, training.evidence, training.carried_forward) == (3, "New training plan", False)
    assert _answer(new, "Safer recruitment").score is None  # nothing to carry
    page = lead_client.get(reverse("assurance:return_detail", args=[new.pk])).text
    assert "From last cycle" in page


# --- The lock at the deadline, and reopening ---


def _edit_post(client, answer, **extra):
    return client.post(
        reverse("assurance:answer_edit", args=[answer.pk]),
        {"score": "2", "evidence": "Safeguarding policy", "version": answer.version, **extra},
    )


def test_a_return_is_open_on_its_deadline_and_locked_the_day_after(home_agency, lead_client):
    c = cycle(standard_set(), due_days=0)
    ret = c.returns.get(agency=home_agency)
    answer = _answer(ret, "Leadership")
    assert _edit_post(lead_client, answer).status_code == 302  # the deadline day itself
    assert Answer.objects.get(pk=answer.pk).score == 2

    SelfAssessmentReturn.objects.filter(pk=ret.pk).update(due_on=TODAY() - datetime.timedelta(days=1))
    answer.refresh_from_db()
    refused = _edit_post(lead_client, answer, score="0")
    assert refused.status_code == 409
    assert Answer.objects.get(pk=answer.pk).score == 2  # unchanged
    page = lead_client.get(reverse("assurance:answer_edit", args=[answer.pk])).text
    assert "This return is locked" in page


def test_the_business_unit_reopens_a_locked_return_with_a_reason_and_a_new_deadline(
    home_agency, lead_client, officer_client
):
    ret = cycle(standard_set(), due_days=-3).returns.get(agency=home_agency)
    url = reverse("assurance:return_reopen", args=[ret.pk])
    new_deadline = TODAY() + datetime.timedelta(days=14)
    date = {
        "due_on-day": new_deadline.day,
        "due_on-month": new_deadline.month,
        "due_on-year": new_deadline.year,
    }

    no_reason = officer_client.post(url, {"version": ret.version, "reason": "", **date})
    assert no_reason.status_code == 200
    assert "Enter why the return is being reopened" in no_reason.text
    assert SelfAssessmentReturn.objects.get(pk=ret.pk).due_on < TODAY()  # nothing saved

    # The agency's lead cannot reopen it.
    assert lead_client.post(url, {"version": ret.version, "reason": "Please", **date}).status_code == 403

    done = officer_client.post(url, {"version": ret.version, "reason": "Evidence arrived late", **date})
    assert done.status_code == 302
    ret.refresh_from_db()
    assert (ret.status, ret.due_on) == ("in_progress", new_deadline)
    assert ret.events.get(kind="reopened").reason == "Evidence arrived late"
    assert _edit_post(lead_client, _answer(ret, "Leadership")).status_code == 302


def test_a_submitted_return_cannot_be_changed_until_it_is_reopened(home_agency, lead_client):
    ret = cycle(standard_set()).returns.get(agency=home_agency)
    submit = reverse("assurance:return_submit", args=[ret.pk])
    incomplete = lead_client.post(submit, {"version": ret.version})
    assert incomplete.status_code == 200
    assert "Give a score and evidence for every standard" in incomplete.text
    assert SelfAssessmentReturn.objects.get(pk=ret.pk).status == "not_started"

    _fill(ret, {"Leadership": 2, "Training": 1, "Safer recruitment": 3})
    assert lead_client.post(submit, {"version": ret.version}).status_code == 302
    ret.refresh_from_db()
    assert (ret.status, ret.submitted_on) == ("submitted", TODAY())
    assert _edit_post(lead_client, _answer(ret, "Training")).status_code == 409


# --- Moderation into improvement actions ---


def test_moderation_records_moderated_scores_and_agreed_actions_become_improvement_actions(
    home_agency, officer_client
):
    c = cycle(standard_set())
    ret = c.returns.get(agency=home_agency)
    _fill(ret, {"Leadership": 3, "Training": 1, "Safer recruitment": 2})
    services.return_submit(ret=ret, expected_version=ret.version)
    leadership, training = _answer(ret, "Leadership"), _answer(ret, "Training")
    due = TODAY() + datetime.timedelta(days=90)
    response = officer_client.post(
        reverse("assurance:moderation_create", args=[ret.pk]),
        {
            "held_on-day": TODAY().day,
            "held_on-month": TODAY().month,
            "held_on-year": TODAY().year,
            "notes": "Challenge event",
            f"score_{leadership.standard_id}": "2",
            f"score_{training.standard_id}": "",
            "action_1": "Audit supervision records",
            "action_1_due-day": due.day,
            "action_1_due-month": due.month,
            "action_1_due-year": due.year,
        },
    )
    assert response.status_code == 302, response.text
    assert _answer(ret, "Leadership").moderated_score == 2
    assert _answer(ret, "Training").moderated_score is None  # kept the agency's own score
    plan = ActionPlan.objects.get(source_activity=c.activity)
    assert (plan.scope, plan.agency) == ("single", home_agency)
    action = Action.objects.get(plan=plan)
    assert (action.description, action.owner_agency, action.due_on) == (
        "Audit supervision records",
        home_agency,
        due,
    )


def test_an_agreed_action_without_a_date_saves_nothing(home_agency, officer_client):
    ret = cycle(standard_set()).returns.get(agency=home_agency)
    _fill(ret, {"Leadership": 3, "Training": 1, "Safer recruitment": 2})
    services.return_submit(ret=ret, expected_version=ret.version)
    response = officer_client.post(
        reverse("assurance:moderation_create", args=[ret.pk]),
        {
            "held_on-day": TODAY().day,
            "held_on-month": TODAY().month,
            "held_on-year": TODAY().year,
            "action_1": "Audit supervision records",
        },
    )
    assert response.status_code == 200
    assert "Enter the date agreed action 1 is due" in response.text
    assert not ret.moderations.exists() and not Action.objects.exists()


# --- The overview ---


def test_the_heat_map_and_the_averages_show_the_scores_and_the_change_since_last_cycle(
    officer_client, home_agency, other_agency
):
    standards = standard_set()
    last = cycle(standards, name="Section 11 2025", opens_days=-400, due_days=-370)
    _fill(last.returns.get(agency=home_agency), {"Leadership": 1, "Training": 1, "Safer recruitment": 2})
    _fill(last.returns.get(agency=other_agency), {"Leadership": 1, "Training": 2, "Safer recruitment": 2})
    now = cycle(standards, name="Section 11 2026")
    mine, theirs = now.returns.get(agency=home_agency), now.returns.get(agency=other_agency)
    _fill(mine, {"Leadership": 3, "Training": 0, "Safer recruitment": 2})
    _fill(theirs, {"Leadership": 2, "Training": 1, "Safer recruitment": 2})
    Answer.objects.filter(ret=mine, standard__title="Leadership").update(moderated_score=2)

    page = officer_client.get(reverse("assurance:cycle_detail", args=[now.pk])).text

    heat = _table(page, "heatmap")
    # Agency, status, then one cell per standard: a moderated score replaces the agency's own.
    # Agencies in name order: the health trust, then the police.
    assert [row[0] for row in heat] == ["Northshire Hospitals NHS Trust", "Northshire Police"]
    assert heat[0][2:] == ["2 Green", "1 Amber", "2 Green"]
    assert heat[1][2:] == ["2 Green", "0 Red", "2 Green"]  # Leadership moderated from 3 to 2
    averages = _table(page, "averages")
    # Leadership (2 + 2) / 2 = 2.0 from (1 + 1) / 2 = 1.0; Training (0 + 1) / 2 = 0.5 from 1.5;
    # Safer recruitment 2.0 both years.
    assert averages == [
        ["1. Leadership", "2.0", "Up 1.0"],
        ["2. Training", "0.5", "Down 1.0"],
        ["3. Safer recruitment", "2.0", "No change"],
    ]
    assert "1. Leadership: 2; 2. Training: 0.5; 3. Safer recruitment: 2." in page  # the chart's text


def _table(html, table_id):
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody[^>]*>(.*?)</tbody>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells])
    return rows


def test_the_counts_of_due_received_and_late(officer_client):
    a, b, c_, d = (AgencyFactory(name=n) for n in ("A", "B", "C", "D"))
    c = cycle(standard_set(titles=("Leadership",)), due_days=-2)
    on_time, late, open_late = (c.returns.get(agency=x) for x in (a, b, c_))
    SelfAssessmentReturn.objects.filter(pk=on_time.pk).update(status="submitted", submitted_on=c.due_on)
    SelfAssessmentReturn.objects.filter(pk=late.pk).update(
        status="submitted", submitted_on=c.due_on + datetime.timedelta(days=1)
    )
    # D's return was reopened with a later deadline: due, not late yet.
    SelfAssessmentReturn.objects.filter(cycle=c, agency=d).update(due_on=TODAY() + datetime.timedelta(days=5))
    counts = SelfAssessmentReturn.objects.filter(cycle=c).counts(TODAY())
    assert counts == {"due": 4, "received": 2, "late": 2}  # B submitted late; C still open past its date
    assert open_late.pk


# --- Agency scoping ---


def test_agency_users_see_only_their_own_agencys_returns(home_agency, other_agency, persona_client):
    c = cycle(standard_set())
    mine, theirs = c.returns.get(agency=home_agency), c.returns.get(agency=other_agency)
    lead = persona_client("agency_lead")
    assert lead.get(reverse("assurance:return_detail", args=[theirs.pk])).status_code == 404
    assert (
        lead.get(reverse("assurance:answer_edit", args=[_answer(theirs, "Training").pk])).status_code == 404
    )
    assert lead.get(reverse("assurance:return_detail", args=[mine.pk])).status_code == 200
    overview = lead.get(reverse("assurance:cycle_detail", args=[c.pk])).text
    assert "Northshire Police" in overview and "Northshire Hospitals NHS Trust" not in overview
    assert 'id="averages"' not in overview  # the partnership-wide averages are for partnership-wide roles
    other = persona_client("other_agency_lead")
    assert other.get(reverse("assurance:return_detail", args=[mine.pk])).status_code == 404


# --- Reminders ---


def test_return_reminders_go_to_the_agencys_leads_once(home_agency, agency_lead, monkeypatch):
    from learningloop.core.reminders import send_due_reminders

    mailoutbox = []
    monkeypatch.setattr("learningloop.core.reminders.queue_email", mailoutbox.append)
    c = cycle(standard_set(), due_days=0)
    c.returns.exclude(agency=home_agency).delete()
    first = send_due_reminders(codes={"self-assessment-return"})
    again = send_due_reminders(codes={"self-assessment-return"})
    assert first == {"Self-assessment returns": 1} and again == {"Self-assessment returns": 0}
    assert [list(m.to) for m in mailoutbox] == [[agency_lead.email]]
    assert mailoutbox[0].subject == "Reminder: self-assessment return due today: Section 11 2026"
    assert f"/assurance/returns/{c.returns.get().pk}/" in mailoutbox[0].text


# --- Speed at size ---


def test_the_overview_runs_the_same_queries_for_many_schools(officer_client, django_assert_max_num_queries):
    standards = standard_set(StandardSetKind.SECTION_175, titles=("DSL", "Online safety"))
    for n in range(3):
        AgencyFactory(name=f"School {n}", is_school=True)
    small = cycle(standards, name="Small")
    url = reverse("assurance:cycle_detail", args=[small.pk])
    officer_client.get(url)
    with django_assert_max_num_queries(30) as few:
        officer_client.get(url)
    for n in range(3, 60):
        AgencyFactory(name=f"School {n:02d}", is_school=True)
    large = cycle(standards, name="Large")
    with django_assert_max_num_queries(len(few.captured_queries)):
        officer_client.get(reverse("assurance:cycle_detail", args=[large.pk]))
