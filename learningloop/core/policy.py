"""The permissions policy: one table of what each role may do, read by the views and by the tests.

A user has one agency (the partnership business unit is itself an agency) and one or more roles.
`can(user, action, obj=None)` is the only question views ask. Where an action is scoped to an agency,
the object's agency must be the user's own unless the role has partnership-wide reach; where the object's
state matters (a submitted summary, a closed response), STATE_RULES below decide.
"""

from dataclasses import dataclass

from django.db import models


class Role(models.TextChoices):
    BU_ADMIN = "bu_admin", "Business unit administrator"
    BU_OFFICER = "bu_officer", "Business unit officer"
    GROUP_CHAIR = "group_chair", "Group chair"
    AGENCY_LEAD = "agency_lead", "Agency strategic lead"
    AGENCY_MEMBER = "agency_member", "Agency member"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    READ_ONLY = "read_only", "Read-only"
    # A practitioner of a partner agency who registered to book training (workforce, ADR 0020): not
    # partnership staff, so "everyone signed in" below never includes them.
    PRACTITIONER = "practitioner", "Practitioner"
    PUBLISHER = "publisher", "Publisher (public learning hub)"


ALL_ROLES = frozenset(Role.values)
ALL_ROLES = ALL_ROLES - {Role.PRACTITIONER}  # partnership staff only (ADR 0020)
BUSINESS_UNIT = frozenset({Role.BU_ADMIN, Role.BU_OFFICER})

