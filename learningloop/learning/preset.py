"""The learning part of the framework preset: the starting vocabulary of themes for safeguarding children,
each with the terms and phrases the business unit maintains (ADR 0024), so that the suggestions of earlier
findings recognise the same practice problem written in other words ("CSE" and "child sexual
exploitation"). Loaded by `manage.py load_framework` (core.presets) and by a data migration.

Safe to repeat: a missing theme is added; a theme whose terms are empty gets the starting terms; a theme
with terms of its own (edited under Learning → Themes) is never changed."""

# name -> (description, terms and phrases)
THEME_VOCABULARY: dict[str, tuple[str, list[str]]] = {
    "Professional curiosity": (
        "Questioning, checking and not taking what is said at face value.",
        [
            "curiosity",
            "face value",
            "respectful uncertainty",
            "corroborate",
            "verify",
            "did not question",
            "explanations",
            "what parents told them",
            "not questioned",
            "did not ask",
            "accepted the account",
            "checked with other professionals",
            (
                "professional curiosity = accepted at face value = taken at face value = "
                "did not question = not questioned = not explored"
            ),
            (
                "explanations = the account given = what parents said = what parents told them = "
                "explained away"
            ),
            "checked with other professionals = verify = corroborate = tested against",
        ],
    ),
    "Information sharing": (
        "Sharing what agencies know, when they know it, with the right people.",
        [
            "share information",
            "shared information",
            "not shared",
            "not passed on",
            "referral",
            "MASH",
            "multi-agency safeguarding hub",
            "front door",
            "consent to share",
            "not told",
            "was not informed",
            "unaware",
            "passed on",
            "notifications",
            "call-outs",
            (
                "information sharing = not passed on = not shared = not told = was not informed = "
                "did not reach = unaware"
            ),
            "GP = primary care = general practice = the surgery",
            "children's social care = children's services = social care = the local authority",
            "notification = notified = told = informed",
        ],
    ),
    "Voice of the child": (
        "The child's lived experience, wishes and feelings, seen and heard.",
        [
            "lived experience",
            "wishes and feelings",
            "seen alone",
            "spoken to alone",
            "child's own words",
            "what the child said",
            "daily life",
            "day-to-day experience",
            "life at home",
            "views of the child",
            "what life was like",
            "never asked the child",
            (
                "voice of the child = child's lived experience = lived experience = "
                "wishes and feelings = child's views = what the child said"
            ),
            (
                "seen alone = spoken to alone = seen on their own = spoken to on their own = "
                "away from their parents"
            ),
            "daily life = day-to-day experience = what life was like = life at home",
        ],
    ),
    "Risk assessment": (
        "Analysing risk and harm, and reviewing the analysis as things change.",
        [
            "risk assessment",
            "assessment of risk",
            "analysis",
            "over-optimism",
            "start again syndrome",
            "safety plan",
            "reassessed",
            "over-optimistic",
            "too hopeful",
            "promises to change",
            "revisit the risk",
            "over-optimism = over-optimistic = too hopeful = start again syndrome = promises to change",
            "risk assessment = assessment of risk = risk analysis = analysis of risk",
        ],
    ),
    "Neglect": (
        "Persistent failure to meet a child's basic needs, and its cumulative impact.",
        [
            "neglect",
            "neglected",
            "cumulative harm",
            "cumulative impact",
            "poor home conditions",
            "hygiene",
            "was not brought",
            "missed health appointments",
            "unmet health needs",
            "dental decay",
            "Graded Care Profile",
            "GCP2",
            "pattern over time",
            "build-up of concerns",
            "not brought",
            "not taken to",
            "basic care",
            "little food",
            "dirty home",
            "neglect = cumulative harm = cumulative impact = basic needs not met = needs were not met",
            "was not brought = not brought = not taken to = did not attend = missed appointments",
            "poor home conditions = dirty home = dirty house = home conditions = state of the home",
            "dental decay = tooth decay = dental neglect",
            "little food = hungry = not fed",
        ],
    ),
    "Domestic abuse": (
        "Abuse between adults in the household and its impact on the child.",
        [
            "DA",
            "domestic abuse",
            "domestic violence",
            "coercive control",
            "controlling behaviour",
            "MARAC",
            "DASH",
            "IDVA",
            "perpetrator",
            "violence in the home",
            "witnessed",
            "domestic incidents",
            "Operation Encompass",
            "police call-outs",
            (
                "domestic abuse = DA = domestic violence = abuse at home = violence in the home = "
                "domestic incidents"
            ),
            "coercive control = controlling behaviour",
        ],
    ),
    "Fathers and significant adults": (
        "Seeing and engaging the men and other adults in a child's life.",
        [
            "father",
            "fathers",
            "male carer",
            "stepfather",
            "mother's partner",
            "new partner",
            "invisible men",
            "significant adult",
            "adults in the household",
            "men in the household",
            "male partner",
            "dad",
            "fathers = father = dads = dad = male carer = men in the household = invisible men",
            "mother's partner = new partner = stepfather = male partner",
        ],
    ),
    "Escalation": (
        "Challenging decisions and escalating when a plan drifts or concerns are not acted on.",
        [
            "escalate",
            "escalation policy",
            "professional challenge",
            "resolution protocol",
            "professional disagreement",
            "challenged the decision",
            "drift",
            "drifted",
            "formally challenge",
            "challenge the decision",
            (
                "escalation = escalate = challenge = professional challenge = "
                "professional disagreement = resolving professional disagreement = "
                "resolution protocol = escalation policy"
            ),
            "drift = drifted = plan drift = no progress",
        ],
    ),
    "Exploitation": (
        "Child sexual and criminal exploitation and other harm outside the home.",
        [
            "CSE",
            "child sexual exploitation",
            "CCE",
            "child criminal exploitation",
            "county lines",
            "grooming",
            "trafficking",
            "NRM",
            "National Referral Mechanism",
            "contextual safeguarding",
            "extra-familial harm",
            "older men",
            "unexplained gifts",
            "online grooming",
            "messaging",
            "child sexual exploitation = CSE = sexual exploitation",
            "child criminal exploitation = CCE = criminal exploitation = county lines",
            ("extra-familial harm = harm outside the home = contextual safeguarding = risk outside the home"),
            "radicalisation = extremism = Prevent",
            "online harm = online safety = internet safety = safe online",
        ],
    ),
    "Parental mental health": (
        "The mental health of parents and carers and what it means for the child.",
        [
            "mental health",
            "mental ill health",
            "depression",
            "postnatal depression",
            "perinatal mental health",
            "psychosis",
            "adult mental health services",
            "self-harm",
            "psychiatric",
            "low mood",
            "mental state",
            "mental health = mental ill health = psychiatric = low mood = depression",
            "perinatal mental health = postnatal depression = after the birth",
        ],
    ),
    "Substance misuse": (
        "Parents' or young people's use of drugs or alcohol.",
        [
            "substance misuse",
            "drugs",
            "alcohol",
            "drinking",
            "cannabis",
            "drug use",
            "addiction",
            "drug and alcohol services",
            "heroin",
            "alcohol misuse",
            "treatment services",
            "substance misuse = drug use = drugs = alcohol misuse = drinking",
        ],
    ),
    "Safe sleep": (
        "Safer sleep for babies and the risk of sudden unexpected death in infancy.",
        [
            "safer sleep",
            "safe sleep",
            "co-sleeping",
            "co-sleep",
            "SUDI",
            "sudden unexpected death in infancy",
            "sleeping arrangements",
            "sofa",
            "Moses basket",
            "cot",
            "safe sleep = safer sleep = sleeping arrangements = where the baby slept = co-sleeping = SUDI",
            "cot = crib = Moses basket",
        ],
    ),
    "Multi-agency working": (
        "Agencies working together around the child and family.",
        [
            "multi-agency",
            "partnership working",
            "joint working",
            "working together",
            "silos",
            "professionals meeting",
            "lead professional",
            "team around the family",
            "multi-agency meeting = professionals meeting = team around the family = brought together",
            "lead professional = lead agency = take the lead",
        ],
    ),
    "Record keeping": (
        "Records and chronologies that show the history and the pattern of concerns.",
        [
            "records",
            "recording",
            "chronology",
            "chronologies",
            "case notes",
            "case records",
            "single chronology",
            "documented",
            "history",
            "previous concerns",
            "started afresh",
            "case file",
            "chronology = history = timeline = build-up of concerns = pattern of concerns",
            "case records = case notes = case file = the file = records",
            "not recorded = not written down = no record = not documented",
            "rationale = reasons = reasoning",
        ],
    ),
    "Thresholds and early help": (
        "Understanding levels of need, early help and stepping up or down.",
        [
            "threshold",
            "thresholds",
            "early help",
            "step down",
            "step-down",
            "step up",
            "level of need",
            "continuum of need",
            "early help assessment",
            "below threshold",
            "signposted",
            "stepped down",
            "contacts to the front door",
            "threshold = level of need = below threshold = threshold document",
            "step down = stepped down = step-down",
        ],
    ),
    "Child in need and child protection planning": (
        "Child in need and child protection plans, conferences and core groups.",
        [
            "CIN",
            "child in need",
            "CP",
            "child protection plan",
            "child protection conference",
            "core group",
            "review conference",
            "plan drift",
            "child in need plan",
            "CIN plan",
            "measurable outcomes",
            "timescales",
            "child protection conference = initial conference = review conference = ICPC",
            "child in need = CIN",
            "child protection plan = CP plan = subject to a plan",
        ],
    ),
    "Strategy discussions": (
        "Strategy discussions and section 47 enquiries.",
        [
            "strategy discussion",
            "strategy meeting",
            "section 47",
            "S47",
            "joint investigation",
            "section 47 enquiry",
            "not invited to the strategy",
            "strategy discussion = strategy meeting = section 47 = S47 = child protection enquiry",
        ],
    ),
    "Allegations against people who work with children": (
        "Allegations about staff and volunteers, managed with the LADO.",
        [
            "LADO",
            "local authority designated officer",
            "allegation",
            "allegations against staff",
            "position of trust",
            "people who work with children",
            "volunteer",
            "LADO = local authority designated officer = designated officer",
            (
                "allegation = allegations against staff = concern about a member of staff = "
                "concern about a volunteer"
            ),
        ],
    ),
    "Missing children": (
        "Children missing from home, care or school, and what happens when they return.",
        [
            "missing episodes",
            "missing from home",
            "missing from care",
            "return home interview",
            "went missing",
            "runaway",
            "missing episode",
            "ran away",
            "running away",
            "absences from home",
            (
                "missing episode = missing episodes = went missing = missing from home = "
                "missing from care = absences from home = ran away = running away"
            ),
        ],
    ),
    "Injuries to non-mobile babies": (
        "Bruising and other injuries in babies who are not yet mobile.",
        [
            "bruising",
            "bruise",
            "non-mobile",
            "non-mobile babies",
            "injury in an infant",
            "unexplained injury",
            "ICON",
            "not yet mobile",
            "could not yet crawl",
            "child protection medical",
            "bruises",
            "non-mobile = not yet mobile = could not yet crawl = not yet rolling",
            "bruising = bruise = bruises = marks",
        ],
    ),
    "Transitions": (
        "Moves between services, schools, areas and into adulthood.",
        [
            "transition",
            "transitions",
            "adult services",
            "turning 18",
            "moving school",
            "handover",
            "transfer of the case",
            "leaving care",
            "moved area",
            "out of area",
            "turned 18",
            "eighteen",
            "changed schools",
            "moved school",
            "turned 18 = turning 18 = eighteen = eighteenth birthday = adulthood",
            "moved school = changed schools = moving school",
            "transfer = transferred = handover",
        ],
    ),
    "Special educational needs and disabilities": (
        "Children with special educational needs or disabilities.",
        [
            "SEND",
            "special educational needs",
            "disability",
            "disabled children",
            "EHCP",
            "education, health and care plan",
            "autism",
            "learning disability",
            "communication needs",
            "communication aids",
            "sign language",
            "cognitive difficulties",
            "easy-read",
            "SEND = special educational needs = disability = disabled",
            "non-verbal = communication needs = communication aids = sign language",
            "autism = autistic",
        ],
    ),
    "Education and home education": (
        "School attendance, exclusion, children missing education and elective home education.",
        [
            "elective home education",
            "EHE",
            "home educated",
            "home education",
            "off-rolling",
            "children missing education",
            "missing education",
            "CME",
            "school attendance",
            "exclusion",
            "removed from school",
            "attendance",
            "persistent absence",
            "absence from school",
            "missing education = children missing education = CME",
            (
                "school attendance = absence from school = persistent absence = part-time timetable = "
                "reduced timetable"
            ),
            "elective home education = EHE = home educated = home education",
        ],
    ),
    "Private fostering": (
        "Children cared for by someone who is not a parent or close relative for 28 days or more.",
        [
            "private fostering",
            "privately fostered",
            "private arrangement",
            "family friend",
            "not a close relative",
            "private fostering = privately fostered = private arrangement = host family",
        ],
    ),
    "Think family": (
        "Seeing the whole family: parents' needs, siblings and the household.",
        [
            "think family",
            "whole family",
            "siblings",
            "household",
            "whole-family approach",
            "parents' own needs",
            "brothers and sisters",
            "whole family picture",
            "separately",
            "siblings = brothers and sisters",
            "whole family = think family = whole family picture = whole-family approach",
            "young carer = caring for a parent",
        ],
    ),
    "Disguised compliance": (
        "Apparent co-operation that hides a lack of change.",
        [
            "disguised compliance",
            "superficial engagement",
            "apparent co-operation",
            "non-engagement",
            "did not engage",
            "cancelled visits",
            "hard to reach",
            "avoided professionals",
            "apparent engagement",
            "appeared to co-operate",
            "lack of progress",
            "nothing changed",
            (
                "disguised compliance = apparent co-operation = appeared to co-operate = "
                "apparent engagement = superficial engagement"
            ),
            "no access visits = cancelled visits = avoided professionals",
        ],
    ),
}


def theme_vocabulary_load(theme_model=None, report=None) -> int:
    """Add the missing themes and fill empty terms; return how many themes were added or filled."""
    if theme_model is None:
        from .models import Theme as theme_model
    changed = 0
    for name, (description, terms) in THEME_VOCABULARY.items():
        theme = theme_model.objects.filter(name__iexact=name).first()
        added = theme is None or not theme.terms.strip()
        if theme is None:
            theme = theme_model(name=name, description=description)
        if added:
            theme.terms = "\n".join(terms)
            if not theme.description:
                theme.description = description
            theme.save()
            changed += 1
        if report is not None:
            report.count("theme vocabularies", added)
    return changed


def preset_part(report) -> None:
    """The learning part of `load_framework` (registered in core.presets by LearningConfig.ready)."""
    theme_vocabulary_load(report=report)
