"""The sections of the partners' yearly report, as a registry: one `Section` per entry, in order. Each
section's `build(year)` reads LIVE data for the reporting year through the areas' own read functions and
returns plain data (JSON: figures, tables, chart data), so a signed-off report can keep it as a snapshot
and lay it out again unchanged; a section without `build` is text only (priorities for next year).

Adding a section is one `register(Section(...))` call (for example "You said, we did").

The content of a section:
    {"figures": [[label, value], ...],
     "tables": [{"caption": str, "headers": [...], "rows": [[...], ...]}],
     "charts": [{"kind": "line" | "bar", "title": str, ...chart arguments}],
     "empty": str}   # what to say when the year holds nothing for it
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from learningloop.core import charts, contributions

# --- The registry -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    order: int
    build: Callable | None = None  # (Year) -> content dict; None: text only
    above_hint: str = ""  # what the partners write above the figures
    below_hint: str = ""  # and under them


SECTIONS: dict[str, Section] = {}


def register(section: Section) -> Section:
    SECTIONS[section.key] = section
    return section


def sections() -> list[Section]:
    return sorted(SECTIONS.values(), key=lambda s: (s.order, s.key))


@dataclass
class Year:
    """The reporting year: its first and last day, and the day figures are counted to (the year's last day,
    or today while the year is still running)."""

    start: datetime.date
    end: datetime.date
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def as_at(self) -> datetime.date:
        return min(self.end, self.today)

    @cached_property
    def curves(self) -> list:
        """Every active indicator's curve over the year's submissions: the partnership's values, each
        period's submissions added up by the database (two queries)."""
        from learningloop.performance.curves import partnership_curves
        from learningloop.performance.models import Indicator

        indicators = Indicator.objects.active().select_related("priority").order_by("position", "name")
        return partnership_curves(indicators, self.start, self.end)


def build_all(year: Year) -> dict:
    """{section key: content} for every section with figures."""
    return {s.key: s.build(year) for s in sections() if s.build is not None}


def content(figures=(), tables=(), chart_specs=(), empty="") -> dict:
    return {
        "figures": [list(f) for f in figures],
        "tables": list(tables),
        "charts": list(chart_specs),
        "empty": empty,
    }


def table(caption, headers, rows, records=()) -> dict:
    """`records`: the columns that name a working record (a review, an audit, a self-assessment cycle). The
    partners' own report names them; the public hub numbers them instead (reports.yearly.public), so a
    published report never names a review or record that is not itself published."""
    return {
        "caption": caption,
        "headers": list(headers),
        "rows": [[str(c) for c in r] for r in rows],
        "records": list(records),
    }


def draw(spec: dict) -> charts.Chart:
    """The chart (core.charts) from its stored data: the same picture however often it is drawn."""
    arguments = {k: v for k, v in spec.items() if k != "kind"}
    if spec["kind"] == "bar":
        return charts.bar_chart(**arguments)
    series = [charts.Series(name, values) for name, values in arguments.pop("series")]
    band = arguments.pop("band", None)
    return charts.line_chart(series=series, band=tuple(band) if band else None, **arguments)


def _percent(met, of):
    share = contributions.percent(met, of)
    return "Nothing due" if share is None else f"{share}%"


def _f(value):
    return None if value is None else float(value)


# --- What the partners did -------------------------------------------------------------------------------


def partners_did(year: Year) -> dict:
    """Meetings held by each group, their quorum, learning events and their attendance, highlight reports
    issued to the Executive (governance's own records)."""
    from learningloop.governance.models import HighlightReport, LearningEvent, Meeting

    held = Meeting.objects.held(year.as_at).between(year.start, year.end)
    by_group = list(
        held.values("group__name")
        .annotate(
            n=Count("pk"),
            n_quorate=Count("pk", filter=Q(quorate=True)),
            known=Count("pk", filter=Q(quorate__isnull=False)),
        )
        .order_by("group__name")
    )
    events = LearningEvent.objects.filter(held_on__gte=year.start, held_on__lte=year.as_at)
    attendees = events.aggregate(n=Sum("attendance__attendees"))["n"] or 0
    issued = HighlightReport.objects.filter(issued_on__gte=year.start, issued_on__lte=year.end).count()
    meetings = sum(r["n"] for r in by_group)
    figures = [
        ("Meetings held", meetings),
        ("Learning events held", events.count()),
        ("People attending learning events", attendees),
        ("Highlight reports issued to the Executive", issued),
    ]
    rows = [[r["group__name"], r["n"], f"{r['n_quorate']} of {r['known']}"] for r in by_group]
    return content(
        figures,
        [
            table(
                "Meetings held by each group", ["Group", "Meetings held", "Quorate (of those recorded)"], rows
            )
        ]
        if rows
        else [],
        empty="No meetings were held in the year." if not meetings else "",
    )


