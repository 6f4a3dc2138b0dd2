"""The state rules in core.policy: each names a real model, field and choice values, and `can`/`why_not`
answer per state as the user guide says (expected values written by hand)."""

import pytest
from django.apps import apps

from learningloop.core.policy import DENIED, STATE_RULES, WRONG_STATE, can, why_not


def test_every_state_rule_names_real_choices():
    for (action, label), rule in STATE_RULES.items():
        field = apps.get_model(label)._meta.get_field(rule.field)
        values = {value for value, _ in field.choices}
        assert rule.allowed <= values, f"{action} on {label}: {sorted(rule.allowed - values)} are not choices"


# "A submitted summary cannot be changed ... a returned summary can be edited and resubmitted"; the LDG
# accepts or returns a submitted one; a plan is made for an accepted one.
SUMMARY = [
    # status, summary.edit, summary.submit, summary.decide, dissemination.manage
    ("draft", True, True, False, False),
    ("submitted", False, False, True, False),
    ("accepted", False, False, False, True),
    ("returned", True, True, False, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "edit", "submit", "decide", "plan"), SUMMARY)
def test_summary_states(make_persona, status, edit, submit, decide, plan):
    from learningloop.learning.tests.factories_summaries import SummaryFactory

    summary = SummaryFactory(status=status)
    officer, reader = make_persona("bu_officer"), make_persona("read_only")
    answers = [can(officer, a, summary) for a in ("summary.edit", "summary.submit", "summary.decide",
                                                   "dissemination.manage")]  # fmt: skip
    assert answers == [edit, submit, decide, plan]
    # Role first: a read-only user is denied whatever the state; an officer is refused for the state.
    assert why_not(reader, "summary.edit", summary) == DENIED
    assert why_not(officer, "summary.edit", summary) == (None if edit else WRONG_STATE)


RESPONSE = [
    # status, the home agency's lead may answer, the business unit may review
    ("sent", True, False),
    ("viewed", True, False),
    ("draft", True, False),
    ("submitted", False, True),
    ("accepted", False, False),
    ("more_information", True, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "respond", "review"), RESPONSE)
def test_response_states(make_persona, home_agency, status, respond, review):
    from learningloop.dissemination.tests.factories_requests import ResponseFactory

    response = ResponseFactory(agency=home_agency, status=status)
    lead, other_lead = make_persona("agency_lead"), make_persona("other_agency_lead")
    assert can(lead, "embedding.respond", response) is respond
    assert can(make_persona("bu_officer"), "embedding.review", response) is review
    assert why_not(other_lead, "embedding.respond", response) == DENIED  # another agency's, in any state


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "allowed"),
    [("not_started", False), ("in_progress", False), ("completed", True), ("cancelled", False)],
)
def test_sustainment_check_needs_a_completed_action(make_persona, home_agency, status, allowed):
    import datetime

    from learningloop.improvement.tests.factories import ActionFactory

    done = {"completed_on": datetime.date(2026, 11, 2), "progress": 100} if status == "completed" else {}
    action = ActionFactory(owner_agency=home_agency, status=status, **done)
    assert can(make_persona("agency_member"), "actions.sustain", action) is allowed
    assert why_not(make_persona("other_agency_lead"), "actions.sustain", action) == DENIED
