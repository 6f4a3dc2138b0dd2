"""Demo learning register: about forty fictional activities from 2022 to 2026, at least one of every
source type of the framework preset (case reviews are left to learning_reviews, so rapid reviews, local
reviews, SARs and DHRs are skipped here; national reviews appear as plain activities), four fictional
partnership priorities, and findings whose themes recur across the years so that "were these improvements
previously identified?" has answers. Two completed activities have no findings yet, for the home page.

Fictional content only: no real child, family or member of staff is named. Safe to repeat: priorities are
matched by name, activities by title; an activity that exists is left alone, with its findings."""

import datetime

from django.db import transaction
from django.utils import timezone

from learningloop.learning.models import (
    ActivityStatus,
    Finding,
    FindingKind,
    LearningActivity,
    Priority,
    Theme,
)
from learningloop.partnership import preset
from learningloop.partnership.models import Agency, Group, LearningSourceType

D = datetime.date
DONE, CLOSED, ON, PLANNED = (
    ActivityStatus.COMPLETED,
    ActivityStatus.CLOSED,
    ActivityStatus.IN_PROGRESS,
    ActivityStatus.PLANNED,
)
N, S = FindingKind.IMPROVEMENT, FindingKind.STRENGTH  # N: needs improving; S: strength

# Source types the case review demo owns (each is a CaseReview with a statutory clock).
CASE_REVIEW_TYPES = {
    "Rapid review",
    "Local child safeguarding practice review",
    "Safeguarding adult review",
    "Domestic homicide review",
}

PRIORITIES = [
    ("Tackling neglect", "Earlier recognition of and response to neglect, including its cumulative impact."),
    ("Safer adolescents", "Protecting young people from exploitation and serious youth violence."),
    ("Domestic abuse and the child's experience", "Seeing the child in households where there is abuse."),
    ("Think family", "Working with the whole family, including fathers and significant adults."),
]
NEGLECT, ADOLESCENTS, DOMESTIC, FAMILY = (p[0] for p in PRIORITIES)

CSC, WMP, ICB = preset.CSC, preset.WMP, preset.ICB
CWPT = "Coventry and Warwickshire Partnership Trust"
UHB = "University Hospitals Birmingham"
BSMHFT = "Birmingham and Solihull Mental Health NHS Foundation Trust"
SCH, CAFCASS, PROBATION = "Solihull Community Housing", "CAFCASS", "Probation Service"
VCS, EDUCATION = "Voluntary and community sector", "Schools, education and early years"
SWFT = "South Warwickshire NHS Foundation Trust"
ARG, PANEL, MASH, LDG, AUDIT, FORUM = (preset.ARG, preset.CSPR_PANEL, preset.MASH, preset.LDG, preset.AUDIT,
                                       preset.FORUM)  # fmt: skip

# Themes (names from the seeded vocabulary)
CURIOSITY, SHARING, VOICE, RISK = (
    "Professional curiosity",
    "Information sharing",
    "Voice of the child",
    "Risk assessment",
)
NEG, DA, FATHERS, ESCALATION = "Neglect", "Domestic abuse", "Fathers and significant adults", "Escalation"
EXPLOIT, MENTAL, SUBSTANCE, SLEEP = "Exploitation", "Parental mental health", "Substance misuse", "Safe sleep"
MULTI, RECORDS, THRESHOLDS = "Multi-agency working", "Record keeping", "Thresholds and early help"

