"""A fictional large partnership over many years, for measuring the pages at scale
(`manage.py generate_large_partnership`, `make bench-large`).

The scale is that of docs/reference/data-volumes.md for a large partnership: about 70 agencies and 500
schools, 3,000 people, 150 users, and each year about 120 learning activities with their findings, 10 case
reviews, 25 summaries of learning with key messages, their dissemination plans and communications, 10
requests to about 20 agencies each, and 300 improvement actions with their updates.

Every name is made up from the word lists below: no real child, family member or member of staff. The
same seed and the same end date give the same data. Rows are written with bulk_create, except the case
reviews, which go through `case_review_save` so that their milestones come from the same `sync_milestones`
the pages use. Every function takes a `Context` and returns how many rows of its main kind it added.
"""

import datetime
import itertools
import random
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.core.workdays import add_working_days
from learningloop.dissemination.models import (
    AgencyResponse,
    AudiencePlan,
    Briefing,
    BriefingKind,
    BriefingStatus,
    Communication,
    CommunicationStatus,
    DisseminationPlan,
    EmbeddingRequest,
    MessagePlan,
    ResponseStatus,
)
from learningloop.improvement.models import (
    Action,
    ActionPlan,
    ActionStatus,
    ActionUpdate,
    PlanScope,
    SustainmentResult,
)
from learningloop.learning.models import (
    ActivityStatus,
    CaseReview,
    Finding,
    FindingKind,
    KeyMessage,
    LearningActivity,
    MonitoringEntry,
    Priority,
    ReviewDecision,
    ReviewKind,
    SummaryEvent,
    SummaryOfLearning,
    SummaryStatus,
    Theme,
    WorkforceGroup,
)
from learningloop.learning.services import case_review_save
from learningloop.learning.services_reviews import SOURCE_TYPE_FOR_KIND
from learningloop.partnership.models import (
    Agency,
    AudienceGroup,
    DisseminationMethod,
    Group,
    LearningSourceType,
    Membership,
    MembershipRole,
    Person,
    Sector,
    StatutoryRole,
)

BATCH = 2000
EMAIL_DOMAIN = "large.example.org"
ADMIN_EMAIL = f"admin@{EMAIL_DOMAIN}"

# --- Word lists (invented place and personal names) ---------------------------------------------------


def _words(text):
    return text.split()


PLACE_STARTS = _words(
    "Ash Bram Brook Cald Elm Fair Fern Green Hazel Holm Kings Lark Marsh Mill North Oak Pen Rook Stone "
    "Thorn Wil Wold Yew Alder"
)
PLACE_ENDS = _words(
    "bridge by combe dale field ford gate ham hurst ley mere stead thorpe ton well wick worth brook"
)
PLACES = [a + b for a in PLACE_STARTS for b in PLACE_ENDS]

FIRST_NAMES = _words(
    "Aisha Alfie Amara Arjun Bella Callum Chloe Dev Eden Elena Ethan Faye Finn Freya Gemma Harvey Hana "
    "Imran Isla Jade Jonah Kai Keira Layla Leo Lina Luca Maya Mina Nathan Niamh Noor Olu Orla Owen Petra "
    "Quinn Ravi Rosa Rowan Sami Sana Seren Theo Tilly Umar Vera Wren Yara Zane Zoe Abel Bryony Cormac "
    "Dina Esme Farid Gwen Hugo Ines"
)
LAST_NAMES = _words(
    "Abbot Bexley Carrow Dunmore Ellery Fenwick Garside Holloway Iveson Jessop Kettley Lomax Marlow "
    "Nettleton Oakes Pannell Quarrie Redfern Stannard Tolley Upton Varley Wardle Yardley Ashdown Birtles "
    "Colley Dainty Eckford Fairlie Gosling Hartigan Ingle Jarrow Kinsella Lightfoot Mellor Nuttall "
    "Ormerod Pilling Rainford Sowerby Thistle Uttley Verity Whitlock Youles Allport Brierley Cottam "
    "Dimmock Eastwood Fothergill Greaves Haworth Illing Jowett Kershaw Lund Moxon"
)

AGENCY_KINDS = [
    ("Community Health NHS Trust", Sector.HEALTH),
    ("Hospitals NHS Foundation Trust", Sector.HEALTH),
    ("Mental Health Partnership", Sector.HEALTH),
    ("GP Federation", Sector.HEALTH),
    ("Ambulance Service Division", Sector.HEALTH),
    ("Dental Network", Sector.HEALTH),
    ("Police Neighbourhood Command", Sector.POLICING),
    ("Youth Justice Service", Sector.JUSTICE),
    ("Probation Delivery Unit", Sector.JUSTICE),
    ("Housing Association", Sector.HOUSING),
    ("Homes Trust", Sector.HOUSING),
    ("Family Support Charity", Sector.VOLUNTARY),
    ("Young People's Project", Sector.VOLUNTARY),
    ("Women's Aid Refuge", Sector.VOLUNTARY),
    ("Faith Network", Sector.VOLUNTARY),
    ("Sports Foundation", Sector.VOLUNTARY),
    ("Further Education College", Sector.EDUCATION),
    ("Early Years Alliance", Sector.EDUCATION),
    ("Fire and Rescue Station", Sector.OTHER),
    ("Leisure Trust", Sector.OTHER),
    ("Adult Social Care", Sector.LOCAL_GOVERNMENT),
    ("Early Help Hub", Sector.LOCAL_GOVERNMENT),
]
SCHOOL_KINDS = [
    "Primary School",
    "Infant School",
    "Junior School",
    "Academy",
    "High School",
    "Church of England Primary School",
    "Catholic Primary School",
    "Nursery School",
    "Special School",
    "Community College",
]

