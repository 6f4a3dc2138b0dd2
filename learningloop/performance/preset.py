# ruff: noqa: E501 - the measure table keeps one measure a line, as in the reference it comes from
"""The default indicator library: the 46 common measures of the multi-agency dataset
(docs/reference/data-volumes.md §3), loaded by `manage.py load_framework` through the core preset
registry. Matched by code, so loading twice adds nothing and never overwrites the business unit's edits.

Providers are named as the reference does (LA CSC, Pol, ICB/HP, Edu, BU) and found among the partnership's
agencies by name (the framework preset's agencies) or, failing that, by statutory role or sector."""

from dataclasses import dataclass

from django.db import transaction

from learningloop.partnership import preset as partnership_preset
from learningloop.partnership.models import Agency, Sector, StatutoryRole

from .models import Category, Frequency, Indicator, Polarity, Unit

HM, HW, BO = Category.HOW_MUCH, Category.HOW_WELL, Category.BETTER_OFF
M, Q, T, A = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.TERMLY, Frequency.ANNUAL
N, P, R, D = Unit.COUNT, Unit.PERCENTAGE, Unit.RATE_10K, Unit.DAYS
UP, DOWN = Polarity.HIGHER, Polarity.LOWER

PROVIDERS = {
    "CSC": (partnership_preset.CSC, {"statutory_role": StatutoryRole.LOCAL_AUTHORITY}),
    "Pol": (partnership_preset.WMP, {"statutory_role": StatutoryRole.POLICE}),
    "Health": (partnership_preset.ICB, {"statutory_role": StatutoryRole.HEALTH}),
    "Edu": ("Schools, education and early years", {"sector": Sector.EDUCATION}),
    "BU": (partnership_preset.BUSINESS_UNIT, {"statutory_role": StatutoryRole.BUSINESS_UNIT}),
}


@dataclass(frozen=True)
class Measure:
    number: int
    name: str
    definition: str
    frequency: str
    providers: tuple[str, ...]
    category: str
    unit: str
    polarity: str
    source: str = ""
    numerator: str = ""
    denominator: str = ""
    target: float | None = None
    tolerance: float | None = None

    @property
    def code(self) -> str:
        return f"m{self.number:02d}"