# title, source type, owning group, provider agencies, status, started, completed, priorities,
# findings [(kind, text, themes, recommendations)]
ACTIVITIES = [
    ("Multi-agency audit: neglect and the cumulative impact on children (2022)", "Multi-agency audit", AUDIT,
     [CSC, ICB, WMP, EDUCATION], CLOSED, D(2022, 5, 9), D(2022, 9, 30), [NEGLECT],
     [(N, "Practitioners accepted parents' explanations for missed health appointments without "
          "checking them.",
       [CURIOSITY, NEG], "Include professional curiosity in the neglect training offer."),
      (N, "Chronologies were not used, so the cumulative impact of neglect over years was not seen.",
       [NEG, RECORDS], "Promote the multi-agency chronology template."),
      (S, "Schools knew the children well and referred promptly when they saw hunger and poor hygiene.",
       [NEG, MULTI], "")]),
    ("Ofsted inspection of local authority children's services (ILACS) 2022", "Ofsted inspection", None,
     [CSC], CLOSED, D(2022, 6, 6), D(2022, 7, 15), [NEGLECT, ADOLESCENTS],
     [(N, "Step-down from children's social care to early help was not always well planned.",
       [THRESHOLDS, MULTI], "Review the step-down protocol with early help partners."),
      (S, "Direct work with children was creative and their views shaped their plans.", [VOICE], "")]),
    ("HMICFRS national child protection inspection: police response (2022)", "HMICFRS inspection", None,
     [WMP], CLOSED, D(2022, 9, 12), D(2022, 11, 25), [ADOLESCENTS],
     [(N, "Officers did not always record the child's demeanour and views when attending domestic incidents.",
       [VOICE, DA, RECORDS], "Add the child's voice to the domestic abuse attendance checklist.")]),
    ("Child Death Overview Panel annual report 2021–22", "Child Death Overview Panel report", ARG,
     [ICB, UHB], CLOSED, D(2022, 7, 1), D(2022, 10, 14), [FAMILY],
     [(N, "Unsafe sleep continued to feature in sudden unexpected deaths in infancy, often with parental "
          "alcohol or drug use.", [SLEEP, SUBSTANCE],
       "Refresh the safe sleep campaign for fathers and partners."),
      (N, "Fathers and partners were rarely given safe sleep advice by health practitioners.",
       [FATHERS, SLEEP], "Offer safe sleep advice to both parents at every contact.")]),
    ("LADO annual report 2021–22", "LADO annual report", ARG, [CSC], CLOSED, D(2022, 4, 4), D(2022, 6, 30),
     [], [(S, "Referral rates from the voluntary sector rose after targeted awareness sessions.",
           [MULTI], "")]),
    ("Section 11 self-assessment 2022", "Section 11 self-assessment", ARG,
     [CSC, WMP, ICB, CWPT, UHB, SCH, PROBATION], CLOSED, D(2022, 10, 3), D(2023, 1, 27), [],
     [(N, "Several agencies could not evidence how they escalate professional disagreements.",
       [ESCALATION], "Relaunch the escalation policy with a short guide."),
      (S, "All agencies had a named safeguarding lead and supervision arrangements.", [MULTI], "")]),
    ("Practitioner questionnaire: confidence in information sharing (2023)", "Practitioner questionnaire",
     AUDIT, [CSC, WMP, ICB, EDUCATION, VCS], CLOSED, D(2023, 1, 16), D(2023, 3, 17), [],
     [(N, "A third of practitioners were unsure whether they could share information without consent.",
       [SHARING], "Publish a seven-minute briefing on information sharing and consent."),
      (N, "Practitioners in schools did not know how to escalate when they disagreed with a threshold "
          "decision.",
       [ESCALATION, THRESHOLDS], "Include escalation routes in the designated safeguarding lead network.")]),
    ("National review: child protection in England (Arthur and Star)", "National review", PANEL,
     [CSC, WMP, ICB], CLOSED, D(2022, 6, 1), D(2023, 2, 28), [NEGLECT, DOMESTIC],
     [(N, "Information held by different agencies was not brought together to form a full picture of risk.",
       [SHARING, RISK, MULTI], "Test multi-agency information sharing at the front door."),
      (N, "Concerns raised by wider family members were not given enough weight.",
       [CURIOSITY, FATHERS], "Emphasise listening to wider family in training.")]),
    ("Multi-agency audit: domestic abuse and the voice of the child (2023)", "Multi-agency audit", AUDIT,
     [CSC, WMP, ICB, CWPT], CLOSED, D(2023, 4, 17), D(2023, 7, 28), [DOMESTIC],
     [(N, "The lived experience of children in households with domestic abuse was rarely recorded.",
       [VOICE, DA], "Use the 'day in the life' tool in assessments."),
      (N, "Perpetrators, often fathers or new partners, were not engaged or assessed.",
       [FATHERS, DA, RISK], "Develop guidance on engaging fathers and partners who cause harm."),
      (S, "MARAC actions were completed on time and shared with schools.", [SHARING, DA], "")]),
    ("Private fostering annual report 2022–23", "Private fostering report", ARG, [CSC, EDUCATION], CLOSED,
     D(2023, 4, 3), D(2023, 6, 16), [],
     [(N, "Schools were not always aware of their duty to notify private fostering arrangements.",
       [SHARING], "Add private fostering to the schools' safeguarding audit.")]),
    ("Practitioner Learning Forum: neglect toolkit feedback (2023)", "Practitioner Learning Forum", FORUM,
     [CSC, ICB, EDUCATION, VCS], CLOSED, D(2023, 5, 10), D(2023, 5, 10), [NEGLECT],
     [(N, "Practitioners found the neglect toolkit too long to use in busy visits.",
       [NEG], "Produce a short version of the toolkit."),
      (S, "Health visitors valued joint visits with social workers.", [MULTI], "")]),
    ("CQC inspection of the acute trust's children's services (2023)", "CQC inspection", None, [UHB],
     CLOSED, D(2023, 3, 6), D(2023, 5, 19), [],
     [(N, "Emergency department staff did not routinely ask who else lives in the household.",
       [CURIOSITY, FATHERS], "Add household composition to the emergency department triage form.")]),
    ("Education safeguarding report 2022–23", "Education report", ARG, [EDUCATION], CLOSED,
     D(2023, 9, 4), D(2023, 11, 10), [ADOLESCENTS],
     [(N, "Persistent absence was not always seen as a possible sign of exploitation.",
       [EXPLOIT, CURIOSITY], "Share the exploitation indicators with attendance officers.")]),
    ("Section 175 / 157 education safeguarding audit 2023", "Section 175 / 157 education self-assessment",
     None, [EDUCATION], CLOSED, D(2023, 10, 2), D(2024, 1, 26), [],
     [(S, "Almost all schools had up-to-date safeguarding training for governors.", [MULTI], "")]),
    ("Complaints and compliments from young people 2022–23", "Complaints and compliments", None,
     [CSC, ICB, WMP], CLOSED, D(2023, 4, 3), D(2023, 7, 14), [],
     [(N, "Young people said they had to repeat their story to too many professionals.",
       [VOICE, SHARING], "Explore a single lead professional for young people at risk.")]),
    ("Single-agency audit: police referrals to the MASH (2023)", "Single-agency audit", MASH, [WMP], CLOSED,
     D(2023, 6, 5), D(2023, 8, 25), [],
     [(N, "Referrals described incidents but not the risk to the child.",
       [RISK, RECORDS], "Brief response officers on writing risk-focused referrals.")]),
    ("Performance analysis: multi-agency dataset, quarter 3 2023–24", "Performance analysis", ARG,
     [CSC, WMP, ICB], CLOSED, D(2024, 1, 8), D(2024, 2, 9), [NEGLECT],
     [(N, "Re-referrals within twelve months rose, mostly for neglect.",
       [NEG, THRESHOLDS], "Audit a sample of re-referrals for neglect.")]),
    ("Other inspectorate: joint targeted area inspection on serious youth violence (2024)",
     "Other inspectorate inspection", None, [CSC, WMP, ICB, PROBATION, EDUCATION], CLOSED,
     D(2024, 2, 5), D(2024, 4, 12), [ADOLESCENTS],
     [(N, "Young people at risk of exploitation were not always identified early enough by schools "
          "and health.",
       [EXPLOIT, THRESHOLDS], "Agree a shared screening tool for exploitation."),
      (N, "Information about missing episodes was not shared quickly with the police and schools.",
       [EXPLOIT, SHARING], "Review the missing from home and care protocol."),
      (S, "The contextual safeguarding panel was well attended and focused on places as well as people.",
       [EXPLOIT, MULTI], "")]),
    ("Voice of the child: health-related behaviour questionnaire 2024", "Voice of the child", None,
     [EDUCATION], CLOSED, D(2024, 1, 15), D(2024, 5, 24), [ADOLESCENTS],
     [(N, "One in five secondary pupils did not know who to talk to if they felt unsafe online.",
       [VOICE], "Work with schools on online safety messages."),
      (S, "Most primary pupils said there was an adult at school they could trust.", [VOICE], "")]),
    ("Multi-agency audit: neglect – revisited (2024)", "Multi-agency audit", AUDIT,
     [CSC, ICB, WMP, EDUCATION, SCH], CLOSED, D(2024, 4, 15), D(2024, 7, 26), [NEGLECT],
     [(N, "Explanations for missed appointments were again accepted without challenge.",
       [CURIOSITY, NEG], "Make professional curiosity a standing item in supervision."),
      (N, "Housing staff held information about home conditions that did not reach the core group.",
       [SHARING, NEG, MULTI], "Invite housing to core groups where neglect is the main concern."),
      (S, "Use of the neglect toolkit had improved since the 2022 audit.", [NEG], "")]),
    ("National review: safeguarding children with disabilities in residential settings",
     "National review", PANEL, [CSC, ICB], CLOSED, D(2023, 11, 1), D(2024, 3, 29), [],
     [(N, "Children who do not communicate verbally were not helped to give their views.",
       [VOICE], "Train practitioners in alternative communication methods.")]),
    ("Workforce development review 2023–24", "Workforce development review", LDG, [CSC, ICB, WMP, EDUCATION],
     CLOSED, D(2024, 4, 1), D(2024, 6, 28), [],
     [(N, "Few practitioners had attended training on working with fathers.",
       [FATHERS], "Commission a 'seeing the whole family' course.")]),
    ("Website statistics 2023–24", "Website statistics", LDG, [], CLOSED, D(2024, 4, 1), D(2024, 5, 3), [],
     [(S, "Seven-minute briefings were the most visited pages after the procedures manual.", [], "")]),
    ("Research and national guidance: Working Together 2023 changes", "Research and national guidance", LDG,
     [], CLOSED, D(2023, 12, 15), D(2024, 3, 15), [],
     [(S, "The new expectations on multi-agency practice standards were mapped to local procedures.",
       [MULTI], "")]),
    ("LADO annual report 2023–24", "LADO annual report", ARG, [CSC], CLOSED, D(2024, 4, 2), D(2024, 6, 21),
     [], [(N, "Some allegations against staff in the voluntary sector reached the LADO late.",
           [ESCALATION, SHARING], "Run LADO awareness sessions for voluntary groups.")]),
    ("Practitioner questionnaire: escalation and resolving disagreements (2024)",
     "Practitioner questionnaire", AUDIT, [CSC, WMP, ICB, EDUCATION, VCS], CLOSED, D(2024, 9, 2),
     D(2024, 10, 25), [],
     [(N, "Practitioners still did not use the escalation policy, fearing it would harm relationships.",
       [ESCALATION], "Share stories of escalation that helped children."),
      (N, "Practitioners were unsure what information they may share with schools about domestic "
          "abuse incidents.",
       [SHARING, DA], "Extend the domestic abuse notification scheme to all schools.")]),
    ("Single-agency audit: mental health trust – parents with mental illness (2024)", "Single-agency audit",
     AUDIT, [BSMHFT], CLOSED, D(2024, 6, 3), D(2024, 9, 6), [FAMILY],
     [(N, "Adult mental health practitioners did not always ask about children in the household.",
       [MENTAL, CURIOSITY, FATHERS], "Add a 'think family' prompt to adult assessments.")]),
    ("Multi-agency audit: domestic abuse – the child's experience revisited (2025)", "Multi-agency audit",
     AUDIT, [CSC, WMP, ICB, CWPT, SCH], CLOSED, D(2025, 1, 13), D(2025, 4, 11), [DOMESTIC],
     [(N, "Plans still focused on the adult victim; what the child saw and felt was seldom recorded.",
       [VOICE, DA], "Make the child's experience a required section of domestic abuse plans."),
      (N, "Fathers who caused harm were again not invited to meetings or assessed.",
       [FATHERS, DA, RISK], "Pilot a perpetrator-focused assessment approach.")]),
    ("Ofsted focused visit: children in need and child protection (2025)", "Ofsted inspection", None, [CSC],
     CLOSED, D(2025, 2, 10), D(2025, 3, 21), [NEGLECT],
     [(N, "Risk assessments in child protection plans were not always updated when circumstances changed.",
       [RISK], "Review plans at every core group."),
      (S, "Managers' oversight of practice was strong and visible on files.", [RECORDS], "")]),
    ("Child Death Overview Panel annual report 2023–24", "Child Death Overview Panel report", ARG,
     [ICB, UHB, SWFT], CLOSED, D(2024, 7, 1), D(2024, 10, 18), [FAMILY],
     [(N, "Unsafe sleep remained a factor in infant deaths, again linked to parental substance misuse.",
       [SLEEP, SUBSTANCE], "Target safe sleep messages at parents known to substance misuse services.")]),
    ("Education safeguarding report 2024–25", "Education report", ARG, [EDUCATION], DONE, D(2025, 9, 1),
     D(2025, 11, 7), [ADOLESCENTS],
     [(N, "Pupils missing education were again not linked to exploitation risk quickly enough.",
       [EXPLOIT, SHARING], "Share children missing education data with the exploitation hub.")]),
    ("Section 11 self-assessment 2025", "Section 11 self-assessment", ARG,
     [CSC, WMP, ICB, CWPT, UHB, SCH, PROBATION, CAFCASS], DONE, D(2025, 10, 6), D(2026, 1, 30), [],
     [(N, "Escalation of professional disagreements was still the weakest standard.",
       [ESCALATION], "Make escalation the LDG's learning theme for the year.")]),
    ("Performance analysis: multi-agency dataset, quarter 1 2025–26", "Performance analysis", ARG,
     [CSC, WMP, ICB], DONE, D(2025, 7, 7), D(2025, 8, 8), [NEGLECT],
     [(N, "Neglect remained the most common category of child protection plan and re-referral.",
       [NEG], "Report neglect measures to the Executive each quarter.")]),
    ("Complaints and compliments from young people 2024–25", "Complaints and compliments", None,
     [CSC, ICB, WMP], DONE, D(2025, 4, 7), D(2025, 7, 18), [], []),  # completed, no findings yet
    ("Website statistics 2024–25", "Website statistics", LDG, [], DONE, D(2025, 4, 1), D(2025, 5, 2), [],
     []),  # completed, no findings yet
    ("CQC inspection of community health services (2025)", "CQC inspection", None, [CWPT, SWFT], DONE,
     D(2025, 5, 12), D(2025, 7, 4), [],
     [(S, "School nurses used the neglect toolkit well and shared concerns early.", [NEG, SHARING], "")]),
    ("Practitioner Learning Forum: adolescents and exploitation (2025)", "Practitioner Learning Forum", FORUM,
     [WMP, CSC, EDUCATION, VCS], DONE, D(2025, 10, 15), D(2025, 10, 15), [ADOLESCENTS],
     [(N, "Practitioners described young people as 'putting themselves at risk', which hides exploitation.",
       [EXPLOIT, RECORDS], "Promote the language guide on exploitation.")]),
    ("Multi-agency audit: fathers and significant adults (2026)", "Multi-agency audit", AUDIT,
     [CSC, WMP, ICB, PROBATION], ON, D(2026, 3, 2), None, [FAMILY], []),
    ("HMICFRS inspection: vulnerability and public protection (2026)", "HMICFRS inspection", None, [WMP], ON,
     D(2026, 9, 7), None, [ADOLESCENTS], []),
    ("National review: safeguarding children at risk from domestic abuse (2026)", "National review", PANEL,
     [CSC, WMP, ICB], PLANNED, D(2026, 12, 1), None, [DOMESTIC], []),
    ("Private fostering annual report 2025–26", "Private fostering report", ARG, [CSC], PLANNED, None, None,
     [], []),
    ("Workforce development review 2025–26", "Workforce development review", LDG, [CSC, ICB, WMP], ON,
     D(2026, 4, 1), None, [], []),
]  # fmt: skip