JOB_TITLES = [
    "Safeguarding Lead",
    "Named Nurse",
    "Designated Safeguarding Lead",
    "Team Manager",
    "Social Worker",
    "Health Visitor",
    "School Nurse",
    "Detective Sergeant",
    "Service Manager",
    "Practice Educator",
    "Head of Safeguarding",
    "Early Help Practitioner",
    "Youth Worker",
    "Housing Officer",
    "Training Coordinator",
    "Quality Assurance Officer",
    "Headteacher",
    "Deputy Headteacher",
    "Family Support Worker",
    "Probation Officer",
]

TOPICS = [
    "neglect and its cumulative impact",
    "information sharing at the front door",
    "the voice of the child",
    "fathers and significant adults",
    "child exploitation",
    "safer sleep",
    "domestic abuse and the child's experience",
    "parental mental health",
    "children missing education",
    "escalation and professional challenge",
    "strategy discussions",
    "early help step-down",
    "adolescent self-harm",
    "bruising in non-mobile babies",
    "disabled children",
    "private fostering",
    "online harm",
    "home education",
    "transition to adult services",
    "parental substance misuse",
    "injuries in infants",
    "children in temporary accommodation",
    "the child protection conference",
    "out-of-area placements",
    "serious youth violence",
]
FINDING_SUBJECTS = [
    "Practitioners",
    "Health visitors",
    "Schools",
    "Police officers",
    "Social workers",
    "GPs",
    "Housing officers",
    "Early help workers",
    "Hospital staff",
    "Youth workers",
]
FINDING_GAPS = [
    "did not always check what parents told them",
    "shared information late or only on request",
    "rarely recorded what the child said in the child's own words",
    "did not use the escalation policy when plans drifted",
    "focused on the mother and not on other adults in the household",
    "did not see the cumulative impact of repeated concerns",
    "were unsure of the thresholds for a referral",
    "did not invite all agencies to the strategy discussion",
]
FINDING_STRENGTHS = [
    "knew the children well and acted quickly",
    "used the chronology template well",
    "challenged each other constructively",
    "kept the child at the centre of the plan",
    "shared information promptly and fully",
]
MESSAGES = [
    "Check and corroborate what you are told about {t}.",
    "Share a single chronology when {t} is a concern.",
    "Record the child's own words when you see {t}.",
    "Escalate within five working days when a plan about {t} drifts.",
    "Ask who else lives in or visits the home when {t} is a concern.",
    "Use the partnership's practice guidance on {t}.",
]
ACTIONS = [
    "Brief all team managers on {t}.",
    "Update the practice guidance on {t}.",
    "Audit 20 case records for {t}.",
    "Add {t} to the supervision template.",
    "Deliver a learning event on {t}.",
    "Publish a 7-minute briefing on {t}.",
    "Add {t} to the induction for new staff.",
]
MEETINGS = [
    "Executive Group meeting",
    "LDG meeting",
    "Assurance and Review Group meeting",
    "Audit Group meeting",
]

# Source types that are case reviews: their activities are made with the reviews, not as plain activities.
CASE_REVIEW_TYPES = {
    "rapid review",
    "local child safeguarding practice review",
    "safeguarding adult review",
    "domestic homicide review",
}
ROLE_SHARES = [
    (Role.BU_ADMIN, 3),
    (Role.BU_OFFICER, 8),
    (Role.GROUP_CHAIR, 12),
    (Role.AGENCY_LEAD, 50),
    (Role.AGENCY_MEMBER, 65),
    (Role.SCRUTINEER, 2),
    (Role.READ_ONLY, 10),
]
PRIORITIES = [
    "Tackling neglect",
    "Safer adolescents",
    "Domestic abuse and the child's experience",
    "Think family",
    "Safer babies",
    "Early help that works",
]


@dataclass
class Context:
    rng: random.Random
    years: int
    scale: float
    today: datetime.date
    start: datetime.date
    password: str | None = None
    bu: Agency | None = None
    agencies: list = field(default_factory=list)  # non-school, not the business unit
    schools: list = field(default_factory=list)
    people_by_agency: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    users: dict = field(default_factory=dict)  # role -> [users]
    groups: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    summaries: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    improvement_findings: list = field(default_factory=list)
    accepted_messages: list = field(default_factory=list)
    audit: list = field(default_factory=list)  # LogEntry rows, written at the end

    def n(self, per_year_or_total, minimum=1):
        return max(minimum, round(per_year_or_total * self.scale))

    def year_spans(self):
        """(first day, last day) of each generated year, oldest first; the last one ends today."""
        for i in range(self.years):
            first = self.start + relativedelta(years=i)
            last = min(self.today, first + relativedelta(years=1) - datetime.timedelta(days=1))
            yield first, last

    def day_between(self, first, last):
        return first + datetime.timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def moment(self, day, hour=None):
        hour = self.rng.randint(8, 17) if hour is None else hour
        naive = datetime.datetime.combine(day, datetime.time(hour, self.rng.randint(0, 59)))
        return timezone.make_aware(naive)

    def user(self, *roles):
        pool = [u for r in roles for u in self.users.get(r, [])]
        return self.rng.choice(pool) if pool else None

    def person_of(self, agency):
        people = self.people_by_agency.get(agency.pk)
        return self.rng.choice(people) if people else None

    def log(self, obj, action, when, actor=None):
        self.audit.append((obj, action, when, actor))


def bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def pick(rng, items, low, high):
    return rng.sample(items, min(len(items), rng.randint(low, high)))


# --- Partnership structure ----------------------------------------------------------------------------


