"""The framework preset: Solihull's Learning and Improvement Framework (April 2023) as data.

A new installation starts as Solihull's framework (seed: /work/shared/seed/
learning-and-improvement-framework.txt); another partnership changes it through the user interface.
`preset_load()` therefore only *adds what is missing*: rows are matched by case-insensitive name and
existing rows are never changed, so edits made through the user interface survive a second run.

Section references below are to the seed document.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction

from learningloop.core import presets

from .models import (
    Agency,
    AudienceGroup,
    ChairRule,
    DisseminationMethod,
    Group,
    LearningSourceType,
    MembershipRole,
    MonitoringProcess,
    Partnership,
    Person,
    QuorumRule,
    Sector,
    StatutoryRole,
)

PARTNERSHIP = {"name": "Solihull Safeguarding Children Partnership", "short_name": "SSCP"}

TERMS_APPROVED = datetime.date(2023, 4, 1)  # "Developed April 2023"
TERMS_REVIEW = datetime.date(2024, 4, 1)  # "to be reviewed on an annual basis"

EXECUTIVE = "Executive Group"
ARG = "Assurance and Review Group"
CSPR_PANEL = "CSPR Panel"
MASH = "MASH Strategic Group"
LDG = "Learning and Development Group"
AUDIT = "Audit Group"
FORUM = "Practitioner Learning Forum"

# --- Groups and their terms of reference (2.2, Appendix A) -----------------------------------------
# Listed so that a group comes after the group it is accountable to.
GROUPS = [
    {
        "name": EXECUTIVE,
        "short_name": "Executive",
        "purpose": (
            "The three safeguarding partners (local authority, police and health) lead the partnership: "
            "they set its priorities, commission learning and improvement activity, receive highlight "
            "reports from the subgroups and hold partner agencies to account for the effectiveness of "
            "multi-agency safeguarding arrangements in Solihull."
        ),
        "accountable_to": None,
    },
    {
        "name": ARG,
        "short_name": "ARG",
        "purpose": (
            "Identifies multi-agency learning from partner and issue reports (LADO, private fostering, "
            "education), performance analysis (the multi-agency dataset and MASH data) and quality "
            "assurance activity, reports it to the Executive Group and tasks the Learning and Development "
            "Group with disseminating it and evaluating its impact on frontline practice."
        ),
        "accountable_to": EXECUTIVE,
    },
    {
        "name": CSPR_PANEL,
        "short_name": "CSPR Panel",
        "purpose": (
            "Co-ordinates rapid reviews and local child safeguarding practice reviews following serious "
            "incidents, and the learning from safeguarding adult reviews and domestic homicide reviews "
            "where safeguarding children issues arise; identifies key messages and oversees the "
            "implementation of action plans."
        ),
        "accountable_to": EXECUTIVE,
        # Its members see the identifying details of children in case reviews (restricted).
        "handles_case_reviews": True,
    },
    {
        "name": MASH,
        "short_name": "MASH",
        "purpose": (
            "Oversees the multi-agency safeguarding hub: its performance data, quality and the learning "
            "that arises from the front door, and identifies key messages for dissemination."
        ),
        "accountable_to": EXECUTIVE,
    },
    {
        "name": LDG,
        "short_name": "LDG",
        # Appendix A §1 (first paragraph), §2, §5, §6 and §8.
        "purpose": (
            "The Learning and Development Group will disseminate learning across the Partnership. "
            "Learning will come from a range of activity including: rapid reviews, local and relevant "
            "national child safeguarding practice reviews, domestic homicide reviews and safeguarding "
            "adult reviews where safeguarding children issues have arisen, review of child deaths "
            "undertaken (CDOP), multi-agency audits, service user feedback, research and national "
            "guidance."
        ),
        "accountable_to": EXECUTIVE,
        "meeting_frequency": "Alternate months (first year)",
        "papers_due_working_days": 5,
        "minutes_due_days": 14,
        "quorum_rule": QuorumRule.SAFEGUARDING_PARTNERS,
        "meetings_every_months": 2,
        "chair_rule": ChairRule.SAFEGUARDING_PARTNER,
        "terms_approved_on": TERMS_APPROVED,
        "terms_review_due": TERMS_REVIEW,
    },
    {
        "name": AUDIT,
        "short_name": "Audit Group",
        "purpose": (
            "Runs the multi-agency audit programme and practitioner questionnaires, co-ordinates the "
            "learning from multi-agency and single-agency audits, and reports it to the Assurance and "
            "Review Group."
        ),
        "accountable_to": ARG,
    },
    {
        "name": FORUM,
        "short_name": "PLF",
        "purpose": (
            "Two-way communication between practitioners and the partnership: practitioners bring "
            "feedback from practice and test how learning is landing on the front line. Co-ordinated by "
            "the Learning and Development Group."
        ),
        "accountable_to": LDG,
    },
]

# --- Agencies: the LDG membership list (Appendix A §7) plus the partnership business unit ---------
BUSINESS_UNIT = "Solihull Safeguarding Children Partnership business unit"
CSC = "Solihull Children's Social Care"
WMP = "West Midlands Police"
ICB = "NHS Birmingham and Solihull Integrated Care Board"

AGENCIES = [
    # name, short name, sector, statutory role
    (CSC, "Children's Social Care", Sector.LOCAL_GOVERNMENT, StatutoryRole.LOCAL_AUTHORITY),
    (WMP, "WMP", Sector.POLICING, StatutoryRole.POLICE),
    (ICB, "BSol ICB", Sector.HEALTH, StatutoryRole.HEALTH),
    ("Coventry and Warwickshire Partnership Trust", "CWPT", Sector.HEALTH, StatutoryRole.RELEVANT_AGENCY),
    ("University Hospitals Birmingham", "UHB", Sector.HEALTH, StatutoryRole.RELEVANT_AGENCY),
    (
        "Birmingham and Solihull Mental Health NHS Foundation Trust",
        "BSMHFT",
        Sector.HEALTH,
        StatutoryRole.RELEVANT_AGENCY,
    ),
    ("Solihull Community Housing", "SCH", Sector.HOUSING, StatutoryRole.RELEVANT_AGENCY),
    ("CAFCASS", "Cafcass", Sector.JUSTICE, StatutoryRole.RELEVANT_AGENCY),
    ("Probation Service", "Probation", Sector.JUSTICE, StatutoryRole.RELEVANT_AGENCY),
    ("Voluntary and community sector", "VCS", Sector.VOLUNTARY, StatutoryRole.RELEVANT_AGENCY),
    ("South Warwickshire NHS Foundation Trust", "SWFT", Sector.HEALTH, StatutoryRole.RELEVANT_AGENCY),
    ("Schools, education and early years", "Education", Sector.EDUCATION, StatutoryRole.RELEVANT_AGENCY),
    (BUSINESS_UNIT, "SSCP business unit", Sector.OTHER, StatutoryRole.BUSINESS_UNIT),
]


# --- LDG seats (Appendix A §3 and §7) ------------------------------------------------------------
# The seed names posts, not people. Each seat is held by a placeholder Person named after the post
# until the partnership records who fills it. West Midlands Police's seat is the chair and the ICB's
# seat the deputy chair (the Chair must be a strategic lead of a safeguarding partner, §3).
@dataclass(frozen=True)
class Seat:
    post: str
    agency: str
    role: str = MembershipRole.MEMBER
    job_title: str = "Learning and development lead"  # 1.3: "a learning and development lead (LDG member)"

    @property
    def full_name(self) -> str:
        return f"{self.post}, {self.agency}"


LDG_START = TERMS_APPROVED
LDG_SEATS = [
    Seat("DCI – Public Protection", WMP, MembershipRole.CHAIR, "DCI – Public Protection"),
    Seat(
        "Senior Designated Nurse Safeguarding",
        ICB,
        MembershipRole.DEPUTY_CHAIR,
        "Senior Designated Nurse Safeguarding",
    ),
    *(
        Seat("Learning and development lead", name)
        for name, *_ in AGENCIES
        if name not in (WMP, ICB, BUSINESS_UNIT)
    ),
    Seat("SSCP Training Officer", BUSINESS_UNIT, MembershipRole.OFFICER, "SSCP Training Officer"),
    Seat("SSCP Project Officer", BUSINESS_UNIT, MembershipRole.OFFICER, "SSCP Project Officer"),
    Seat(
        "SSCP Unit Manager",
        BUSINESS_UNIT,
        MembershipRole.OFFICER,
        "SSCP Unit Manager (Regional Safeguarding Procedures Group representative)",
    ),
]

# --- Learning source types and their usual providers (2.1, and Appendix A §1) --------------------
INSPECTIONS = "External inspections and reviews"
CASE_REVIEWS = (
    "Rapid Reviews and Child Safeguarding Practice Reviews, Safeguarding Adult Reviews and "
    "Domestic Homicide Reviews"
)
PARTNER_REPORTS = "Specific partner / issue reports"
MA_AUDIT = "Multi-agency quality assurance and audit programmes"
CASE_REVIEW_PROVIDERS = (
    "Partner agencies provide relevant information as requested for co-ordination by the SCP CSPR Panel"
)
PARTNER_REPORT_PROVIDERS = "Partners to provide reports to the SCP Assurance and Review Group"

# name, category (the "Information" column), usual providers, owning group, description
SOURCE_TYPES = [
    ("Ofsted inspection", INSPECTIONS, "SMBC Children's Services", None,
     "Outcomes of safeguarding inspections by Ofsted."),
    ("CQC inspection", INSPECTIONS, "BSol ICB; health providers", None,
     "Outcomes of safeguarding inspections by the Care Quality Commission."),
    ("HMICFRS inspection", INSPECTIONS, "West Midlands Police", None,
     "Outcomes of safeguarding inspections by His Majesty's Inspectorate of Constabulary and Fire & "
     "Rescue Services."),
    ("Other inspectorate inspection", INSPECTIONS, "Probation", None,
     "Outcomes of safeguarding inspections by other inspectorates, for example HM Inspectorate of "
     "Probation or a joint targeted area inspection."),
    ("Voice of the child", "The voice of the child",
     "SMBC Schools; constituent partner agencies; all partners to provide evidence of how they capture "
     "the voice of the child and act on it to improve services; SSCP Audit Group; all partners "
     "(complaints and representations)", None,
     "The Health-Related Behaviour Questionnaire in Solihull schools, the voice of children and young "
     "people in Section 11 audits and single-agency activity, feedback from children and young people "
     "in multi-agency audits, and complaints and representations from young people about their "
     "experience of services."),
    ("Child Death Overview Panel report", "Child Death Overview Panel", "Child Death Overview Panel",
     None, "The Child Death Overview Panel's annual report."),
    ("Rapid review", CASE_REVIEWS, CASE_REVIEW_PROVIDERS, CSPR_PANEL,
     "Learning from a rapid review following a serious incident, and the implementation of its actions."),
    ("Local child safeguarding practice review", CASE_REVIEWS, CASE_REVIEW_PROVIDERS, CSPR_PANEL,
     "Learning from a local child safeguarding practice review, and the implementation of its action plan."),
    ("Safeguarding adult review", CASE_REVIEWS, CASE_REVIEW_PROVIDERS, CSPR_PANEL,
     "Learning from a safeguarding adult review where safeguarding children issues have arisen."),
    ("Domestic homicide review", CASE_REVIEWS, CASE_REVIEW_PROVIDERS, CSPR_PANEL,
     "Learning from a domestic homicide review where safeguarding children issues have arisen."),
    ("National review", CASE_REVIEWS, CASE_REVIEW_PROVIDERS, CSPR_PANEL,
     "Learning from relevant national child safeguarding practice reviews."),
    ("LADO annual report", PARTNER_REPORTS, PARTNER_REPORT_PROVIDERS, ARG,
     "The Local Authority Designated Officer's annual report."),
    ("Private fostering report", PARTNER_REPORTS, PARTNER_REPORT_PROVIDERS, ARG,
     "The annual report on private fostering arrangements."),
    ("Education report", PARTNER_REPORTS, PARTNER_REPORT_PROVIDERS, ARG,
     "Reports from education about safeguarding in schools and settings."),
    ("Performance analysis", "Performance analysis",
     "Partners to provide data and commentary for the multi-agency dataset; SSCP Assurance and Review "
     "Group; SSCP Executive Group", ARG,
     "Analysis of the multi-agency dataset and MASH performance data."),
    ("Multi-agency audit", MA_AUDIT,
     "Partner agencies to provide information as requested in accordance with the agreed audit "
     "programme; learning is co-ordinated through the SSCP Audit Group", AUDIT,
     "An audit in the multi-agency audit programme."),
    ("Practitioner questionnaire", MA_AUDIT, "All SSCP partners to complete questionnaires as requested",
     AUDIT, "Questionnaires completed by practitioners as part of the quality assurance programme."),
    ("Practitioner Learning Forum", "Practitioner feedback",
     "Two-way communication into and out of the SSCP", None,
     "Feedback from practitioners through the Practitioner Learning Forum."),
    ("Single-agency audit", "Single agency quality assurance and audit programmes", "All SSCP partners",
     AUDIT, "Reports of internal safeguarding audits including objectives, outcomes and action plans."),
    ("Section 11 self-assessment", "Self-assessment audit programme (Section 11 / 175)",
     "Statutory partners; commissioned services", None,
     "The Section 11 (Children Act 2004) self-assessment audit."),
    ("Section 175 / 157 education self-assessment", "Self-assessment audit programme (Section 11 / 175)",
     "Schools and education settings (annual report)", None,
     "The Section 175/157 (Education Act 2002) safeguarding audit of schools and settings."),
    ("Complaints and compliments", "Complaints and compliments", "All statutory partners", None,
     "The number of compliments and complaints by young people received by all agencies."),
    ("Workforce development review", "Workforce development",
     "Partners co-ordinated by the SSCP Training Officer", None,
     "The annual training review and gaps in training provision."),
    ("Website statistics", "SSCP website", "SSCP communication support", None,
     "The number of hits the website receives, which pages are being viewed and how often."),
    ("Research and national guidance", "Research and national guidance", "All partners", None,
     "National research and guidance (Appendix A §1)."),
]  # fmt: skip

# --- Dissemination methods (3.3) ------------------------------------------------------------------
DISSEMINATION_METHODS = [
    ("Publication of reviews on the SCP website", "The publication of reviews on the SCP website."),
    ("SCP newsletter", "SCP newsletters."),
    (
        "Learning briefing",
        "Publication of learning briefings (for example a 7-minute briefing) with signposting to "
        "associated resources on the SCP website.",
    ),
    ("Multi-agency training", "Embedding of learning into multi-agency training."),
    ("Webinar or learning event", "Webinars and learning events."),
    (
        "Formal request to agencies",
        "Formal requests to disseminate learning through individual agencies.",
    ),
    ("Policy and procedure update", "Updating policies and procedures to reflect learning."),
    (
        "Request to include in partner agency training",
        "Requests for learning to be incorporated into partner agency safeguarding training.",
    ),
]

# --- Monitoring processes (4.1): name, category -----------------------------------------------------
MONITORING_PROCESSES = [
    ("SSCP multi-agency dataset", "Performance analysis"),
    ("Single-agency performance measures", "Performance analysis"),
    ("SSCP multi-agency audit activity", "Quality assurance and audit activity"),
    ("Single-agency audit activity", "Quality assurance and audit activity"),
    ("Survey of children, young people and their families", "Survey activity"),
    ("Survey of practitioners and line managers", "Survey activity"),
    (
        "Feedback from practitioners and line managers on the impact on practice of learning and "
        "development activity",
        "Feedback",
    ),
    (
        "Feedback from children, young people and their families on the impact of interventions",
        "Feedback",
    ),
]

# --- Audience groups (Appendix C) -------------------------------------------------------------------
AUDIENCE_GROUPS = [
    ("Internal communications", "Partnership members"),
    ("Workforce communications", "Professionals working within partner organisations"),
    ("External communications", "Children, young people, parents and carers"),
    ("General communications", "The general public"),
]


# --- Loading ----------------------------------------------------------------------------------------
@dataclass
class PresetReport:
    """How many rows of each kind the preset defines, and how many this run added."""

    counts: dict[str, list[int]] = field(default_factory=dict)  # label -> [defined, added]

    def count(self, label: str, added: bool) -> None:
        entry = self.counts.setdefault(label, [0, 0])
        entry[0] += 1
        entry[1] += int(added)

    @property
    def added(self) -> int:
        return sum(added for _, added in self.counts.values())

    def summary(self) -> str:
        parts = ", ".join(f"{defined} {label}" for label, (defined, _) in self.counts.items())
        detail = [f"{added} {label}" for label, (_, added) in self.counts.items() if added]
        added = f"{self.added} added: " + ", ".join(detail) if detail else "0 added"
        return f"Framework preset: {parts} ({added})."


def _get_or_create(model, name, defaults):
    """The row called `name` (any case) if there is one, untouched; otherwise a new, validated row.

    Groups and agencies renamed through the user interface are still recognised by their short name,
    so that renaming "Learning and Development Group" does not bring a second LDG back.
    """
    existing = model.objects.filter(name__iexact=name).first()
    short_name = defaults.get("short_name")
    if existing is None and short_name:
        existing = model.objects.filter(short_name__iexact=short_name).order_by("pk").first()
    if existing is not None:
        return existing, False
    obj = model(name=name, **defaults)
    obj.full_clean()
    obj.save()
    return obj, True


def _load_partnership(report):
    created = not Partnership.objects.exists()
    if created:
        obj = Partnership(**PARTNERSHIP)
        obj.full_clean()
        obj.save()
    report.count("partnership", created)


def _load_groups(report) -> dict[str, Group]:
    groups = {}
    for spec in GROUPS:
        spec = dict(spec)
        name = spec.pop("name")
        parent = spec.pop("accountable_to")
        spec["accountable_to"] = groups.get(parent)
        spec.setdefault("quorum_rule", QuorumRule.NONE)
        groups[name], created = _get_or_create(Group, name, spec)
        report.count("groups", created)
    return groups


def _load_agencies(report) -> dict[str, Agency]:
    agencies = {}
    for name, short_name, sector, role in AGENCIES:
        defaults = {"short_name": short_name, "sector": sector, "statutory_role": role}
        agencies[name], created = _get_or_create(Agency, name, defaults)
        report.count("agencies", created)
    return agencies


def _load_ldg_seats(report, ldg: Group, agencies: dict[str, Agency]) -> None:
    """The LDG's seats, held by placeholder people named after their posts.

    Loaded only while the LDG has no memberships at all: once it has any, the partnership owns the
    list (it may have renamed the placeholders to the people who fill the posts, or ended seats).
    """
    load = not ldg.memberships.exists()
    for seat in LDG_SEATS:
        if load:
            agency = agencies[seat.agency]
            person = Person.objects.filter(full_name__iexact=seat.full_name, agency=agency).first()
            if person is None:
                person = Person(full_name=seat.full_name, job_title=seat.job_title, agency=agency)
                person.full_clean()
                person.save()
            membership = ldg.memberships.model(
                person=person, group=ldg, role=seat.role, representing=agency, start_date=LDG_START
            )
            if membership.chair_refusal():
                # The partnership's own record says this agency is not a safeguarding partner, so the
                # terms of reference do not let its seat chair: it is loaded as a member instead.
                membership.role = MembershipRole.MEMBER
            membership.full_clean()
            membership.save()
        report.count("LDG seats", load)


def _load_list(report, label, model, rows) -> None:
    for position, (name, *rest) in enumerate(rows, start=1):
        defaults = {"position": position, **rest[0]}
        _, created = _get_or_create(model, name, defaults)
        report.count(label, created)


def preset_load() -> PresetReport:
    """Add whatever part of the framework preset is missing; never change existing rows."""
    report = PresetReport()
    with transaction.atomic():
        _load_partnership(report)
        groups = _load_groups(report)
        agencies = _load_agencies(report)
        _load_ldg_seats(report, groups[LDG], agencies)
        _load_list(
            report,
            "learning source types",
            LearningSourceType,
            [
                (name, {"category": category, "usual_providers": providers,
                        "owning_group": groups.get(owner), "description": description})
                for name, category, providers, owner, description in SOURCE_TYPES
            ],
        )  # fmt: skip
        _load_list(
            report,
            "dissemination methods",
            DisseminationMethod,
            [(name, {"description": description}) for name, description in DISSEMINATION_METHODS],
        )
        _load_list(
            report,
            "monitoring processes",
            MonitoringProcess,
            [(name, {"category": category}) for name, category in MONITORING_PROCESSES],
        )
        _load_list(
            report,
            "audience groups",
            AudienceGroup,
            [(name, {"description": description}) for name, description in AUDIENCE_GROUPS],
        )
        for load_part in presets.parts():  # the higher apps' parts (core.presets)
            load_part(report)
    return report
