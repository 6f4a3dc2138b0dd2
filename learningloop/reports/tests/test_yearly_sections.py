"""Each section of the yearly report from a small reporting year built by hand: 1 April 2025 to 31 March 2026,
with records just outside it that must not count. The expected figures are counted by hand from the records
below, never from the code under test."""

import datetime

import pytest

from learningloop.reports.yearly import sections

pytestmark = pytest.mark.django_db

D = datetime.date
START, END = D(2025, 4, 1), D(2026, 3, 31)


def _year():
    return sections.Year(START, END, today=D(2026, 12, 1))


def figures(content):
    return dict(content["figures"])


def test_what_the_partners_did_counts_the_meetings_and_events_of_the_year(
    partnership, home_agency, other_agency
):
    from learningloop.governance.models import EventAttendance, LearningEvent
    from learningloop.governance.tests.factories import make_meeting
    from learningloop.partnership.tests.factories import GroupFactory

    executive, ldg = GroupFactory(name="Executive Group"), GroupFactory(name="Learning and Development Group")
    make_meeting(executive, D(2025, 5, 10), quorate=True)
    make_meeting(executive, D(2025, 9, 10), quorate=False)
    make_meeting(ldg, D(2025, 6, 1))
    make_meeting(ldg, D(2025, 7, 1), status="cancelled", cancelled_reason="Snow")  # cancelled: not held
    make_meeting(executive, D(2026, 4, 2), quorate=True)  # the next year
    event = LearningEvent.objects.create(title="Neglect conference", held_on=D(2025, 10, 3))
    EventAttendance.objects.create(event=event, agency=home_agency, attendees=12)
    EventAttendance.objects.create(event=event, agency=other_agency, attendees=8)
    LearningEvent.objects.create(title="Last year's webinar", held_on=D(2025, 3, 31))

    found = sections.partners_did(_year())

    assert figures(found)["Meetings held"] == 3
    assert figures(found)["Learning events held"] == 1
    assert figures(found)["People attending learning events"] == 20
    assert found["tables"][0]["rows"] == [
        ["Executive Group", "2", "1 of 2"],
        ["Learning and Development Group", "1", "0 of 0"],
    ]


def test_reviews_in_the_year_and_what_came_of_their_recommendations(partnership, home_agency):
    from learningloop.improvement.models import ActionStatus
    from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
    from learningloop.learning.models import FindingKind
    from learningloop.learning.tests.factories_register import FindingFactory
    from learningloop.learning.tests.factories_reviews import ActivityFactory, make_review

    child_a = make_review(
        activity=ActivityFactory(title="Review of Child A's case"),
        aware_on=D(2025, 5, 1),
        panel_notified_on=D(2025, 5, 2),
        rapid_review_sent_on=D(2025, 6, 20),
        decision="local_review",
        decision_on=D(2025, 7, 15),
    )
    first = FindingFactory(
        activity=child_a.activity, kind=FindingKind.IMPROVEMENT, recommendations="Share plans"
    )
    FindingFactory(activity=child_a.activity, kind=FindingKind.IMPROVEMENT, recommendations="Train staff")
    FindingFactory(activity=child_a.activity, kind=FindingKind.STRENGTH, recommendations="")
    plan = PlanFactory(source_meeting="", source_review=child_a)
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=D(2025, 12, 1), status=ActionStatus.COMPLETED,
                  completed_on=D(2025, 11, 20))  # fmt: skip
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=D(2026, 1, 10))  # open past its date: overdue
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=D(2026, 6, 1))  # due after the year
    from_finding = PlanFactory(source_meeting="", source_finding=first)
    ActionFactory(plan=from_finding, owner_agency=home_agency, due_on=D(2026, 2, 1),
                  status=ActionStatus.COMPLETED, completed_on=D(2026, 1, 30))  # fmt: skip
    make_review(  # published in the year; its rapid review was the year before
        activity=ActivityFactory(title="Review of Child B's case"),
        aware_on=D(2024, 10, 1),
        rapid_review_sent_on=D(2024, 12, 1),
        decision="local_review",
        decision_on=D(2025, 1, 10),
        published_on=D(2025, 11, 1),
    )
    make_review(activity=ActivityFactory(title="Older review"), aware_on=D(2024, 4, 1),
                rapid_review_sent_on=D(2024, 5, 1))  # fmt: skip

    found = sections.case_reviews(_year())

    assert figures(found) == {
        "Rapid reviews sent to the national Panel": 1,
        "Decisions to hold a local review": 1,
        "Local reviews published": 1,
        "Improvement actions from their recommendations": 4,
        "Actions completed": 2,
        "Actions overdue": 1,
    }
    assert found["tables"][0]["rows"] == [
        ["Review of Child B's case", "Published", "0", "0", "0", "0"],
        ["Review of Child A's case", "Local review in progress", "2", "4", "2", "1"],
    ]