# --- Rapid reviews and local reviews ----------------------------------------------------------------------


def case_reviews(year: Year) -> dict:
    """Rapid reviews sent to the Panel in the year, the decisions made and local child safeguarding practice
    reviews published, and what came of their recommendations: the improvement actions raised from the
    review or its findings, completed and overdue (the deadline engine's definition)."""
    from learningloop.improvement.models import Action, ActionStatus
    from learningloop.learning.models import CaseReview, FindingKind, ReviewDecision, ReviewKind

    def between(name):
        return Q(**{f"{name}__gte": year.start, f"{name}__lte": year.end})

    reviews = list(
        CaseReview.objects.filter(kind=ReviewKind.CHILD)
        .filter(between("rapid_review_sent_on") | between("decision_on") | between("published_on"))
        .with_stage()
        .select_related("activity")
        .annotate(
            recommendations=Count(
                "activity__findings",
                filter=~Q(activity__findings__recommendations="")
                & Q(activity__findings__kind=FindingKind.IMPROVEMENT),
                distinct=True,
            )
        )
        .order_by("rapid_review_sent_on", "pk")
    )
    ids = [r.pk for r in reviews]
    actions = Action.objects.filter(
        Q(plan__source_review_id__in=ids) | Q(plan__source_finding__activity__case_review__in=ids)
    )
    by_review = {}
    for row in (
        actions.annotate(
            review_id=_coalesce("plan__source_review_id", "plan__source_finding__activity__case_review__id")
        )
        .values("review_id")
        .annotate(
            n=Count("pk"),
            done=Count("pk", filter=Q(status=ActionStatus.COMPLETED)),
            overdue=Count("pk", filter=Action.deadline_overdue_q(year.as_at)),
        )
    ):
        by_review[row["review_id"]] = row
    rapid = sum(
        1 for r in reviews if r.rapid_review_sent_on and year.start <= r.rapid_review_sent_on <= year.end
    )
    local = sum(
        1
        for r in reviews
        if r.decision == ReviewDecision.LOCAL_REVIEW
        and r.decision_on
        and year.start <= r.decision_on <= year.end
    )
    published = sum(1 for r in reviews if r.published_on and year.start <= r.published_on <= year.end)
    totals = [sum(by_review.get(i, {}).get(k, 0) for i in ids) for k in ("n", "done", "overdue")]
    figures = [
        ("Rapid reviews sent to the national Panel", rapid),
        ("Decisions to hold a local review", local),
        ("Local reviews published", published),
        ("Improvement actions from their recommendations", totals[0]),
        ("Actions completed", totals[1]),
        ("Actions overdue", totals[2]),
    ]
    from learningloop.learning.models import Stage

    stages = dict(Stage.choices)
    rows = [
        [
            r.activity.title,
            stages.get(r.stage, r.stage),
            r.recommendations,
            by_review.get(r.pk, {}).get("n", 0),
            by_review.get(r.pk, {}).get("done", 0),
            by_review.get(r.pk, {}).get("overdue", 0),
        ]
        for r in reviews
    ]
    return content(
        figures,
        [
            table(
                "Reviews in the year and their recommendations",
                ["Review", "Stage", "Recommendations", "Actions", "Completed", "Overdue"],
                rows,
                records=(0,),
            )
        ]
        if rows
        else [],
        empty="" if rows else "No rapid review or local review in the year.",
    )


def _coalesce(*names):
    from django.db.models.functions import Coalesce

    return Coalesce(*[F(n) for n in names])


# --- Learning disseminated --------------------------------------------------------------------------------