# action -> the roles that may perform it. Keep this table the single source of truth.
POLICY: dict[str, frozenset[str]] = {
    # Partnership structure: everyone signed in may read it; the business unit maintains it.
    "partnership.view": ALL_ROLES,
    "partnership.manage": BUSINESS_UNIT,
    # The framework preset's lists (source types, dissemination methods, audiences...).
    "framework.view": ALL_ROLES,
    "framework.manage": BUSINESS_UNIT,
    # The audit trail is for business unit administrators only.
    "audit.view": frozenset({Role.BU_ADMIN}),
    # User accounts.
    "accounts.manage": frozenset({Role.BU_ADMIN}),
    # Restricted details (identifying a child, family member or practitioner): business unit
    # administrators, plus current members of a group that handles case reviews (see RULES below).
    "restricted.view": frozenset({Role.BU_ADMIN}),
    # Changing them is narrower than seeing them (ADR 0012): business unit administrators, plus the current
    # chair and officers of a group that handles case reviews (see EXTRA_RULES below).
    "restricted.change": frozenset({Role.BU_ADMIN}),
    # Learning capture: everyone signed in reads the register; the business unit and subgroup chairs record.
    "learning.view": ALL_ROLES,
    "learning.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "learning.export": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "vocabulary.manage": BUSINESS_UNIT,
    # Case reviews on the statutory clock (pseudonymised; restricted details are separate).
    "review.view": ALL_ROLES,
    "review.manage": BUSINESS_UNIT,
    # Summaries of Learning: subgroups draft and submit; the LDG (recorded by the business unit or a chair)
    # accepts or returns.
    "summary.view": ALL_ROLES,
    "summary.edit": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "summary.submit": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "summary.decide": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    # Dissemination plans (Appendix C), tracked communications, learning briefings: the LDG (business unit
    # and chairs) plans and records; everyone reads.
    "dissemination.view": ALL_ROLES,
    "dissemination.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "briefing.view": ALL_ROLES,
    "briefing.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    # Formal requests to agencies (seed 3.5). Agency users see only their own agency's requests
    # (EmbeddingRequest/AgencyResponse visible_to); leads answer for their own agency only.
    "embedding.view": ALL_ROLES,
    "embedding.view_all": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "embedding.send": BUSINESS_UNIT,
    "embedding.respond": BUSINESS_UNIT | {Role.AGENCY_LEAD},
    "embedding.review": BUSINESS_UNIT,
    "embedding.outstanding": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    # Improvement actions: the business unit plans; an agency's lead and members update their own
    # agency's actions; partnership-wide roles see every plan, agency users multi-agency plans and their own.
    "actions.view": ALL_ROLES,
    "actions.view_all": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "actions.manage": BUSINESS_UNIT,
    "actions.update": BUSINESS_UNIT | {Role.AGENCY_LEAD, Role.AGENCY_MEMBER},
    # Recording a sustainment check on a completed action: whoever may update it (see STATE_RULES).
    "actions.sustain": BUSINESS_UNIT | {Role.AGENCY_LEAD, Role.AGENCY_MEMBER},
    "actions.export": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER, Role.AGENCY_LEAD},
    # The learning trail.
    "trail.view": ALL_ROLES,
    # Workforce development (ADR 0020): everyone in the partnership reads the training programme and its
    # results; the business unit runs it (courses, sessions, the training pool, email domains, settings) and
    # marks attendance (a session's own trainers may too: workforce.programme.views); practitioners book
    # for themselves and see only their own bookings; the annual training review is for the business unit,
    # chairs and the scrutineer.
    "training.view": ALL_ROLES,
    "training.manage": BUSINESS_UNIT,
    "training.attendance": BUSINESS_UNIT,
    "training.review": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "training.practitioner": frozenset({Role.PRACTITIONER}),
    # The public learning hub (ADR 0030): business unit administrators and publishers publish after the
    # recorded check and retire; business unit officers follow what is online, when it may be retired and
    # the website statistics. The public pages themselves need no sign-in.
    "website.manage": BUSINESS_UNIT | {Role.PUBLISHER},
    "website.publish": frozenset({Role.BU_ADMIN, Role.PUBLISHER}),
    # Governance (Appendix A): everyone signed in reads meetings, the work plan, risks, highlight reports,
    # policies and learning events; the business unit runs the meetings (schedule, papers, attendance,
    # minutes) and the registers; chairs keep the work plan, the risk log and the highlight report; the
    # chair's attendance report is for the business unit, chairs and the independent scrutineer.
    "governance.view": ALL_ROLES,
    "meetings.manage": BUSINESS_UNIT,
    "meetings.attendance_report": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "workplan.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "risks.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "highlight.manage": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    "policies.manage": BUSINESS_UNIT,
    "events.manage": BUSINESS_UNIT,
    "calendar.own": ALL_ROLES,
    # Assurance (Section 11 / 175 self-assessment, multi-agency audits). Everyone signed in reads audits
    # (pseudonymised) and their own agency's returns; partnership-wide roles see every agency's returns and
    # the overview; the business unit runs cycles and audits, reopens and moderates returns. An agency's
    # strategic lead completes their own agency's return and grades their own agency's audit cases.
    "assurance.view": ALL_ROLES,
    "assurance.view_all": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "assurance.manage": BUSINESS_UNIT,
    "selfassessment.complete": BUSINESS_UNIT | {Role.AGENCY_LEAD},
    "selfassessment.reopen": BUSINESS_UNIT,
    "selfassessment.moderate": BUSINESS_UNIT,
    "assurance.grade": BUSINESS_UNIT | {Role.AGENCY_LEAD},
    # Agencies' own learning (single-agency inspections, internal reviews, audits, assurance reports): the
    # agency's lead records and submits it for their own agency (the business unit may record one on an
    # agency's behalf); the business unit accepts or returns it.
    "contribution.record": BUSINESS_UNIT | {Role.AGENCY_LEAD},
    "contribution.decide": BUSINESS_UNIT,
    # Complaints and compliments counts: everyone signed in reads them (numbers only); the business unit and
    # an agency's lead (for their own agency) enter them.
    "feedback.record": BUSINESS_UNIT | {Role.AGENCY_LEAD},
    # Recurrence: whoever records findings (the business unit and chairs) marks a suggested earlier
    # finding as the same issue or not related.
    "recurrence.mark": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    # Impact: the outcomes-based dataset. Everyone signed in reads the indicators, their curves and the
    # dashboard (partnership figures, nothing about a child); the business unit keeps the library and sees
    # every agency's owed returns; agency leads and members submit their own agency's values (the views
    # offer only their agency, and refuse another); the business unit and chairs record the story behind
    # the curve and the evidence of impact that closes a key message's trail.
    "impact.view": ALL_ROLES,
    "impact.view_all": BUSINESS_UNIT | {Role.GROUP_CHAIR, Role.SCRUTINEER},
    "impact.manage": BUSINESS_UNIT,
    "impact.submit": BUSINESS_UNIT | {Role.AGENCY_LEAD, Role.AGENCY_MEMBER},
    "impact.story": BUSINESS_UNIT | {Role.GROUP_CHAIR},
    # Surveys of children, young people, families, practitioners and managers: everyone signed in reads the
    # surveys and their results as counts and percentages; the business unit builds surveys and imports
    # responses; free-text answers (and any personal details a survey asks for) are read by the business
    # unit only — never on a public page, never in an export for anyone else (docs/adr/0032).
    "surveys.view": ALL_ROLES,
    "surveys.manage": BUSINESS_UNIT,
    "surveys.free_text": BUSINESS_UNIT,
}
# The data feed for analysts (ADR 0036): partnership staff create personal access tokens that read the
# feed with their own scope (practitioners may not); business unit administrators see and revoke anyone's.
POLICY["api.tokens"] = ALL_ROLES
POLICY["api.tokens_manage"] = frozenset({Role.BU_ADMIN})