def test_learning_disseminated_and_agencies_responses(partnership, home_agency, other_agency):
    from learningloop.dissemination.models import CommunicationStatus, ResponseStatus
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory

    done = {"status": CommunicationStatus.DONE}
    CommunicationFactory(**done, done_on=D(2025, 6, 1), due_on=D(2025, 6, 1), people_attending=30)
    CommunicationFactory(**done, done_on=D(2026, 3, 31), due_on=D(2026, 3, 31), recipients=200)
    CommunicationFactory(
        **done, done_on=D(2026, 4, 1), due_on=D(2026, 4, 1), people_attending=99
    )  # next year
    sent = datetime.datetime(2025, 9, 1, 10, tzinfo=datetime.UTC)
    request = RequestFactory(sent_at=sent, due_on=D(2025, 10, 1))
    ResponseFactory(request=request, agency=home_agency, status=ResponseStatus.ACCEPTED, submitted_at=sent)
    ResponseFactory(request=request, agency=other_agency, status=ResponseStatus.SENT)
    RequestFactory(sent_at=datetime.datetime(2025, 3, 1, 10, tzinfo=datetime.UTC), due_on=D(2025, 4, 1))
    # A request for information (chronologies) shares the request model but embeds no learning: not counted.
    asked = RequestFactory(sent_at=sent, due_on=D(2025, 9, 8), kind="information", key_messages=[])
    ResponseFactory(request=asked, agency=home_agency, status=ResponseStatus.ACCEPTED, submitted_at=sent)

    found = sections.dissemination(_year())

    assert figures(found) == {
        "Communications of learning delivered": 2,
        "People attending": 30,
        "Recipients": 200,
        "Requests to agencies to embed learning": 1,
        "Agency responses received": 1,
        "Agency responses accepted": 1,
    }
    assert found["tables"][-1]["rows"] == [
        ["Northshire Hospitals NHS Trust", "1", "0", "0"],
        ["Northshire Police", "1", "1", "1"],
    ]
    assert found["charts"][0]["values"] == [0, 100]


def test_with_many_agencies_the_responses_chart_is_by_sector(partnership):
    """Sixteen agencies (more than a chart of bars can show readably): the chart pools them by sector; the
    table still names each agency."""
    from learningloop.dissemination.models import ResponseStatus
    from learningloop.dissemination.tests.factories_requests import RequestFactory, ResponseFactory
    from learningloop.partnership.tests.factories import AgencyFactory

    sent = datetime.datetime(2025, 9, 1, 10, tzinfo=datetime.UTC)
    request = RequestFactory(sent_at=sent, due_on=D(2025, 10, 1))
    # Health: 10 trusts, 4 responded → 40%. Voluntary: 6 groups, 3 responded → 50%.
    for n in range(10):
        agency = AgencyFactory(name=f"Trust {n:02}", sector="health")
        answered = {"status": ResponseStatus.ACCEPTED, "submitted_at": sent} if n < 4 else {}
        ResponseFactory(request=request, agency=agency, **answered)
    for n in range(6):
        agency = AgencyFactory(name=f"Group {n:02}", sector="voluntary")
        answered = {"status": ResponseStatus.ACCEPTED, "submitted_at": sent} if n < 3 else {}
        ResponseFactory(request=request, agency=agency, **answered)

    found = sections.dissemination(_year())

    assert len(found["tables"][-1]["rows"]) == 16
    (chart,) = found["charts"]
    assert chart["title"] == "Share of requests each sector's agencies responded to"
    assert chart["categories"] == ["Health", "Voluntary and community"]
    assert chart["values"] == [40, 50]