def build_agencies(ctx: Context) -> int:
    rng = ctx.rng
    taken = {n.lower() for n in Agency.objects.values_list("name", flat=True)}
    ctx.bu = Agency.objects.filter(statutory_role=StatutoryRole.BUSINESS_UNIT).order_by("pk").first()
    rows = []
    combos = [(p, k) for p in PLACES for k in AGENCY_KINDS]
    rng.shuffle(combos)
    wanted = ctx.n(70) - Agency.objects.filter(is_school=False).count()
    for place, (kind, sector) in combos:
        if len(rows) >= max(wanted, 1):
            break
        name = f"{place} {kind}"
        if name.lower() not in taken:
            taken.add(name.lower())
            rows.append(Agency(name=name, short_name=f"{place} {kind.split()[0]}", sector=sector))
    schools = []
    combos = [(p, k) for p in PLACES for k in SCHOOL_KINDS]
    rng.shuffle(combos)
    for place, kind in combos[: ctx.n(500)]:
        name = f"{place} {kind}"
        if name.lower() not in taken:
            taken.add(name.lower())
            schools.append(Agency(name=name, sector=Sector.EDUCATION, is_school=True))
    bulk(Agency, rows + schools)
    everyone = list(Agency.objects.order_by("pk"))
    ctx.agencies = [a for a in everyone if not a.is_school and a != ctx.bu]
    ctx.schools = [a for a in everyone if a.is_school]
    return len(rows) + len(schools)


def build_people(ctx: Context) -> int:
    rng = ctx.rng
    names = [f"{f} {s}" for f in FIRST_NAMES for s in LAST_NAMES]
    rng.shuffle(names)
    wanted = ctx.n(3000, minimum=30)
    initials = itertools.cycle("ABCDEFGHJKLMNPRSTW")
    while len(names) < wanted:
        names += [f"{n.split()[0]} {next(initials)}. {n.split()[1]}" for n in names[:wanted]]
    # Everyone in a non-school agency first (2 to 3 times as many as a school), schools get 1 to 3 each.
    homes = [a for a in ctx.agencies for _ in range(3)] + ([ctx.bu] * 16 if ctx.bu else []) + ctx.schools
    rows = []
    for index, full_name in enumerate(names[:wanted]):
        agency = homes[index] if index < len(homes) else rng.choice(ctx.agencies + ctx.schools)
        email = full_name.lower().replace(". ", ".").replace(" ", ".") + f".{index}@{EMAIL_DOMAIN}"
        rows.append(
            Person(
                full_name=full_name,
                job_title=rng.choice(JOB_TITLES),
                email=email,
                agency=agency,
                is_active=rng.random() > 0.08,
            )
        )
    bulk(Person, rows)
    ctx.people = list(Person.objects.filter(is_active=True).order_by("pk"))
    for person in ctx.people:
        ctx.people_by_agency.setdefault(person.agency_id, []).append(person)
    return len(rows)


def build_users(ctx: Context) -> int:
    """About 150 users across the roles; each is one of the people (a business unit person for the
    business unit roles). The first business unit administrator is ADMIN_EMAIL."""
    rng = ctx.rng
    password = make_password(ctx.password)  # hashed once; None gives an unusable password
    total = ctx.n(150, minimum=len(ROLE_SHARES))
    plan = []
    for role, share in ROLE_SHARES:
        plan += [role] * max(1, round(total * share / 150))
    bu_people = [p for p in ctx.people if ctx.bu and p.agency_id == ctx.bu.pk]
    others = [p for p in ctx.people if p.agency_id != (ctx.bu.pk if ctx.bu else None)]
    rng.shuffle(others)
    chosen, users = [], []
    offset = User.objects.filter(email__iendswith="@" + EMAIL_DOMAIN).count()  # a second run (--force)
    for index, role in enumerate(plan):
        business_unit = role in (Role.BU_ADMIN, Role.BU_OFFICER, Role.SCRUTINEER)
        pool = bu_people if business_unit and bu_people else others
        person = pool.pop(0) if pool else None
        if person is None:
            continue
        email = ADMIN_EMAIL if not users and not offset else f"user{offset + index}@{EMAIL_DOMAIN}"
        users.append(
            User(
                email=email,
                full_name=person.full_name,
                agency_id=person.agency_id,
                roles=[role],
                password=password,
                date_joined=ctx.moment(ctx.start),
            )
        )
        chosen.append(person)
    bulk(User, users)
    by_email = {u.email: u for u in User.objects.filter(email__in=[u.email for u in users])}
    for person, user in zip(chosen, users, strict=True):
        person.user, person.email = by_email[user.email], user.email
        ctx.users.setdefault(user.roles[0], []).append(by_email[user.email])
    Person.objects.bulk_update(chosen, ["user", "email"], batch_size=BATCH)
    return len(users)


def build_memberships(ctx: Context) -> int:
    """Each active group keeps 6 to 20 seats over the years; each seat passes between holders every one to
    five years, so every group has a history of ended memberships as well as its current members."""
    rng = ctx.rng
    ctx.groups = list(Group.objects.filter(is_active=True).order_by("pk"))
    rows, deputies = [], []
    for group in ctx.groups:
        seats = max(3, round(rng.randint(6, 20) * min(1.0, ctx.scale * 5)))
        for seat in range(seats):
            role = (
                MembershipRole.CHAIR
                if seat == 0
                else (MembershipRole.DEPUTY_CHAIR if seat == 1 else MembershipRole.MEMBER)
            )
            begin = ctx.start
            while begin <= ctx.today:
                end = begin + relativedelta(years=rng.randint(1, 5)) - datetime.timedelta(days=1)
                person = rng.choice(ctx.people)
                rows.append(
                    Membership(
                        person=person,
                        group=group,
                        role=role,
                        representing_id=person.agency_id,
                        start_date=begin,
                        end_date=end if end < ctx.today else None,
                    )
                )
                begin = end + datetime.timedelta(days=1)
    bulk(Membership, rows)
    through = Membership.deputies.through
    for membership in rows:
        if membership.end_date is None and rng.random() < 0.2:
            deputies.append(through(membership_id=membership.pk, person_id=rng.choice(ctx.people).pk))
    bulk(through, deputies)
    return len(rows)


# --- Learning capture ---------------------------------------------------------------------------------