def _by_name(model, name):
    return model.objects.filter(name__iexact=name).first() if name else None


def _at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo activities that are missing; return how many were added."""
    for name, description in PRIORITIES:
        if not Priority.objects.filter(name__iexact=name).exists():
            Priority.objects.create(name=name, description=description)
    themes = {t.name.lower(): t for t in Theme.objects.all()}
    added, skipped_types = 0, set()
    for title, type_name, group, agencies, status, started, completed, priorities, findings in ACTIVITIES:
        if type_name in CASE_REVIEW_TYPES or LearningActivity.objects.filter(title__iexact=title).exists():
            continue
        source_type = _by_name(LearningSourceType, type_name)
        if source_type is None:
            skipped_types.add(type_name)
            continue
        activity = LearningActivity.objects.create(
            title=title,
            source_type=source_type,
            description=f"Fictional demo activity: {source_type.description or source_type.name}",
            started_on=started,
            completed_on=completed,
            status=status,
            owning_group=_by_name(Group, group) or source_type.owning_group,
            created_at=_at(started or datetime.date(2026, 1, 5)),
        )
        activity.provider_agencies.set(a for a in (_by_name(Agency, n) for n in agencies) if a)
        activity.priorities.set(p for p in (_by_name(Priority, n) for n in priorities) if p)
        when = _at(completed or started or datetime.date(2026, 1, 5))
        for position, (kind, text, theme_names, recommendations) in enumerate(findings):
            finding = Finding.objects.create(
                activity=activity,
                text=text,
                kind=kind,
                recommendations=recommendations,
                created_at=when + datetime.timedelta(minutes=position),
            )
            finding.themes.set(themes[n.lower()] for n in theme_names if n.lower() in themes)
        LearningActivity.objects.filter(pk=activity.pk).finding_counts_update()  # ADR 0047
        added += 1
    if stdout:
        stdout.write(f"Learning register: {added} activities added")
        if skipped_types:
            stdout.write(
                f"Learning register: no source types {', '.join(sorted(skipped_types))} (run load_framework)"
            )
    return added