def test_impact_shows_the_better_off_measures_with_status_trend_and_chart(partnership, home_agency):
    from learningloop.performance.models import Category, Frequency
    from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

    better = IndicatorFactory(
        name="Children safe at home a year on",
        category=Category.BETTER_OFF,
        frequency=Frequency.QUARTERLY,
        target=80,
        tolerance=5,
        providers=[home_agency],
    )
    for start, value in ((D(2025, 4, 1), 70), (D(2025, 7, 1), 76), (D(2025, 10, 1), 82), (D(2026, 4, 1), 40)):
        SubmissionFactory(indicator=better, agency=home_agency, period_start=start, value=value)
    IndicatorFactory(name="Referrals counted", category=Category.HOW_MUCH)  # not a better-off measure

    found = sections.impact(_year())

    assert found["tables"][0]["rows"] == [
        ["Children safe at home a year on", "None", "82.00%", "80.00%", "On target", "Improving"]
    ]
    chart = found["charts"][0]
    assert chart["periods"] == ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26"]
    assert chart["series"] == [["Partnership", [70.0, 76.0, 82.0]]]  # the April 2026 value is the next year
    assert "Children safe at home a year on" in sections.draw(chart).text


def test_training_and_its_evaluation(partnership, home_agency):
    from learningloop.workforce.models import Attendance
    from learningloop.workforce.tests.factories import BookingFactory, SessionFactory

    session = SessionFactory(date=D(2025, 11, 5), capacity=10)
    for attendance in (
        Attendance.ATTENDED,
        Attendance.ATTENDED,
        Attendance.ATTENDED,
        Attendance.DID_NOT_ATTEND,
    ):
        BookingFactory(session=session, attendance=attendance)
    SessionFactory(date=D(2026, 4, 5), capacity=30)  # the next year

    found = figures(sections.training(_year()))

    assert found["Sessions delivered"] == 1
    assert found["Places"] == 10
    assert found["Places taken"] == 4
    assert found["Attended"] == 3
    assert found["Fill rate"] == "40%"
    assert found["Non-attendance rate"] == "25%"


def test_feedback_from_children_and_families_by_theme(partnership, home_agency, other_agency):
    from learningloop.assurance.models import FeedbackCount
    from learningloop.learning.tests.factories_register import ActivityFactory, ThemeFactory

    activity, theme = ActivityFactory(), ThemeFactory(name="Being listened to")
    for agency, start, kind, count, on in (
        (home_agency, D(2025, 4, 1), "complaint", 3, theme),
        (other_agency, D(2026, 1, 1), "complaint", 2, theme),
        (other_agency, D(2025, 7, 1), "compliment", 7, None),
        (home_agency, D(2026, 4, 1), "complaint", 50, theme),  # the next year
    ):
        FeedbackCount.objects.create(agency=agency, period_start=start, kind=kind, count=count, theme=on,
                                     activity=activity)  # fmt: skip

    found = sections.feedback(_year())

    assert figures(found) == {"Complaints": 5, "Compliments": 7, "Agencies reporting": 2}
    assert found["tables"][0]["rows"] == [["Being listened to", "5", "0"], ["No theme", "0", "7"]]