def _findings_for(ctx, activity, themes, by, low=3, high=8):
    rng = ctx.rng
    rows = []
    topic = activity.title.split(": ", 1)[-1].rsplit(" (", 1)[0]
    for _ in range(rng.randint(low, high)):
        strength = rng.random() < 0.25
        subject = rng.choice(FINDING_SUBJECTS)
        text = f"{subject} {rng.choice(FINDING_STRENGTHS if strength else FINDING_GAPS)} ({topic})."
        rows.append(
            Finding(
                activity=activity,
                text=text,
                created_by=by,
                kind=FindingKind.STRENGTH if strength else FindingKind.IMPROVEMENT,
                recommendations="" if strength else f"Review the practice guidance on {topic}.",
                created_at=ctx.moment(activity.completed_on or activity.started_on),
            )
        )
    return rows


def _save_findings(ctx, findings, themes):
    bulk(Finding, findings)
    through = Finding.themes.through
    bulk(
        through,
        [through(finding_id=f.pk, theme_id=t.pk) for f in findings for t in pick(ctx.rng, themes, 1, 3)],
    )
    ctx.improvement_findings += [f for f in findings if f.kind == FindingKind.IMPROVEMENT]
    return len(findings)


def build_activities(ctx: Context) -> tuple[int, int]:
    """About 120 activities a year of every non-review source type, with 3 to 8 findings each once they are
    under way. A few completed ones have no findings yet (the home page lists them)."""
    rng = ctx.rng
    types = [t for t in LearningSourceType.objects.order_by("pk") if t.name.lower() not in CASE_REVIEW_TYPES]
    themes = list(Theme.objects.order_by("pk"))
    if Priority.objects.count() < 4:
        bulk(Priority, [Priority(name=n) for n in PRIORITIES if not Priority.objects.filter(name__iexact=n)])
    priorities = list(Priority.objects.order_by("pk"))
    activities = []
    for first, last in ctx.year_spans():
        for _ in range(ctx.n(120, minimum=6)):
            source = rng.choice(types)
            started = ctx.day_between(first, last)
            completed = started + datetime.timedelta(days=rng.randint(20, 200))
            if started > ctx.today - datetime.timedelta(days=20) and rng.random() < 0.5:
                status, completed = ActivityStatus.PLANNED, None
            elif completed > ctx.today:
                status, completed = ActivityStatus.IN_PROGRESS, None
            else:
                status = ActivityStatus.CLOSED if rng.random() < 0.5 else ActivityStatus.COMPLETED
            activities.append(
                LearningActivity(
                    title=f"{source.name}: {rng.choice(TOPICS)} ({started.year})",
                    source_type=source,
                    description=f"A fictional {source.name.lower()} generated for the large dataset.",
                    started_on=started,
                    completed_on=completed,
                    status=status,
                    owning_group=source.owning_group or rng.choice(ctx.groups),
                    created_by=ctx.user(Role.BU_OFFICER, Role.BU_ADMIN),
                    created_at=ctx.moment(started),
                )
            )
    bulk(LearningActivity, activities)
    providers = LearningActivity.provider_agencies.through
    linked = LearningActivity.priorities.through
    bulk(
        providers,
        [
            providers(learningactivity_id=a.pk, agency_id=ag.pk)
            for a in activities
            for ag in pick(rng, ctx.agencies, 1, 4) + pick(rng, ctx.schools, 0, 2)
        ],
    )
    bulk(
        linked,
        [
            linked(learningactivity_id=a.pk, priority_id=p.pk)
            for a in activities
            for p in pick(rng, priorities, 0, 2)
        ],
    )
    findings = []
    for activity in activities:
        if activity.status != ActivityStatus.PLANNED and rng.random() > 0.02:
            findings += _findings_for(ctx, activity, themes, activity.created_by)
    ctx.activities = activities
    for activity in activities:
        ctx.log(activity, 0, activity.created_at, activity.created_by)
    return len(activities), _save_findings(ctx, findings, themes)


def _review_fields(ctx, kind, aware):
    """The dates a review has reached by today, following the statutory clock with some drift."""
    rng = ctx.rng
    wd = add_working_days
    today = ctx.today
    fields = {}
    if kind == ReviewKind.CHILD:
        steps = [
            ("panel_notified_on", wd(aware, rng.randint(1, 7))),
            ("rapid_review_sent_on", None),
            ("decision_on", None),
        ]
        if steps[0][1] > today:
            return fields
        fields["panel_notified_on"] = steps[0][1]
        sent = wd(aware, rng.randint(12, 20))
        if sent > today:
            return fields
        fields["rapid_review_sent_on"] = sent
        response = wd(sent, rng.randint(5, 15))
        if response <= today:
            fields["panel_response_on"] = response
            fields["panel_response"] = "The Panel agreed with the partnership's decision (fictional)."
        decided = wd(sent, rng.randint(1, 5))
    else:
        decided = aware + datetime.timedelta(days=rng.randint(14, 40))
    if decided > today:
        return fields
    local = rng.random() < (0.55 if kind == ReviewKind.CHILD else 0.9)
    fields.update(
        decision=ReviewDecision.LOCAL_REVIEW if local else ReviewDecision.NO_LOCAL_REVIEW,
        decision_on=decided,
        decision_rationale="Reasons recorded at the panel (fictional).",
        criteria_multi_agency=rng.random() < 0.6,
        criteria_improvements=rng.random() < 0.5,
        criteria_recurrent_themes=rng.random() < 0.3,
    )
    if not local:
        return fields
    planned = decided + relativedelta(months=6)
    fields.update(
        reviewer="Independent reviewer (fictional)",
        planned_publication_on=planned,
        terms_of_reference_on=wd(decided, rng.randint(5, 20)),
    )
    published = planned + datetime.timedelta(days=rng.choice([0, 0, 0, 20, 60, 150]))
    if published <= today:
        fields["sent_to_panel_on"] = published - datetime.timedelta(days=rng.randint(3, 14))
        fields["published_on"] = published
        if published > planned:
            fields["delay_reasons"] = "A parallel criminal process deferred publication (fictional)."
    return fields