def dissemination(year: Year) -> dict:
    """Communications of learning delivered, requests to embed it and agencies' responses (the same counts
    the highlight report gives the Executive, over the year), with each agency's responses."""
    from learningloop.dissemination.models import (
        AgencyResponse,
        Communication,
        EmbeddingRequest,
        ResponseStatus,
    )

    done = Communication.objects.filter(done_on__gte=year.start, done_on__lte=year.end)
    reach = done.aggregate(attending=Sum("people_attending"), recipients=Sum("recipients"))
    by_method = list(done.values("method__name").annotate(n=Count("pk")).order_by("-n", "method__name"))
    requests = EmbeddingRequest.objects.to_embed().filter(
        sent_at__date__gte=year.start, sent_at__date__lte=year.end
    )
    responses = AgencyResponse.objects.filter(request__in=requests)
    rows = list(
        responses.values("agency__name", "agency__sector")
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(submitted_at__isnull=False)),
            accepted=Count("pk", filter=Q(status=ResponseStatus.ACCEPTED)),
        )
        .order_by("agency__name")
    )
    figures = [
        ("Communications of learning delivered", done.count()),
        ("People attending", reach["attending"] or 0),
        ("Recipients", reach["recipients"] or 0),
        ("Requests to agencies to embed learning", requests.count()),
        ("Agency responses received", sum(r["answered"] for r in rows)),
        ("Agency responses accepted", sum(r["accepted"] for r in rows)),
    ]
    tables, chart_specs = [], []
    if by_method:
        tables.append(
            table(
                "Communications by method",
                ["Method", "Delivered"],
                [[m["method__name"], m["n"]] for m in by_method],
            )
        )
    if rows:
        tables.append(
            table(
                "Agencies' responses to requests to embed learning",
                ["Agency", "Asked", "Responded", "Accepted"],
                [[r["agency__name"], r["asked"], r["answered"], r["accepted"]] for r in rows],
            )
        )
        chart_specs.append(_responses_chart(rows))
    return content(
        figures,
        tables,
        chart_specs,
        empty="" if figures[0][1] or rows else "No learning was disseminated in the year.",
    )


BARS = 15  # agencies on the responses chart; more are charted by sector (the table still names each agency)


def _responses_chart(rows) -> dict:
    """The share of requests each agency responded to; with more agencies than BARS (a large partnership has
    dozens), the share each sector's agencies responded to together, which a reader can take in."""
    from learningloop.partnership.models import Sector

    if len(rows) <= BARS:
        return {
            "kind": "bar",
            "title": "Share of requests each agency responded to",
            "categories": [r["agency__name"] for r in rows],
            "values": [contributions.percent(r["answered"], r["asked"]) for r in rows],
            "unit": "%",
        }
    sectors: dict = {}
    for r in rows:
        asked, answered = sectors.get(r["agency__sector"], (0, 0))
        sectors[r["agency__sector"]] = (asked + r["asked"], answered + r["answered"])
    names = dict(Sector.choices)
    found = sorted(sectors.items(), key=lambda item: names.get(item[0], item[0]))
    return {
        "kind": "bar",
        "title": "Share of requests each sector's agencies responded to",
        "categories": [names.get(sector, sector) for sector, _n in found],
        "values": [contributions.percent(answered, asked) for _sector, (asked, answered) in found],
        "unit": "%",
    }


# --- Impact on outcomes -----------------------------------------------------------------------------------


def _line_spec(curve) -> dict:
    from learningloop.performance.curves import band

    indicator = curve.indicator
    spec = {
        "kind": "line",
        "title": indicator.name,
        "periods": [p.label for p in curve.periods],
        "series": [["Partnership", [_f(v) for v in curve.partnership]]],
        "unit": "%" if indicator.suffix == "%" else indicator.suffix,
        "target": _f(indicator.target),
    }
    found = band(indicator)
    if found:
        spec["band"] = list(found)
    return spec


def impact(year: Year) -> dict:
    """The dataset's "is anyone better off?" indicators over the year: the latest value, its status against
    the target and the trend (performance.measures, through the indicator's curve), with each one's chart."""
    from learningloop.performance.models import Category

    better_off = [(i, c) for i, c in year.curves if i.category == Category.BETTER_OFF]
    rows, chart_specs = [], []
    for indicator, curve in better_off:
        latest = "No data" if curve.latest is None else f"{curve.latest}{indicator.suffix}"
        rows.append(
            [
                indicator.name,
                indicator.priority.name if indicator.priority_id else "None",
                latest,
                "None" if indicator.target is None else f"{indicator.target}{indicator.suffix}",
                curve.status.text,
                curve.trend.label,
            ]
        )
        if curve.periods:
            chart_specs.append(_line_spec(curve))
    counts: dict = {}
    for _i, curve in better_off:
        counts[curve.status.text] = counts.get(curve.status.text, 0) + 1
    figures = [("Is anyone better off? measures", len(better_off))] + sorted(counts.items())
    return content(
        figures,
        [
            table(
                "Is anyone better off?",
                ["Measure", "Priority", "Latest value", "Target", "Status", "Trend"],
                rows,
            )
        ]
        if rows
        else [],
        chart_specs,
        empty="" if rows else "The dataset has no \u201cis anyone better off?\u201d measure yet.",
    )