# The partners' yearly report (reports.yearly, ADR 0035): everyone in the partnership reads the draft and the
# signed-off report; the business unit drafts it and writes its texts; each of the three statutory
# safeguarding partners signs it off through a strategic lead of that partner's own agency (the local
# authority's, the police's, health's: reports.yearly.partners.partner_of; a lead of any other agency is
# refused), and that partner's lead may withdraw the sign-off, with a reason, until the third has signed.
POLICY |= {
    "yearly.view": ALL_ROLES,
    "yearly.manage": BUSINESS_UNIT,
    "yearly.sign_off": frozenset({Role.AGENCY_LEAD}),
}
# "You said, we did" (ADR 0033): everyone signed in reads it (its "said" text is written by staff); the
# business unit records what children, young people and families said and what the partnership did.
POLICY["yswd.manage"] = BUSINESS_UNIT

# Actions an agency user may perform only on their own agency's records: the object names its agency
# in `scope_agency_id`. Business unit roles act partnership-wide.
AGENCY_SCOPED = frozenset({"embedding.respond", "actions.update", "actions.sustain"})
AGENCY_SCOPED = AGENCY_SCOPED | {"impact.submit"}  # an agency submits its own dataset returns only
PARTNERSHIP_WIDE = BUSINESS_UNIT
# Assurance: a lead completes their own agency's return and grades for their own agency only.
AGENCY_SCOPED = AGENCY_SCOPED | {"selfassessment.complete", "assurance.grade", "contribution.record"}


# Actions that some people may perform because of what they sit on rather than their role. The domain app
# that knows the rule registers it from its AppConfig.ready() (partnership registers "restricted.view": a
# current member of a group that handles case reviews), so this module imports no domain app.
EXTRA_RULES: dict = {}


def register_rule(action: str, rule) -> None:
    """Let `rule(user) -> bool` grant `action` to an active, signed-in user whose roles do not."""
    if action not in POLICY:
        raise KeyError(f"Unknown action {action!r}: add it to core.policy.POLICY")
    EXTRA_RULES[action] = rule


# --- State rules -------------------------------------------------------------------------------------------
# What a record's state allows, whoever you are: (action, model label) -> the field and the values in which
# the action may be taken. `can(user, action, obj)` applies them after the role and agency checks; views that
# have already checked the role ask `state_allows(action, obj)` to tell a 409 ("not in this state") from a
# 403. Values are the models' stored choice values (core imports no domain app; test_state_rules.py checks
# they are real choices).
@dataclass(frozen=True)
class StateRule:
    field: str
    allowed: frozenset[str]
    refusal: str  # what the refused page says


_SUMMARY_IN_PROGRESS = frozenset({"draft", "returned"})
_ACTION_OPEN = frozenset({"not_started", "in_progress"})
_ACTION_CLOSED = "A completed or cancelled action cannot be changed."
_RESPONSE_OPEN = frozenset({"sent", "viewed", "draft", "more_information"})