def build_reviews(ctx: Context) -> tuple[int, int]:
    """About 10 reviews a year at every stage, saved through `case_review_save` (so milestones follow the
    rules), with findings once a decision is made and monitoring entries for local reviews."""
    rng = ctx.rng
    types = {
        k: LearningSourceType.objects.filter(name__iexact=n).first() for k, n in SOURCE_TYPE_FOR_KIND.items()
    }
    panel = (
        Group.objects.filter(handles_case_reviews=True).first()
        or Group.objects.filter(name__iexact="CSPR Panel").first()
    )
    themes = list(Theme.objects.order_by("pk"))
    findings, entries = [], []
    count = 0
    for first, last in ctx.year_spans():
        for number in range(ctx.n(10)):
            kind = rng.choices([ReviewKind.CHILD, ReviewKind.SAR, ReviewKind.DHR], [8, 1, 1])[0]
            if types[kind] is None:
                continue
            aware = ctx.day_between(first, last)
            fields = _review_fields(ctx, kind, aware)
            label = {ReviewKind.CHILD: "Child", ReviewKind.SAR: "Adult", ReviewKind.DHR: "Adult"}[kind]
            pseudonym = f"{label} {chr(65 + number % 26)}{first.year % 100:02d}"
            by = ctx.user(Role.BU_OFFICER, Role.BU_ADMIN)
            done = fields.get("published_on") or (
                fields.get("decision_on")
                if fields.get("decision") == ReviewDecision.NO_LOCAL_REVIEW
                else None
            )
            activity = LearningActivity.objects.create(
                title=f"{types[kind].name}: {pseudonym} ({rng.choice(TOPICS)})",
                source_type=types[kind],
                owning_group=panel,
                started_on=aware,
                completed_on=done,
                created_by=by,
                status=(
                    ActivityStatus.COMPLETED
                    if fields.get("published_on")
                    else ActivityStatus.CLOSED
                    if done
                    else ActivityStatus.IN_PROGRESS
                ),
                created_at=ctx.moment(aware),
            )
            review = case_review_save(
                review=CaseReview(activity=activity, kind=kind, pseudonym=pseudonym, aware_on=aware, **fields)
            )
            ctx.reviews.append(review)
            count += 1
            if fields.get("decision_on"):
                findings += _findings_for(ctx, activity, themes, by, 3, 6)
            if fields.get("decision") == ReviewDecision.LOCAL_REVIEW:
                for months in range(2, 13, 3):
                    day = fields["decision_on"] + relativedelta(months=months)
                    if day <= min(ctx.today, fields.get("published_on") or ctx.today):
                        entries.append(
                            MonitoringEntry(
                                review=review,
                                entry_on=day,
                                recorded_by=by,
                                note="On track against the timetable (fictional).",
                            )
                        )
    bulk(MonitoringEntry, entries)
    return count, _save_findings(ctx, findings, themes)


def build_summaries(ctx: Context) -> tuple[int, int]:
    """About 25 summaries a year from that year's activities with findings, 2 to 5 key messages each. Older
    summaries are accepted; the latest months have every status of the LDG workflow."""
    rng = ctx.rng
    audiences = list(AudienceGroup.objects.order_by("position", "pk"))
    workforce = list(WorkforceGroup.objects.order_by("pk"))
    findings_of = {}
    for finding in Finding.objects.order_by("pk").only("pk", "activity_id"):
        findings_of.setdefault(finding.activity_id, []).append(finding.pk)
    with_findings = [a for a in ctx.activities + [r.activity for r in ctx.reviews] if a.pk in findings_of]
    summaries, plans = [], []  # plans: (summary, activities, steps)
    for first, last in ctx.year_spans():
        pool = [a for a in with_findings if a.completed_on and first <= a.completed_on <= last]
        for _ in range(ctx.n(25)):
            if not pool:
                break
            chosen = pick(rng, pool, 1, 2)
            drafted = max(a.completed_on for a in chosen) + datetime.timedelta(days=rng.randint(5, 40))
            if drafted > ctx.today:
                drafted = ctx.today
            age = (ctx.today - drafted).days
            if age > 120 or not summaries:  # the first is always accepted, so every area has rows
                steps = [SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED]
                if rng.random() < 0.15:
                    steps = [SummaryStatus.SUBMITTED, SummaryStatus.RETURNED] + steps
            else:
                steps = rng.choice(
                    [
                        [],
                        [SummaryStatus.SUBMITTED],
                        [SummaryStatus.SUBMITTED, SummaryStatus.RETURNED],
                        [SummaryStatus.SUBMITTED, SummaryStatus.ACCEPTED],
                    ]
                )
            summary = SummaryOfLearning(
                title=f"Summary of learning: {chosen[0].title}"[:200],
                subgroup=chosen[0].owning_group or ctx.groups[0],
                activity_type=", ".join(sorted({a.source_type.name for a in chosen}))[:300],
                description="; ".join(f"{a.title} ({a.started_on:%B %Y})" for a in chosen),
                findings_summary="The findings are set out in the register (fictional).",
                status=steps[-1] if steps else SummaryStatus.DRAFT,
                version=1 + len(steps),
                created_by=ctx.user(Role.BU_OFFICER),
                created_at=ctx.moment(drafted),
            )
            summaries.append(summary)
            plans.append((summary, chosen, steps, drafted))
    bulk(SummaryOfLearning, summaries)
    SummaryOfLearning.activities.through.objects.bulk_create(
        [
            SummaryOfLearning.activities.through(summaryoflearning_id=s.pk, learningactivity_id=a.pk)
            for s, chosen, *_ in plans
            for a in chosen
        ],
        batch_size=BATCH,
    )
    events, messages, message_findings = [], [], []
    for summary, chosen, steps, drafted in plans:
        at = ctx.moment(drafted)
        events.append(
            SummaryEvent(
                summary=summary, from_status="", to_status=SummaryStatus.DRAFT, by=summary.created_by, at=at
            )
        )
        status = SummaryStatus.DRAFT
        for step in steps:
            at = min(at + datetime.timedelta(days=rng.randint(7, 30)), timezone.now())
            reason = "Please make the key messages more specific." if step == SummaryStatus.RETURNED else ""
            events.append(
                SummaryEvent(
                    summary=summary,
                    from_status=status,
                    to_status=step,
                    at=at,
                    reason=reason,
                    by=ctx.user(Role.GROUP_CHAIR, Role.BU_ADMIN),
                )
            )
            status = step
        summary.accepted_at = at if status == SummaryStatus.ACCEPTED else None
        topic = chosen[0].title.split(": ", 1)[-1].rsplit(" (", 1)[0]
        for position in range(rng.randint(2, 5)):
            message = KeyMessage(
                summary=summary, position=position, text=rng.choice(MESSAGES).format(t=topic)
            )
            messages.append(message)
            candidates = [f for a in chosen for f in findings_of.get(a.pk, [])]
            message_findings.append((message, pick(rng, candidates, 1, 2)))
    bulk(SummaryEvent, events)
    bulk(KeyMessage, messages)
    audience_through = KeyMessage.audiences.through
    workforce_through = KeyMessage.workforce_groups.through
    findings_through = KeyMessage.findings.through
    bulk(
        audience_through,
        [
            audience_through(keymessage_id=m.pk, audiencegroup_id=a.pk)
            for m in messages
            for a in pick(rng, audiences, 1, 2)
        ],
    )
    bulk(
        workforce_through,
        [
            workforce_through(keymessage_id=m.pk, workforcegroup_id=w.pk)
            for m in messages
            for w in pick(rng, workforce, 1, 2)
        ],
    )
    bulk(
        findings_through,
        [findings_through(keymessage_id=m.pk, finding_id=f) for m, fs in message_findings for f in fs],
    )
    ctx.accepted_messages = [m for m in messages if m.summary.status == SummaryStatus.ACCEPTED]
    ctx.summaries = summaries
    for summary in summaries:
        ctx.log(summary, 0, summary.created_at, summary.created_by)
    return len(summaries), len(messages)