def test_you_said_we_did_and_the_surveys_answered_in_the_year(partnership):
    from learningloop.assurance.models import Survey, SurveyResponse, YouSaidWeDid

    first = Survey.objects.create(title="Health-related behaviour questionnaire", slug="hrbq",
                                  audience="children", answered_by="import")  # fmt: skip
    second = Survey.objects.create(title="Families' views", slug="families", audience="families",
                                   answered_by="public")  # fmt: skip
    london = datetime.timezone(datetime.timedelta(hours=1))  # British Summer Time
    for survey, moment in (
        (
            first,
            datetime.datetime(2025, 4, 1, 0, 30, tzinfo=london),
        ),  # just after the year began (local time)
        (first, datetime.datetime(2025, 11, 5, 12, 0, tzinfo=datetime.UTC)),
        (second, datetime.datetime(2026, 3, 31, 22, 0, tzinfo=datetime.UTC)),  # 10 pm, the last day
        (second, datetime.datetime(2026, 4, 1, 9, 0, tzinfo=london)),  # the next year
        (first, datetime.datetime(2025, 3, 31, 23, 30, tzinfo=london)),  # the year before, local time
    ):
        SurveyResponse.objects.create(survey=survey, submitted_at=moment, channel="import")
    for title, said, did, on in (
        (
            "Somewhere to talk",
            "There is nobody to talk to at school",
            "Drop-in sessions in every secondary school",
            D(2025, 9, 1),
        ),
        (
            "Waiting",
            "Waiting for a worker takes too long",
            "A duty worker calls back the same day",
            D(2026, 4, 2),
        ),  # the next year
    ):
        YouSaidWeDid.objects.create(title=title, heard_from="children", said=said, did=did, did_on=on)

    found = sections.you_said_we_did(_year())

    assert figures(found) == {"Survey responses": 3, "Surveys answered": 2, "You said, we did": 1}
    assert found["tables"][0]["rows"] == [
        ["Families' views", "1"],
        ["Health-related behaviour questionnaire", "2"],
    ]
    assert found["tables"][1]["rows"] == [
        ["Children and young people", "There is nobody to talk to at school",
         "Drop-in sessions in every secondary school", "1 September 2025"],
    ]  # fmt: skip


def test_priorities_with_little_or_no_progress(partnership, home_agency):
    from learningloop.improvement.tests.factories import ActionFactory, PlanFactory
    from learningloop.learning.tests.factories_register import ActivityFactory, PriorityFactory
    from learningloop.performance.models import Frequency
    from learningloop.performance.tests.factories import IndicatorFactory, SubmissionFactory

    neglect, exploitation, voice = (PriorityFactory(name=n) for n in ("Neglect", "Exploitation", "Voice"))
    off = IndicatorFactory(
        name="Neglect plans reviewed on time",
        priority=neglect,
        frequency=Frequency.QUARTERLY,
        target=90,
        tolerance=5,
    )
    SubmissionFactory(indicator=off, agency=home_agency, period_start=D(2025, 10, 1), value=60)
    on = IndicatorFactory(name="Voice recorded", priority=voice, frequency=Frequency.QUARTERLY, target=50)
    SubmissionFactory(indicator=on, agency=home_agency, period_start=D(2025, 10, 1), value=75)
    activity = ActivityFactory()
    activity.priorities.add(exploitation)
    plan = PlanFactory(source_meeting="", source_activity=activity)
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=D(2026, 2, 1))  # open and overdue at year end
    ActionFactory(plan=plan, owner_agency=home_agency, due_on=D(2026, 5, 1))  # not yet due at year end

    found = sections.little_progress(_year())

    assert figures(found) == {"Priorities": 3, "Priorities with little or no progress": 2}
    assert found["tables"][0]["rows"] == [
        ["Exploitation", "None", "0 of 0", "1"],
        ["Neglect", "Neglect plans reviewed on time", "1 of 1", "0"],
    ]


def test_the_scorecard_has_a_row_per_agency_and_a_column_per_figure(partnership, business_unit, home_agency):
    from learningloop.core import contributions

    found = sections.scorecard(_year())

    table = found["tables"][0]
    assert table["headers"] == ["Agency", *[f.label for f in contributions.figures()]]
    assert [row[0] for row in table["rows"]] == ["Northshire Police"]  # not the business unit