STATE_RULES: dict[tuple[str, str], StateRule] = {
    # "A submitted summary cannot be changed"; a returned one can be edited and resubmitted.
    ("summary.edit", "learning.SummaryOfLearning"): StateRule(
        "status", _SUMMARY_IN_PROGRESS, "Only a draft or returned summary can be changed."
    ),
    ("summary.submit", "learning.SummaryOfLearning"): StateRule(
        "status", _SUMMARY_IN_PROGRESS, "Only a draft or returned summary can be submitted to the LDG."
    ),
    # The LDG accepts or returns a submitted summary only.
    ("summary.decide", "learning.SummaryOfLearning"): StateRule(
        "status", frozenset({"submitted"}), "Only a summary submitted to the LDG can be accepted or returned."
    ),
    # A dissemination plan is made for an accepted summary.
    ("dissemination.manage", "learning.SummaryOfLearning"): StateRule(
        "status",
        frozenset({"accepted"}),
        "Only a Summary of Learning accepted by the LDG can have a dissemination plan",
    ),
    # An agency answers a request while its response is open; a submitted or accepted answer is closed
    # until the business unit asks for more information.
    ("embedding.respond", "dissemination.AgencyResponse"): StateRule(
        "status", _RESPONSE_OPEN, "This response has already been submitted and cannot be changed"
    ),
    ("embedding.review", "dissemination.AgencyResponse"): StateRule(
        "status", frozenset({"submitted"}), "Only a submitted response can be reviewed"
    ),
    # A completed or cancelled action is closed: neither the business unit's edit nor an update (of status,
    # progress or log) changes it; its log and evidence stay, and a completed one gets its sustainment check.
    ("actions.manage", "improvement.Action"): StateRule("status", _ACTION_OPEN, _ACTION_CLOSED),
    ("actions.update", "improvement.Action"): StateRule("status", _ACTION_OPEN, _ACTION_CLOSED),
    # "After completion, plan a sustainment check."
    ("actions.sustain", "improvement.Action"): StateRule(
        "status", frozenset({"completed"}), "A sustainment check is planned once the action is completed."
    ),
    # An issued highlight report is frozen: what the Executive received stays as it was.
    ("highlight.manage", "governance.HighlightReport"): StateRule(
        "status",
        frozenset({"draft"}),
        "This highlight report has been issued to the Executive and cannot be changed.",
    ),
    # A self-assessment return is completed while open; it locks when submitted or at its deadline, and
    # the business unit reopens a submitted or locked one (with a reason) and moderates a finished one.
    ("selfassessment.complete", "assurance.SelfAssessmentReturn"): StateRule(
        "status",
        frozenset({"not_started", "in_progress"}),
        "This return is locked: it was submitted or its deadline has passed. The business unit can reopen "
        "it.",
    ),
    ("selfassessment.reopen", "assurance.SelfAssessmentReturn"): StateRule(
        "status", frozenset({"submitted", "locked"}), "Only a submitted or locked return can be reopened."
    ),
    # An agency's contribution is changed and submitted while a draft or returned; decided once submitted.
    ("contribution.record", "assurance.AgencyContribution"): StateRule(
        "status", frozenset({"draft", "returned"}), "Only a draft or returned contribution can be changed."
    ),
    ("contribution.decide", "assurance.AgencyContribution"): StateRule(
        "status", frozenset({"submitted"}), "Only a submitted contribution can be accepted or returned."
    ),
    ("selfassessment.moderate", "assurance.SelfAssessmentReturn"): StateRule(
        "status", frozenset({"submitted", "locked"}), "A return is moderated once it is submitted or locked."
    ),
}
# A yearly report signed off by the three partners is frozen: its texts are not edited, and no sign-off is
# added or withdrawn (the snapshot keeps its figures as they were).
_YEARLY_FROZEN = (
    "This yearly report has been signed off by the three safeguarding partners and cannot be changed."
)
STATE_RULES[("yearly.manage", "reports.YearlyReport")] = StateRule(
    "status", frozenset({"draft"}), _YEARLY_FROZEN
)
STATE_RULES[("yearly.sign_off", "reports.YearlyReport")] = StateRule(
    "status", frozenset({"draft"}), _YEARLY_FROZEN
)


def state_rule(action: str, obj) -> StateRule | None:
    meta = getattr(obj, "_meta", None)
    return STATE_RULES.get((action, meta.label)) if meta is not None else None


def state_allows(action: str, obj) -> bool:
    """Does the object's state allow the action (for anyone allowed it by role and agency)?"""
    rule = state_rule(action, obj)
    return rule is None or getattr(obj, rule.field) in rule.allowed


def roles_of(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return frozenset(user.roles or ())


def _allowed_by_role_and_agency(user, action: str, obj) -> bool:
    if action not in POLICY:
        raise KeyError(f"Unknown action {action!r}: add it to core.policy.POLICY")
    roles = roles_of(user)
    if roles & POLICY[action]:
        if obj is not None and action in AGENCY_SCOPED and not roles & PARTNERSHIP_WIDE:
            return getattr(obj, "scope_agency_id", None) == user.agency_id
        return True
    extra = EXTRA_RULES.get(action)
    return bool(extra and getattr(user, "is_authenticated", False) and user.is_active and extra(user))


DENIED, WRONG_STATE = "denied", "wrong_state"


def why_not(user, action: str, obj=None) -> str | None:
    """None when allowed; DENIED when the user's role or agency does not allow it (403); WRONG_STATE when
    they could, but not while the object is in its present state (409)."""
    if not _allowed_by_role_and_agency(user, action, obj):
        return DENIED
    if obj is not None and not state_allows(action, obj):
        return WRONG_STATE
    return None


def can(user, action: str, obj=None) -> bool:
    """May this user perform this action (on this object, in its present state, when given)?"""
    return why_not(user, action, obj) is None


def has_any_role(user, roles) -> bool:
    return bool(roles_of(user) & frozenset(roles))