# --- Audits and Section 11 / 175 --------------------------------------------------------------------------


def assurance(year: Year) -> dict:
    """Multi-agency audits moderated or completed in the year with their grades, and the Section 11 and
    Section 175 self-assessment cycles due in the year: returns received, late, and the average score."""
    from learningloop.assurance.models import (
        Answer,
        Audit,
        Cycle,
        Grade,
        ModeratedGrade,
        SelfAssessmentReturn,
    )

    audits = list(
        Audit.objects.filter(
            Q(moderated_on__gte=year.start, moderated_on__lte=year.end)
            | Q(activity__completed_on__gte=year.start, activity__completed_on__lte=year.end)
        )
        .select_related("activity")
        .annotate(agency_count=Count("agencies", distinct=True))
        .order_by("moderated_on", "pk")
    )
    counted: dict = {}
    for row in (
        ModeratedGrade.objects.filter(case__audit__in=audits)
        .values("case__audit_id", "grade")
        .annotate(n=Count("pk"))
    ):
        counted[(row["case__audit_id"], row["grade"])] = row["n"]
    grades = {
        a.pk: [
            f"{label}: {counted[(a.pk, value)]}" for value, label in Grade.choices if (a.pk, value) in counted
        ]
        for a in audits
    }
    cycles = list(
        Cycle.objects.filter(due_on__gte=year.start, due_on__lte=year.end)
        .select_related("standard_set")
        .order_by("due_on", "pk")
    )
    cycle_rows, weakest = [], []
    for cycle in cycles:
        counts = SelfAssessmentReturn.objects.filter(cycle=cycle).counts(year.today)
        averages = Answer.objects.averages(cycle, by="standard__title")
        mean = sum(averages.values()) / len(averages) if averages else None
        # The findings: the standards agencies scored lowest (moderated scores where moderated).
        for title, score in sorted(averages.items(), key=lambda item: (item[1], item[0]))[:WEAKEST]:
            weakest.append([cycle.name, title, f"{score:.1f} of 3"])
        cycle_rows.append(
            [
                cycle.name,
                cycle.standard_set.get_kind_display(),
                counts["due"],
                counts["received"],
                counts["late"],
                "No scores" if mean is None else f"{mean:.1f} of 3",
            ]
        )
    figures = [
        ("Multi-agency audits", len(audits)),
        ("Self-assessment cycles due", len(cycles)),
        ("Self-assessment returns received", sum(r[3] for r in cycle_rows)),
        ("Returns late", sum(r[4] for r in cycle_rows)),
    ]
    tables = []
    if audits:
        tables.append(
            table(
                "Multi-agency audits",
                ["Audit", "Theme", "Agencies", "Status", "Moderated grades"],
                [
                    [
                        a.activity.title,
                        a.theme,
                        a.agency_count,
                        a.get_status_display(),
                        "; ".join(grades.get(a.pk, [])) or "None yet",
                    ]
                    for a in audits
                ],
                records=(0,),
            )
        )
    if cycle_rows:
        tables.append(
            table(
                "Section 11 and Section 175 self-assessments",
                ["Cycle", "Standards", "Returns due", "Received", "Late", "Average score"],
                cycle_rows,
                records=(0,),
            )
        )
    if weakest:
        tables.append(
            table("Standards scored lowest", ["Cycle", "Standard", "Average score"], weakest, records=(0,))
        )
    return content(
        figures, tables, empty="" if audits or cycles else "No audit or self-assessment in the year."
    )


WEAKEST = 3  # standards per cycle in "Standards scored lowest"


# --- Training ---------------------------------------------------------------------------------------------


def training(year: Year) -> dict:
    """Multi-agency training delivered in the year and its evaluation (workforce.measures.results_for: the
    same results the annual training review and the course pages give)."""
    from learningloop.workforce import measures
    from learningloop.workforce.models import TrainingSession

    results = measures.results_for(TrainingSession.objects.filter(date__gte=year.start, date__lte=year.end))
    figures = [
        ("Sessions delivered", results.sessions),
        ("Places", results.places),
        ("Places taken", results.booked),
        ("Fill rate", measures.percent(results.fill_rate)),
        ("Attended", results.attended),
        ("Non-attendance rate", measures.percent(results.non_attendance_rate)),
        (
            "Change in confidence (1 to 5 scale)",
            "No data" if results.confidence_change is None else f"{results.confidence_change:+.1f}",
        ),
        ("Follow-up evaluations", results.follow_ups),
        ("Share reporting a change in practice", measures.percent(results.practice_change_share)),
    ]
    return content(
        figures, empty="" if results.sessions else "No training session was delivered in the year."
    )


