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
        ],
    ),
    "Strategy discussions": (
        "Strategy discussions and section 47 enquiries.",
        ["strategy discussion", "strategy meeting", "section 47", "S47", "joint investigation"],
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
        ],
    ),
    "Missing children": (
        "Children missing from home, care or school, and what happens when they return.",
        [
            "missing",
            "missing episodes",
            "missing from home",
            "missing from care",
            "return home interview",
            "went missing",
            "runaway",
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
            "CME",
            "school attendance",
            "exclusion",
            "removed from school",
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