# --- From learning to practice ------------------------------------------------------------------------


def build_dissemination(ctx: Context) -> tuple[int, int]:
    """A plan for every accepted summary (one row per key message and audience, as plan_create_for_summary
    makes them), with methods, measures and 2 to 6 tracked communications in every status."""
    rng = ctx.rng
    audiences = list(AudienceGroup.objects.active().order_by("position", "pk"))
    methods = list(DisseminationMethod.objects.order_by("pk"))
    accepted = [s for s in ctx.summaries if s.status == SummaryStatus.ACCEPTED]
    plans = [
        DisseminationPlan(summary=s, created_by=ctx.user(Role.BU_OFFICER), created_at=s.accepted_at)
        for s in accepted
    ]
    bulk(DisseminationPlan, plans)
    by_summary = {}
    for message in ctx.accepted_messages:
        by_summary.setdefault(message.summary_id, []).append(message)
    message_plans = [
        MessagePlan(
            plan=p,
            key_message=m,
            purpose="So that practitioners change practice and children are safer (fictional).",
        )
        for p in plans
        for m in by_summary.get(p.summary_id, [])
    ]
    bulk(MessagePlan, message_plans)
    audience_plans = [
        AudiencePlan(
            message_plan=mp,
            audience=a,
            measures_of_success="Attendance, views and the next audit show the change (fictional).",
        )
        for mp in message_plans
        for a in audiences
    ]
    bulk(AudiencePlan, audience_plans)
    through = AudiencePlan.methods.through
    bulk(
        through,
        [
            through(audienceplan_id=ap.pk, disseminationmethod_id=m.pk)
            for ap in audience_plans
            for m in pick(rng, methods, 1, 2)
        ],
    )
    rows_by_plan = {}
    for ap in audience_plans:
        rows_by_plan.setdefault(ap.message_plan.plan_id, []).append(ap)
    communications = []
    for plan in plans:
        rows = rows_by_plan.get(plan.pk, [])
        for _ in range(rng.randint(2, 6) if rows else 0):
            due = plan.created_at.date() + datetime.timedelta(days=rng.randint(10, 200))
            done_on, reach = None, (None, None, None)
            if due < ctx.today - datetime.timedelta(days=30):
                status = rng.choices(
                    [
                        CommunicationStatus.DONE,
                        CommunicationStatus.CANCELLED,
                        CommunicationStatus.IN_PROGRESS,
                    ],
                    [85, 10, 5],
                )[0]
            elif due < ctx.today:
                status = rng.choice(
                    [CommunicationStatus.DONE, CommunicationStatus.IN_PROGRESS, CommunicationStatus.PLANNED]
                )
            else:
                status = rng.choice([CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS])
            if status == CommunicationStatus.DONE:
                done_on = min(ctx.today, due + datetime.timedelta(days=rng.randint(-10, 10)))
                reach = (rng.randint(10, 200), rng.choice([None, rng.randint(50, 3000)]), rng.randint(0, 900))
            owner_agency = rng.choice(ctx.agencies)
            method = rng.choice(methods)
            communications.append(
                Communication(
                    audience_plan=rng.choice(rows),
                    method=method,
                    description=f"{method.name} (fictional)"[:300],
                    owner=ctx.person_of(owner_agency),
                    owner_agency=owner_agency,
                    due_on=due,
                    status=status,
                    done_on=done_on,
                    people_attending=reach[0],
                    recipients=reach[1],
                    downloads_or_views=reach[2],
                )
            )
    bulk(Communication, communications)
    return len(plans), len(communications)