# --- Feedback from children and families ------------------------------------------------------------------


def feedback(year: Year) -> dict:
    """Complaints and compliments from children and young people, counted by the agencies for the quarters
    of the year, by theme."""
    from learningloop.assurance.models import FeedbackCount, FeedbackKind

    counts = FeedbackCount.objects.filter(period_start__gte=year.start, period_start__lte=year.end)
    totals = dict(counts.values("kind").annotate(n=Sum("count")).values_list("kind", "n"))
    themes = list(
        counts.values("theme__name")
        .annotate(
            complaints=Sum("count", filter=Q(kind=FeedbackKind.COMPLAINT)),
            compliments=Sum("count", filter=Q(kind=FeedbackKind.COMPLIMENT)),
        )
        .order_by(F("theme__name").asc(nulls_last=True))
    )
    figures = [
        ("Complaints", totals.get(FeedbackKind.COMPLAINT, 0)),
        ("Compliments", totals.get(FeedbackKind.COMPLIMENT, 0)),
        ("Agencies reporting", counts.values("agency").distinct().count()),
    ]
    rows = [[t["theme__name"] or "No theme", t["complaints"] or 0, t["compliments"] or 0] for t in themes]
    return content(
        figures,
        [table("Complaints and compliments by theme", ["Theme", "Complaints", "Compliments"], rows)]
        if rows
        else [],
        empty="" if rows else "No complaint or compliment was counted for the year.",
    )


def you_said_we_did(year: Year) -> dict:
    """How children, young people and families were heard in the year and what the partnership did about it:
    the surveys answered in the year (responses by survey) and the "You said, we did" entries whose action
    fell in the year. Only what staff wrote is shown, never a respondent's own words."""
    from learningloop.assurance.models import SurveyResponse, YouSaidWeDid

    start = timezone.make_aware(datetime.datetime.combine(year.start, datetime.time.min))  # local midnight
    end = timezone.make_aware(
        datetime.datetime.combine(year.end + datetime.timedelta(days=1), datetime.time.min)
    )
    surveys = list(
        SurveyResponse.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .values("survey__title")
        .annotate(n=Count("pk"))
        .order_by("survey__title")
    )
    entries = list(
        YouSaidWeDid.objects.filter(did_on__gte=year.start, did_on__lte=year.end).order_by("did_on", "pk")
    )
    figures = [
        ("Survey responses", sum(row["n"] for row in surveys)),
        ("Surveys answered", len(surveys)),
        ("You said, we did", len(entries)),
    ]
    tables = []
    if surveys:
        tables.append(
            table(
                "Responses by survey",
                ["Survey", "Responses"],
                [[r["survey__title"], r["n"]] for r in surveys],
            )
        )
    if entries:
        tables.append(
            table(
                "You said, we did",
                ["Who said it", "You said", "We did", "When"],
                [[e.get_heard_from_display(), e.said, e.did, f"{e.did_on:%-d %B %Y}"] for e in entries],
            )
        )
    return content(
        figures,
        tables,
        empty=""
        if tables
        else "No survey was answered and no \u201cYou said, we did\u201d was recorded in the year.",
    )


# --- The agency contribution scorecard --------------------------------------------------------------------


def scorecard(year: Year) -> dict:
    """Each agency's figures on the contribution scorecard (core.contributions: every area's own figure),
    counted up to the end of the year. Schools are one row for all of them together (a partnership has
    hundreds: each school's own figures are on the scorecard page), so the report's length does not grow with
    the schools."""
    from learningloop.partnership.models import Agency, StatutoryRole

    agencies = list(
        Agency.objects.filter(is_active=True)
        .exclude(statutory_role=StatutoryRole.BUSINESS_UNIT)
        .only("pk", "name", "is_school")
        .order_by("name")
    )
    ids = [a.pk for a in agencies]
    schools = [a.pk for a in agencies if a.is_school]
    shown = contributions.figures()
    day = min(year.end + datetime.timedelta(days=1), year.today)
    counts = {f.key: f.counts(ids, day) for f in shown}

    def cells(members):
        found = []
        for f in shown:
            met = of = 0
            for pk in members:
                one = counts[f.key].get(pk, (0, 0))
                met, of = met + one[0], of + one[1]
            found.append(f"{met} {f.unit_for(met)}" if f.unit else _percent(met, of))
        return found

    rows = [[a.name, *cells([a.pk])] for a in agencies if not a.is_school]
    if schools:
        rows.append([f"All schools ({len(schools)})", *cells(schools)])
    figures = [("Agencies", len(agencies) - len(schools))]
    if schools:
        figures.append(("Schools", len(schools)))
    caption = "Agency contribution scorecard" + (", all schools together in one row" if schools else "")
    return content(
        figures,
        [table(caption, ["Agency", *[f.label for f in shown]], rows)] if rows else [],
        empty="" if rows else "No agency is recorded.",
    )