CSC, POL, HEALTH, EDU, BU = ("CSC",), ("Pol",), ("Health",), ("Edu",), ("BU",)
# fmt: off
MEASURES = [
    Measure(1, "Contacts to MASH/front door", "Any enquiry to children's social care about a child's welfare, before the threshold decision", M, CSC, HM, N, UP),
    Measure(2, "Contacts from police, schools and health", "Percentage of contacts from police, schools, health and GPs (the rest from individuals and others)", M, CSC, HM, P, UP, numerator="Contacts from police, schools, health and GPs", denominator="All contacts"),
    Measure(3, "Contact to referral conversion", "Referrals as a percentage of contacts", M, CSC, HW, P, UP, "Slough about 16%", "Referrals", "Contacts"),
    Measure(4, "MASH decisions within RAG timescale", "Percentage of contacts decided within Red 4, Amber 24 or Green 72 working hours", M, ("CSC", "Pol"), HW, P, UP, "Local MASH standard", "Contacts decided within timescale", "Contacts decided", 95, 5),
    Measure(5, "Referrals to children's social care", "Requests for services for a child not currently in need, rate per 10,000 children", M, CSC, HM, R, UP, "Children in need census", "Referrals", "Child population"),
    Measure(6, "Re-referrals within 12 months", "Referrals within 12 months of a previous referral, as a percentage of referrals (rolling 12 months)", M, CSC, BO, P, DOWN, "England 22.6% (children in need census)", "Re-referrals within 12 months", "Referrals", 20, 2.5),
    Measure(7, "Referrals closed with no further action", "Percentage of referrals closed with no further action", M, CSC, HW, P, DOWN, "England 6.5%", "Referrals closed NFA", "Referrals"),
    Measure(8, "Assessments within 45 working days", "Percentage of social care assessments completed within 45 working days", M, CSC, HW, P, UP, "Children in need census", "Assessments completed within 45 working days", "Assessments completed", 85, 5),
    Measure(9, "Strategy discussions held", "Strategy discussions held in the period", M, ("CSC", "Pol", "Health"), HM, N, UP),
    Measure(10, "Strategy discussions within timescale", "Percentage held within the locally agreed timescale from the decision", M, ("CSC", "Pol"), HW, P, UP, "Local standard", "Held within timescale", "Strategy discussions held", 90, 5),
    Measure(11, "Section 47 enquiries", "Section 47 enquiries started, rate per 10,000 children", M, CSC, HM, R, UP, "England 191 per 10,000", "Section 47 enquiries", "Child population"),
    Measure(12, "Section 47 to initial conference conversion", "Initial child protection conferences as a percentage of section 47 enquiries", Q, CSC, HW, P, UP, "England about 31%", "ICPCs", "Section 47 enquiries"),
    Measure(13, "Initial conferences within 15 working days", "Percentage of ICPCs held within 15 working days of the strategy discussion", M, CSC, HW, P, UP, "England 81.4%", "ICPCs within 15 working days", "ICPCs", 85, 5),
    Measure(14, "Agency reports to conferences", "Percentage of initial and review conferences with each key agency's report submitted", Q, ("CSC", "Pol", "Health", "Edu"), HW, P, UP, "Local", "Conferences with the agency's report", "Conferences", 90, 10),
    Measure(15, "Children on child protection plans", "Children on a plan at the period end, rate per 10,000 children", M, CSC, HM, R, UP, "England 40.8 per 10,000", "Children on plans", "Child population"),
    Measure(16, "Child protection plans for neglect", "Percentage of plans with neglect as the category", Q, CSC, HM, P, UP, "England 48.1% (2017)", "Plans for neglect", "Plans"),
    Measure(17, "Second or subsequent child protection plans", "Percentage of children starting a plan who had a previous plan", Q, CSC, BO, P, DOWN, "Good banding 10-15%; England 18.7%", "Children starting a second or later plan", "Children starting a plan", 15, 3),
    Measure(18, "Child protection plans lasting 2 years or more", "Percentage of plans ending in the year that lasted 2 years or more", Q, CSC, BO, P, DOWN, "England 4.4%", "Plans ending that lasted 2 years or more", "Plans ending", 4, 1),
    Measure(19, "Child protection plans ending within 3 months", "Percentage of plans ending in the year that lasted 3 months or less", Q, CSC, HW, P, DOWN, "England 15.9%", "Plans ending within 3 months", "Plans ending"),
    Measure(20, "Child protection reviews on time", "Percentage of review conferences held within timescale", M, CSC, HW, P, UP, "England 94%", "Reviews on time", "Reviews due", 95, 3),
    Measure(21, "Children in need", "Children in need at the period end, rate per 10,000 children", Q, CSC, HM, R, UP, "England 332.9 per 10,000", "Children in need", "Child population"),
    Measure(22, "Children looked after", "Children looked after at the period end, rate per 10,000 children", M, CSC, HM, R, UP, "England 67 per 10,000", "Children looked after", "Child population"),
    Measure(23, "Children looked after going missing", "Percentage of children looked after who went missing", Q, ("CSC", "Pol"), BO, P, DOWN, "England 11%", "Children looked after who went missing", "Children looked after"),
    Measure(24, "Police domestic abuse incidents with children", "Police-attended domestic abuse incidents with a child present or in the household", M, POL, HM, N, UP),
    Measure(25, "Operation Encompass notifications on time", "Percentage of notifications to the school's safeguarding lead before the next school day", M, ("Pol", "Edu"), HW, P, UP, "Statutory guidance 2025", "Notifications on time", "Notifications", 95, 5),
    Measure(26, "Missing from home or care episodes", "Missing episodes in the period", M, ("Pol", "CSC"), HM, N, DOWN),
    Measure(27, "Return home interviews within 72 hours", "Percentage of return home interviews completed within 72 hours of return", M, CSC, HW, P, UP, "72 hour standard", "Interviews within 72 hours", "Returns", 80, 10),
    Measure(28, "Children at risk of exploitation discussed", "Children discussed at missing and child exploitation meetings", M, ("Pol", "CSC"), HM, N, UP),
    Measure(29, "New birth visits within 14 days", "Percentage of infants receiving a face-to-face new birth visit within 14 days", Q, HEALTH, HW, P, UP, "England 85.2%", "Visits within 14 days", "Births", 90, 5),
    Measure(30, "Health visiting mandated reviews", "Percentage of children receiving the 6-8 week, 12-month and 2-2.5 year reviews", Q, HEALTH, HW, P, UP, "England above 80%", "Reviews received", "Reviews due", 80, 5),
    Measure(31, "Under-18 A&E attendances for self-harm", "Attendances by children for self-harm", Q, HEALTH, BO, N, DOWN),
    Measure(32, "Suspensions", "Suspensions, rate per 100 pupils", T, EDU, BO, N, DOWN, "England 11.31 (autumn)"),
    Measure(33, "Children missing education", "Children on the children missing education register", T, EDU, HM, N, DOWN),
    Measure(34, "Schools' safeguarding audit returns", "Percentage of schools returning the section 175/157 audit", A, ("Edu", "BU"), HW, P, UP, "", "Schools returning", "Schools", 100, 10),
    Measure(35, "Referrals from education", "Percentage of referrals from education", M, CSC, HM, P, UP, "Devon 26%", "Referrals from education", "Referrals"),
    Measure(36, "Early help assessments started", "Early help assessments started in the period", M, ("CSC",), HM, N, UP),
    Measure(37, "Early help stepped up within 12 months", "Percentage of closed early help episodes later referred to social care", Q, CSC, BO, P, DOWN, "Local", "Episodes referred within 12 months", "Episodes closed"),
    Measure(38, "Multi-agency training fill rate", "Percentage of training places filled", Q, BU, HW, P, UP, "77% take-up", "Places filled", "Places offered", 85, 10),
    Measure(39, "Training changed practice", "Percentage reporting a change in practice at the 3-month follow-up", Q, BU, BO, P, UP, "", "Reporting a change", "Responding"),
    Measure(40, "E-learning completions", "Course completions in the period", Q, BU, HM, N, UP),
    Measure(41, "Multi-agency audits graded good or better", "Percentage of cases audited graded good or better", Q, BU, HW, P, UP, "", "Cases graded good or better", "Cases audited"),
    Measure(42, "Section 11 standards green", "Percentage of section 11 standards rated green", A, BU, HW, P, UP, "", "Standards green", "Standards assessed", 90, 10),
    Measure(43, "Rapid reviews within 15 working days", "Percentage of rapid reviews completed within 15 working days of the notification", Q, ("BU", "CSC"), HW, P, UP, "Working Together 2023", "Completed within 15 working days", "Rapid reviews", 100, 10),
    Measure(44, "Review recommendations implemented on time", "Percentage of review actions completed by their due date", Q, BU, HW, P, UP, "", "Actions completed on time", "Actions due", 90, 10),
    Measure(45, "Professional escalations resolved", "Percentage of escalations resolved at the first stage", Q, BU, HW, P, UP, "", "Resolved at stage one", "Escalations raised"),
    Measure(46, "Practitioners confident to refer", "Percentage of practitioners who know how to refer to the MASH and use the escalation policy", A, BU, BO, P, UP, "C&P 99%", "Confident", "Responding", 95, 5),
]
# fmt: on