def build_briefings(ctx: Context) -> int:
    rng = ctx.rng
    rows, links = [], []
    messages = list(ctx.accepted_messages)
    for first, last in ctx.year_spans():
        pool = [m for m in messages if first <= m.summary.accepted_at.date() <= last]
        for _ in range(ctx.n(8) if pool else 0):
            chosen = pick(rng, pool, 1, 3)
            ready = rng.random() < 0.85
            at = ctx.moment(ctx.day_between(first, last))
            rows.append(
                Briefing(
                    kind=rng.choice(BriefingKind.values),
                    title=f"7-minute briefing: {chosen[0].text}"[:200],
                    background="<p>Fictional background.</p>",
                    what_to_do="<p>Use the guidance.</p>",
                    status=BriefingStatus.READY if ready else BriefingStatus.DRAFT,
                    published_at=at if ready else None,
                    created_at=at,
                    created_by=ctx.user(Role.BU_OFFICER),
                )
            )
            links.append(chosen)
    bulk(Briefing, rows)
    through = Briefing.key_messages.through
    bulk(
        through,
        [
            through(briefing_id=b.pk, keymessage_id=m.pk)
            for b, ms in zip(rows, links, strict=True)
            for m in ms
        ],
    )
    return len(rows)


def build_requests(ctx: Context) -> tuple[int, int]:
    """About 10 requests a year, each to about 20 agencies; old ones are mostly answered and accepted,
    recent ones are in every status, and some are overdue."""
    rng = ctx.rng
    S, V, D, SUB, A, M = (
        ResponseStatus.SENT,
        ResponseStatus.VIEWED,
        ResponseStatus.DRAFT,
        ResponseStatus.SUBMITTED,
        ResponseStatus.ACCEPTED,
        ResponseStatus.MORE_INFORMATION,
    )
    requests, links, responses = [], [], []
    for first, last in ctx.year_spans():
        pool = [m for m in ctx.accepted_messages if m.summary.accepted_at.date() <= last]
        for _ in range(ctx.n(10) if pool else 0):
            sent = ctx.day_between(first, last)
            due = add_working_days(sent, 20)
            pool_recent = pool[-40:]
            chosen = pick(rng, pool_recent, 1, 2)
            request = EmbeddingRequest(
                title=f"Embedding: {chosen[0].text}"[:200],
                due_on=due,
                message="Please tell us how you will embed these key messages.",
                sent_by=ctx.user(Role.BU_OFFICER),
                sent_at=ctx.moment(sent),
            )
            requests.append(request)
            links.append(chosen)
            age = (ctx.today - due).days
            for agency in pick(rng, ctx.agencies, min(20, len(ctx.agencies)), min(20, len(ctx.agencies))):
                if age > 90:
                    status = rng.choices([A, SUB, M, S], [80, 8, 5, 7])[0]
                elif age > 0:
                    status = rng.choices([A, SUB, M, D, V, S], [30, 20, 10, 15, 10, 15])[0]
                else:
                    status = rng.choices([S, V, D, SUB, A], [35, 25, 20, 15, 5])[0]
                response = AgencyResponse(request=request, agency=agency, status=status)
                if status != S:
                    response.first_viewed_at = request.sent_at + datetime.timedelta(days=rng.randint(1, 5))
                if status in (D, SUB, A, M):
                    response.where_embedded = "The supervision policy and induction (fictional)."
                if status in (SUB, A, M):
                    response.mechanisms = "Team briefings and a supervision prompt (fictional)."
                    response.evaluation = "A dip-sample audit of ten records (fictional)."
                    response.evaluate_by = due + datetime.timedelta(days=90)
                    response.submitted_at = request.sent_at + datetime.timedelta(days=rng.randint(5, 25))
                    response.submitted_by = ctx.user(Role.AGENCY_LEAD)
                if status in (A, M):
                    response.reviewed_at = response.submitted_at + datetime.timedelta(days=rng.randint(1, 10))
                    response.reviewed_by = ctx.user(Role.BU_OFFICER)
                if status == M:
                    response.review_note = "Please say who will carry out the audit and when."
                responses.append(response)
    bulk(EmbeddingRequest, requests)
    through = EmbeddingRequest.key_messages.through
    bulk(
        through,
        [
            through(embeddingrequest_id=r.pk, keymessage_id=m.pk)
            for r, ms in zip(requests, links, strict=True)
            for m in ms
        ],
    )
    bulk(AgencyResponse, responses)
    return len(requests), len(responses)