# --- Little or no progress --------------------------------------------------------------------------------


def little_progress(year: Year) -> dict:
    """The partnership priorities with little or no evidence of progress: an indicator of the priority off
    target at the end of the year, or an improvement action from learning linked to it overdue."""
    from learningloop.improvement.models import Action
    from learningloop.learning.models import Priority
    from learningloop.performance.measures import OFF_TARGET

    off: dict = {}
    measured: dict = {}
    for indicator, curve in year.curves:
        if indicator.priority_id:
            measured[indicator.priority_id] = measured.get(indicator.priority_id, 0) + 1
            if curve.status.key == OFF_TARGET.key:
                off.setdefault(indicator.priority_id, []).append(indicator.name)
    # An action belongs to a priority through the learning it answers: the activity, one of its findings,
    # its case review, or a key message of a summary of that activity.
    overdue = Action.objects.overdue(year.as_at)
    late: dict = {}
    for path in (
        "plan__source_activity__priorities",
        "plan__source_finding__activity__priorities",
        "plan__source_review__activity__priorities",
        "plan__source_key_message__summary__activities__priorities",
    ):
        for priority_id, action_id in overdue.filter(**{f"{path}__isnull": False}).values_list(path, "pk"):
            late.setdefault(priority_id, set()).add(action_id)
    priorities = list(Priority.objects.filter(is_active=True).order_by("name"))
    for p in priorities:
        p.overdue = len(late.get(p.pk, ()))
    rows = [
        [
            p.name,
            ", ".join(off.get(p.pk, [])) or "None",
            f"{len(off.get(p.pk, []))} of {measured.get(p.pk, 0)}",
            p.overdue,
        ]
        for p in priorities
        if off.get(p.pk) or p.overdue
    ]
    return content(
        [("Priorities", len(priorities)), ("Priorities with little or no progress", len(rows))],
        [
            table(
                "Priorities with little or no progress",
                ["Priority", "Measures off target", "Off target (of measured)", "Actions overdue"],
                rows,
            )
        ]
        if rows
        else [],
        empty=""
        if rows
        else "Every priority's measures are on target or within tolerance and no action is overdue.",
    )


# --- The sections, in the report's order ------------------------------------------------------------------

for key, heading, order, build, above, below in (
    ("partners", "What the partners did and how effective the arrangements were", 10, partners_did,
     "What the partners did as a result of the arrangements", "How effective the arrangements were"),
    ("reviews", "Rapid reviews and local child safeguarding practice reviews", 20, case_reviews,
     "What the reviews looked at", "What came of their recommendations and the improvements that resulted"),
    ("dissemination", "Learning disseminated and agencies' responses", 30, dissemination,
     "How learning was shared", "What agencies did with it"),
    ("impact", "Impact on outcomes for children", 40, impact,
     "The difference the partners' work, including training, made", "What the measures tell us"),
    ("assurance", "Audits and Section 11 and Section 175 findings", 50, assurance,
     "What was audited and why", "What the audits and self-assessments found"),
    ("training", "Training and its evaluation", 60, training,
     "The training offered", "What the evaluation showed"),
    ("feedback", "Feedback from children and families and how it was used", 70, feedback,
     "How the partners sought feedback", "How it was used"),
    ("you_said", "You said, we did", 75, you_said_we_did,
     "How children, young people and families were heard", "What changed because of what they said"),
    ("scorecard", "Agency contribution scorecard", 80, scorecard,
     "How agencies contributed", "Where contribution needs to improve"),
    ("progress", "Priorities with little or no progress", 90, little_progress,
     "Analysis of the priorities with little or no evidence of progress", "What the partners will do"),
    ("next_year", "Priorities for next year", 100, None,
     "The partners' priorities for the coming year", "How progress will be measured"),
):  # fmt: skip
    register(Section(key, heading, order, build, above, below))