def _agency(short: str, cache: dict):
    if short not in cache:
        name, fallback = PROVIDERS[short]
        cache[short] = (
            Agency.objects.filter(name=name).first()
            or Agency.objects.filter(**fallback).order_by("pk").first()
        )
    return cache[short]


@transaction.atomic
def indicators_load(report=None) -> list[str]:
    """Add the measures that are missing (by code or name); counts each in `report` (the framework preset's
    PresetReport, when load_framework runs it through core.presets) and returns a line for other callers."""
    existing = set(Indicator.objects.values_list("code", flat=True))
    names = {n.casefold() for n in Indicator.objects.values_list("name", flat=True)}
    cache, added = {}, 0
    for position, measure in enumerate(MEASURES):
        if measure.code in existing or measure.name.casefold() in names:
            if report is not None:
                report.count("indicators", False)
            continue
        indicator = Indicator(
            code=measure.code, name=measure.name, definition=measure.definition, frequency=measure.frequency,
            category=measure.category, unit=measure.unit, polarity=measure.polarity, source=measure.source,
            numerator=measure.numerator, denominator=measure.denominator, target=measure.target,
            tolerance=measure.tolerance, position=position,
        )  # fmt: skip
        indicator.full_clean()
        indicator.save()
        agencies = [a for a in (_agency(p, cache) for p in measure.providers) if a is not None]
        indicator.providers.set(agencies)
        added += 1
        if report is not None:
            report.count("indicators", True)
    return [f"Indicators: {added} added, {len(MEASURES) - added} already there"]
