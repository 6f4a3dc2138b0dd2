"""Demo case reviews at every stage of the statutory clock, dated relative to today so the deadlines page
always has something due and something overdue. Fictional content only: children appear as pseudonyms,
and the restricted details are obviously made up ("Test Child Alpha").

Safe to repeat: a review is matched by its activity's title and left alone if it exists."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.core.workdays import add_working_days
from learningloop.learning.models import (
    ActivityStatus,
    CaseReview,
    ChildDetails,
    LearningActivity,
    MonitoringEntry,
    ReviewKind,
)
from learningloop.learning.reviews.services import SOURCE_TYPE_FOR_KIND, case_review_create
from learningloop.learning.services import case_review_save
from learningloop.partnership.models import Group

LOCAL, NONE = "local_review", "no_local_review"


def _wd(base, n):
    return add_working_days(base, n)


def _reviews(today):
    """(title, kind, pseudonym, fields, child details or None, monitoring notes [(days ago, note)])."""
    d_aware = today - relativedelta(months=5)
    e_aware = today - relativedelta(months=14)
    e_decision = _wd(e_aware, 25)
    e_published = e_decision + relativedelta(months=5)
    f_aware = today - relativedelta(months=18)
    f_decision = _wd(f_aware, 22)
    f_published = f_decision + relativedelta(months=8)
    dhr_aware = today - relativedelta(months=3)
    return [
        (
            "Serious incident: infant injury (rapid review in progress)",
            ReviewKind.CHILD,
            "Child A",
            {"aware_on": _wd(today, -13), "panel_notified_on": _wd(today, -12)},
            ("Test Child Alpha", datetime.date(2025, 2, 1), "1 Example Street, Demo Town", "DEMO-0001"),
            [],
        ),
        (
            "Serious incident: adolescent exploitation (notification overdue)",
            ReviewKind.CHILD,
            "Child B",
            {"aware_on": _wd(today, -8)},
            ("Test Child Bravo", datetime.date(2010, 6, 15), "2 Example Street, Demo Town", "DEMO-0002"),
            [],
        ),
        (
            "Serious incident: neglect of a toddler (awaiting decision)",
            ReviewKind.CHILD,
            "Child C",
            {
                "aware_on": _wd(today, -30),
                "panel_notified_on": _wd(today, -28),
                "rapid_review_sent_on": _wd(today, -16),
            },
            None,
            [],
        ),
        (
            "Child safeguarding practice review: Child D",
            ReviewKind.CHILD,
            "Child D",
            {
                "aware_on": d_aware,
                "panel_notified_on": _wd(d_aware, 3),
                "rapid_review_sent_on": _wd(d_aware, 15),
                "panel_response_on": _wd(d_aware, 25),
                "panel_response": "The Panel agreed that a local review is appropriate.",
                "decision": LOCAL,
                "decision_on": _wd(d_aware, 16),
                "criteria_improvements": True,
                "criteria_multi_agency": True,
                "decision_rationale": "Agencies held information that was not shared; the learning is local.",
                "reviewer": "Independent reviewer (fictional)",
                "terms_of_reference_on": _wd(d_aware, 30),
                "planned_publication_on": today + relativedelta(months=2),
            },
            ("Test Child Delta", datetime.date(2019, 9, 9), "4 Example Street, Demo Town", "DEMO-0004"),
            [
                (90, "Terms of reference agreed; all agencies have named authors for their reports."),
                (45, "Agency reports received from four of five agencies; health report expected next week."),
                (10, "First draft shared with the Panel; practitioner event held and well attended."),
            ],
        ),
        (
            "Child safeguarding practice review: Child E (published)",
            ReviewKind.CHILD,
            "Child E",
            {
                "aware_on": e_aware,
                "panel_notified_on": _wd(e_aware, 2),
                "rapid_review_sent_on": _wd(e_aware, 14),
                "decision": LOCAL,
                "decision_on": e_decision,
                "criteria_recurrent_themes": True,
                "decision_rationale": "Recurrent themes of professional curiosity.",
                "reviewer": "Independent reviewer (fictional)",
                "terms_of_reference_on": _wd(e_decision, 10),
                "planned_publication_on": e_published,
                "sent_to_panel_on": _wd(e_published, -10),
                "published_on": e_published,
            },
            ("Test Child Echo", datetime.date(2016, 4, 4), "5 Example Street, Demo Town", "DEMO-0005"),
            [(200, "On track against the timetable; quality assured by the Panel chair.")],
        ),
        (
            "Child safeguarding practice review: Child F (published late)",
            ReviewKind.CHILD,
            "Child F",
            {
                "aware_on": f_aware,
                "panel_notified_on": _wd(f_aware, 4),
                "rapid_review_sent_on": _wd(f_aware, 18),
                "decision": LOCAL,
                "decision_on": f_decision,
                "criteria_multi_agency": True,
                "reviewer": "Independent reviewer (fictional)",
                "terms_of_reference_on": _wd(f_decision, 15),
                "planned_publication_on": f_published,
                "sent_to_panel_on": _wd(f_published, -3),
                "published_on": f_published,
                "delay_reasons": "A parallel criminal process deferred publication on police advice; "
                "the report then went to the Panel later than planned.",
            },
            None,
            [],
        ),
        (
            "Serious incident: head injury (no local review)",
            ReviewKind.CHILD,
            "Child G",
            {
                "aware_on": today - relativedelta(months=4),
                "panel_notified_on": _wd(today - relativedelta(months=4), 2),
                "rapid_review_sent_on": _wd(today - relativedelta(months=4), 13),
                "decision": NONE,
                "decision_on": _wd(today - relativedelta(months=4), 14),
                "decision_rationale": "The rapid review identified the learning; it will be taken forward "
                "through the multi-agency action plan.",
            },
            None,
            [],
        ),
        (
            "Safeguarding adult review: Adult H",
            ReviewKind.SAR,
            "Adult H",
            {"aware_on": today - relativedelta(months=2)},
            None,
            [],
        ),
        (
            "Domestic homicide review: Adult J",
            ReviewKind.DHR,
            "Adult J",
            {
                "aware_on": dhr_aware,
                "decision": LOCAL,
                "decision_on": dhr_aware + relativedelta(weeks=3),
                "reviewer": "Independent chair (fictional)",
            },
            None,
            [(30, "Panel meets monthly; agency chronologies received.")],
        ),
    ]


def _user_with(role):
    return User.objects.filter(roles__icontains=f'"{role}"', is_active=True).order_by("pk").first()


@transaction.atomic
def seed(stdout=None) -> int:
    """Add the demo case reviews that are missing; return how many were added."""
    panel = Group.objects.cspr_panel()
    if panel is not None and not panel.handles_case_reviews:
        panel.handles_case_reviews = True
        panel.save(update_fields=["handles_case_reviews"])
    from learningloop.partnership.models import LearningSourceType

    missing = [
        n for n in SOURCE_TYPE_FOR_KIND.values() if not LearningSourceType.objects.filter(name__iexact=n)
    ]
    if missing:
        if stdout:
            stdout.write(
                f"Case reviews: skipped, no source types {', '.join(missing)} (run load_framework first)"
            )
        return 0
    by = _user_with(Role.BU_OFFICER) or _user_with(Role.BU_ADMIN)
    today = timezone.localdate()
    added = 0
    for title, kind, pseudonym, fields, details, notes in _reviews(today):
        if CaseReview.objects.filter(activity__title=title).exists():
            continue
        review = case_review_create(
            kind=kind,
            title=title,
            pseudonym=pseudonym,
            aware_on=fields["aware_on"],
            owning_group=panel,
            by=by,
        )
        for name, value in fields.items():
            setattr(review, name, value)
        case_review_save(review=review)
        activity: LearningActivity = review.activity
        if review.published_on:
            activity.status, activity.completed_on = ActivityStatus.COMPLETED, review.published_on
        elif review.decision == NONE:
            activity.status, activity.completed_on = ActivityStatus.CLOSED, review.decision_on
        activity.save(update_fields=["status", "completed_on", "updated_at"])
        if details:
            name, dob, address, reference = details
            ChildDetails.objects.create(
                review=review, child_name=name, date_of_birth=dob, address=address, case_reference=reference
            )
        for days_ago, note in notes:
            MonitoringEntry.objects.create(
                review=review, entry_on=today - datetime.timedelta(days=days_ago), note=note, recorded_by=by
            )
        added += 1
    if stdout:
        stdout.write(f"Case reviews: {added} added")
    return added