def test_the_scorecard_puts_all_schools_together_in_one_row(partnership, business_unit, home_agency):
    """A partnership has hundreds of schools: the report gives them one row, their actions pooled (each
    school's own figures are on the scorecard page), so the report does not grow with the schools."""
    from learningloop.improvement.tests.factories import ActionFactory
    from learningloop.partnership.tests.factories import AgencyFactory

    oak = AgencyFactory(name="Oak Primary", is_school=True)
    ash = AgencyFactory(name="Ash Academy", is_school=True)
    # Due in the year, counted to 1 April 2026: Oak completed 1 of its 2 on time, Ash its 1 → 2 of 3 = 67%.
    ActionFactory(owner_agency=oak, due_on=D(2025, 6, 30), completed_on=D(2025, 6, 20), status="completed")
    ActionFactory(owner_agency=oak, due_on=D(2025, 9, 30))
    ActionFactory(owner_agency=ash, due_on=D(2025, 12, 31), completed_on=D(2025, 12, 1), status="completed")

    found = sections.scorecard(_year())

    table = found["tables"][0]
    assert [row[0] for row in table["rows"]] == ["Northshire Police", "All schools (2)"]
    column = table["headers"].index("Actions completed on time")
    assert table["rows"][1][column] == "67%"
    assert figures(found) == {"Agencies": 1, "Schools": 2}
    assert "all schools together" in table["caption"]


def test_the_sections_are_a_registry_in_the_report_order():
    keys = [s.key for s in sections.sections()]
    assert keys == ["partners", "reviews", "dissemination", "impact", "assurance", "training", "feedback",
                    "you_said", "scorecard", "progress", "next_year"]  # fmt: skip
    assert sections.SECTIONS["next_year"].build is None  # text only


def test_audits_and_section_11_findings(partnership, home_agency, other_agency):
    from learningloop.assurance.models import Answer, AuditDomain, ModeratedGrade, SelfAssessmentReturn
    from learningloop.assurance.selfassessment.services import cycle_create
    from learningloop.assurance.tests.factories import standard_set
    from learningloop.assurance.tests.factories_audits import audit

    made = audit(agencies=[home_agency, other_agency], title="Neglect audit", theme="Neglect")
    type(made).objects.filter(pk=made.pk).update(moderated_on=D(2025, 11, 20), status="moderated")
    domain = AuditDomain.objects.filter(audit=made).first() or AuditDomain.objects.create(
        audit=made, name="Plans"
    )
    first, second = made.cases.order_by("pk")
    ModeratedGrade.objects.create(case=first, domain=domain, grade="good")
    ModeratedGrade.objects.create(case=second, domain=domain, grade="requires_improvement")
    later = audit(agencies=[home_agency], title="Exploitation audit", theme="Exploitation")
    type(later).objects.filter(pk=later.pk).update(moderated_on=D(2026, 5, 1))  # the next year

    cycle = cycle_create(standard_set=standard_set(), name="Section 11 2025-26", frequency="annual",
                         opens_on=D(2026, 1, 5), due_on=D(2026, 3, 13))  # fmt: skip
    scores = {
        home_agency: {"Leadership": (3, None), "Training": (1, None), "Safer recruitment": (2, None)},
        other_agency: {"Leadership": (2, None), "Training": (2, 0), "Safer recruitment": (2, None)},
    }
    for agency, by_title in scores.items():
        for title, (score, moderated) in by_title.items():
            Answer.objects.filter(ret__cycle=cycle, ret__agency=agency, standard__title=title).update(
                score=score, moderated_score=moderated
            )
    SelfAssessmentReturn.objects.filter(cycle=cycle, agency=home_agency).update(
        status="submitted", submitted_on=D(2026, 3, 10)
    )

    found = sections.assurance(_year())

    assert figures(found) == {
        "Multi-agency audits": 1,
        "Self-assessment cycles due": 1,
        "Self-assessment returns received": 1,
        "Returns late": 1,  # the health trust's, still open after its due date
    }
    audits, cycles, weakest = found["tables"]
    assert audits["rows"] == [
        ["Neglect audit", "Neglect", "2", "Moderated", "Good: 1; Requires improvement: 1"]
    ]
    assert cycles["rows"] == [
        ["Section 11 2025-26", "Section 11 (Children Act 2004)", "2", "1", "1", "1.7 of 3"]
    ]
    assert weakest["rows"] == [
        ["Section 11 2025-26", "Training", "0.5 of 3"],  # (1 + moderated 0) / 2
        ["Section 11 2025-26", "Safer recruitment", "2.0 of 3"],
        ["Section 11 2025-26", "Leadership", "2.5 of 3"],
    ]