def build_actions(ctx: Context) -> tuple[int, int, int]:
    """About 300 actions a year in plans of 3 to 8, each plan with exactly one source (a review, a finding,
    an activity, a key message or a meeting); statuses follow the due dates, some are overdue, completed
    ones get sustainment checks, and every action has a log of 1 to 4 updates."""
    rng = ctx.rng
    NS, IP, DONE, CANCELLED = (
        ActionStatus.NOT_STARTED,
        ActionStatus.IN_PROGRESS,
        ActionStatus.COMPLETED,
        ActionStatus.CANCELLED,
    )
    decided = [r for r in ctx.reviews if r.decision_on]
    plans, plan_actions = [], []
    for first, last in ctx.year_spans():
        sources = {
            "source_review": [r for r in decided if r.decision_on <= last],
            "source_finding": [f for f in ctx.improvement_findings if f.created_at.date() <= last][-400:],
            "source_activity": [a for a in ctx.activities if a.completed_on and a.completed_on <= last][
                -200:
            ],
            "source_key_message": [m for m in ctx.accepted_messages if m.summary.accepted_at.date() <= last][
                -200:
            ],
        }
        remaining = ctx.n(300)
        while remaining > 0:
            size = min(remaining, rng.randint(3, 8))
            remaining -= size
            kind = rng.choice(
                ["source_review", "source_finding", "source_activity", "source_key_message", "source_meeting"]
            )
            record = rng.choice(sources[kind]) if sources.get(kind) else None
            created = ctx.day_between(first, last)
            if record is None:
                kind, record = "source_meeting", f"{rng.choice(MEETINGS)}, {created:%d %B %Y}"
            single = rng.random() < 0.3
            agency = rng.choice(ctx.agencies) if single else None
            topic = rng.choice(TOPICS)
            plans.append(
                ActionPlan(
                    title=f"Improvement plan: {topic} ({created:%B %Y})",
                    agency=agency,
                    scope=PlanScope.SINGLE_AGENCY if single else PlanScope.MULTI_AGENCY,
                    created_by=ctx.user(Role.BU_OFFICER),
                    created_at=ctx.moment(created),
                    **{kind: record},
                )
            )
            plan_actions.append((size, topic, created, agency))
    bulk(ActionPlan, plans)
    actions, logs = [], []
    for plan, (size, topic, created, agency) in zip(plans, plan_actions, strict=True):
        for _ in range(size):
            owner_agency = agency or rng.choice(ctx.agencies if rng.random() < 0.9 else ctx.schools)
            due = created + datetime.timedelta(days=rng.randint(30, 365))
            completed_on = None
            sustainment = {}
            if due < ctx.today:
                status = rng.choices([DONE, CANCELLED, IP, NS], [78, 5, 12, 5])[0]
            else:
                status = rng.choices([NS, IP, DONE], [40, 50, 10])[0]
            progress = {
                NS: 0,
                IP: rng.choice([10, 25, 40, 60, 80]),
                DONE: 100,
                CANCELLED: rng.choice([0, 10]),
            }[status]
            if status == DONE:
                completed_on = min(ctx.today, created + datetime.timedelta(days=rng.randint(20, 360)))
                check = completed_on + datetime.timedelta(days=90)
                sustainment["sustainment_due_on"] = check
                if check < ctx.today - datetime.timedelta(days=14) and rng.random() < 0.7:
                    sustained = rng.random() < 0.8
                    sustainment.update(
                        sustainment_checked_on=check + datetime.timedelta(days=rng.randint(0, 14)),
                        sustainment_result=SustainmentResult.SUSTAINED
                        if sustained
                        else SustainmentResult.NOT_SUSTAINED,
                        sustainment_note="A dip sample of ten records (fictional).",
                    )
            action = Action(
                plan=plan,
                description=rng.choice(ACTIONS).format(t=topic),
                owner_agency=owner_agency,
                owner=ctx.person_of(owner_agency),
                due_on=due,
                status=status,
                progress=progress,
                completed_on=completed_on,
                created_at=plan.created_at,
                evidence_of_completion="Attendance register (fictional)." if status == DONE else "",
                **sustainment,
            )
            actions.append(action)
            logs.append(action)
    bulk(Action, actions)
    updates = []
    for action in logs:
        at = action.created_at
        steps = [(NS, 0, "Action agreed and owner confirmed.")]
        if action.status != NS:
            steps.append((IP, min(action.progress, 20) or 10, "Work started (fictional)."))
        if action.status in (IP, DONE) and action.progress > 20:
            steps.append(
                (IP, min(action.progress, 80), f"Progress reviewed: {min(action.progress, 80)}% done.")
            )
        if action.status in (DONE, CANCELLED):
            steps.append(
                (
                    action.status,
                    action.progress,
                    "Completed; evidence attached."
                    if action.status == DONE
                    else "Cancelled: covered by another plan.",
                )
            )
        for status, progress, note in steps:
            at = min(at + datetime.timedelta(days=rng.randint(7, 60)), timezone.now())
            updates.append(
                ActionUpdate(
                    action=action,
                    at=at,
                    note=note,
                    status=status,
                    progress=progress,
                    by=ctx.user(Role.AGENCY_LEAD, Role.AGENCY_MEMBER),
                )
            )
    bulk(ActionUpdate, updates)
    for plan in plans:
        ctx.log(plan, 0, plan.created_at, plan.created_by)
    for update in updates:
        ctx.log(update.action, 1, update.at, update.by)
    return len(plans), len(actions), len(updates)


def build_audit(ctx: Context) -> int:
    """Audit trail noise: a create entry for each activity, summary and plan and an update entry for each
    action update, as django-auditlog would have written them at the time."""
    from auditlog.models import LogEntry

    types = {}
    rows = []
    for obj, action, when, actor in ctx.audit:
        model = type(obj)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        rows.append(
            LogEntry(
                content_type=types[model],
                object_pk=str(obj.pk),
                object_id=obj.pk,
                object_repr=str(obj)[:200],
                action=action,
                changes={},
                actor=actor,
                timestamp=when,
                actor_email=actor.email if actor else None,
            )
        )
    bulk(LogEntry, rows)
    return len(rows)


# The areas in order: (label, function, names of the counts it returns).
AREAS = [
    ("Agencies and schools", build_agencies, ["agencies"]),
    ("People", build_people, ["people"]),
    ("Users", build_users, ["users"]),
    ("Group memberships", build_memberships, ["memberships"]),
    ("Learning activities", build_activities, ["activities", "findings"]),
    ("Case reviews", build_reviews, ["case reviews", "review findings"]),
    ("Summaries of learning", build_summaries, ["summaries", "key messages"]),
    ("Dissemination plans", build_dissemination, ["dissemination plans", "communications"]),
    ("Briefings", build_briefings, ["briefings"]),
    ("Requests to agencies", build_requests, ["requests", "responses"]),
    ("Improvement actions", build_actions, ["action plans", "actions", "action updates"]),
    ("Audit trail", build_audit, ["audit entries"]),
]
