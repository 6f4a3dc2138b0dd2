"""Every deadline rule, computed with the working-day calendar across Christmas, Easter and one-off bank
holidays, and every status text the pages show."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from learningloop.core.deadlines import compute_due, deadline_status
from learningloop.learning.models import DeadlineRule, ReviewDecision, ReviewKind
from learningloop.learning.reviews.deadlines import milestone_status

from .factories_reviews import make_review

pytestmark = pytest.mark.django_db
D = datetime.date

# code: (start date, expected due date, why). Each was counted by hand on a calendar.
EXPECTED = {
    # Christmas 2022: Sunday Christmas Day, Boxing Day Monday 26th, substitute Christmas holiday Tuesday 27th.
    "child-notify-panel": (D(2022, 12, 21), D(2022, 12, 30), "22, 23, 28, 29, 30 December"),
    # Easter 2024: Good Friday 29 March and Easter Monday 1 April.
    "child-rapid-review": (D(2024, 3, 27), D(2024, 4, 19), "28 Mar, 2-5, 8-12, 15-19 Apr"),
    # Christmas 2026: Christmas Day Friday 25th, Boxing Day a Saturday so its substitute is Monday 28th, New
    # Year's Day Friday 1 January 2027. Notified Monday 21 December.
    "child-decision": (
        D(2026, 12, 21),
        D(2027, 1, 14),
        "22, 23, 24, 29, 30, 31 Dec, 4-8 Jan, 11-14 Jan",
    ),
    "child-local-review": (D(2024, 8, 31), D(2025, 2, 28), "six calendar months, end of a short month"),
    # Before the planned publication of 4 January 2023: New Year substitute Monday 2 January, and
    # Christmas 2022 (26 and 27 December) are skipped going backwards.
    "child-report-to-panel": (D(2023, 1, 4), D(2022, 12, 21), "3 Jan, 30, 29, 28, 23, 22, 21 Dec"),
    "sar-decision": (D(2023, 11, 30), D(2024, 2, 29), "three months, leap year"),
    "sar-complete": (D(2024, 1, 15), D(2024, 7, 15), "six months"),
    "dhr-decision": (D(2023, 1, 31), D(2023, 2, 28), "one month from the end of January"),
    "dhr-complete": (D(2023, 3, 1), D(2023, 9, 1), "six months"),
}


def test_every_rule_has_an_expected_date():
    assert set(DeadlineRule.objects.values_list("code", flat=True)) == set(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_rule_due_date(code):
    rule = DeadlineRule.objects.get(code=code)
    start, due, why = EXPECTED[code]
    assert compute_due(start, rule.amount, rule.unit, rule.direction) == due, why


@pytest.mark.parametrize(
    "aware, due, why",
    [
        (D(2023, 5, 4), D(2023, 5, 12), "Coronation bank holiday Monday 8 May 2023"),
        (D(2022, 6, 1), D(2022, 6, 10), "Platinum Jubilee: Thursday 2 and Friday 3 June 2022"),
        (D(2022, 9, 15), D(2022, 9, 23), "State Funeral of Queen Elizabeth II, Monday 19 September 2022"),
        (D(2024, 3, 27), D(2024, 4, 5), "Easter 2024"),
        (D(2022, 12, 24), D(2023, 1, 4), "a Saturday start over Christmas and New Year"),
    ],
)
def test_notification_deadline_on_a_review_skips_bank_holidays(aware, due, why):
    review = make_review(aware_on=aware)
    milestone = review.milestones.get(rule__code="child-notify-panel")
    assert milestone.due_on == due, why


def test_review_milestones_across_christmas_2022():
    review = make_review(aware_on=D(2022, 12, 21), panel_notified_on=D(2022, 12, 22))
    due = {m.rule.code: m.due_on for m in review.milestones.select_related("rule")}
    assert due["child-notify-panel"] == D(2022, 12, 30)
    # 15 working days after 22 Dec: 23, 28, 29, 30 Dec, 3-6 Jan (2 Jan is the New Year substitute), 9-13 Jan,
    # 16, 17 Jan.
    assert due["child-rapid-review"] == D(2023, 1, 17)


TODAY = D(2024, 4, 3)  # a Wednesday, two days after Easter Monday


@pytest.mark.parametrize(
    "due, done, state, text, colour",
    [
        (D(2024, 4, 10), None, "due", "Due in 5 working days", "blue"),
        (D(2024, 4, 4), None, "due", "Due in 1 working day", "blue"),
        (TODAY, None, "due_today", "Due today", "yellow"),
        # Overdue across Easter: due Thursday 28 March; 2 and 3 April are working days, 29 March and 1 April
        # are not.
        (D(2024, 3, 28), None, "overdue", "Overdue by 2 working days", "red"),
        (D(2024, 4, 2), None, "overdue", "Overdue by 1 working day", "red"),
        (D(2024, 3, 28), D(2024, 3, 27), "met", "Met on time", "green"),
        (D(2024, 3, 28), D(2024, 3, 28), "met", "Met on time", "green"),
        (D(2024, 3, 28), D(2024, 4, 2), "met_late", "Met late (1 working day late)", "orange"),
        (D(2024, 3, 27), D(2024, 4, 3), "met_late", "Met late (3 working days late)", "orange"),
        (None, None, "not_started", "Not started yet", "grey"),
    ],
)
def test_status_texts(due, done, state, text, colour):
    with time_machine.travel(datetime.datetime(2024, 4, 3, 10, 0), tick=False):
        review = make_review(aware_on=D(2024, 3, 1))
        milestone = review.milestones.first()
        milestone.due_on, milestone.done_on = due, done
        status = milestone_status(milestone)
    assert (status.state, status.text, status.tag_colour) == (state, text, colour)
    assert deadline_status(due, done, TODAY).text == text


def test_review_page_shows_each_status_with_today_fixed(persona_client):
    with time_machine.travel(datetime.datetime(2024, 4, 3, 10, 0), tick=False):
        overdue = make_review(pseudonym="Child O", aware_on=D(2024, 3, 20))  # notify due 27 March
        soon = make_review(pseudonym="Child S", aware_on=D(2024, 4, 2))  # notify due 9 April
        today = make_review(pseudonym="Child T", aware_on=D(2024, 3, 25))  # 26, 27, 28 Mar, 2, 3 Apr
        met = make_review(pseudonym="Child M", aware_on=D(2024, 3, 20), panel_notified_on=D(2024, 3, 22))
        late = make_review(pseudonym="Child L", aware_on=D(2024, 3, 20), panel_notified_on=D(2024, 4, 2))
        client = persona_client("read_only")
        texts = {
            r.pseudonym: client.get(reverse("learning:review_detail", args=[r.pk])).content.decode()
            for r in (overdue, soon, today, met, late)
        }
    assert "Overdue by 3 working days" in texts["Child O"]
    assert "Due in 4 working days" in texts["Child S"]
    assert "Due today" in texts["Child T"]
    assert "Met on time" in texts["Child M"]
    assert "Met late (2 working days late)" in texts["Child L"]
    assert "5 working days after the date the local authority became aware" in texts["Child O"]


def test_milestones_follow_the_review_through_every_stage():
    from learningloop.learning.models import Stage
    from learningloop.learning.reviews.presenters import stage_of
    from learningloop.learning.services import case_review_save

    review = make_review(aware_on=D(2025, 1, 6))
    codes = lambda: set(review.milestones.values_list("rule__code", flat=True))  # noqa: E731
    assert stage_of(review) == Stage.AWAITING_NOTIFICATION
    assert codes() == {"child-notify-panel", "child-rapid-review", "child-decision"}
    assert review.milestones.get(rule__code="child-rapid-review").due_on is None
    assert review.milestones.get(rule__code="child-decision").due_on is None

    review.panel_notified_on = D(2025, 1, 8)
    case_review_save(review=review)
    assert stage_of(review) == Stage.RAPID_REVIEW
    assert review.milestones.get(rule__code="child-notify-panel").done_on == D(2025, 1, 8)
    assert review.milestones.get(rule__code="child-rapid-review").due_on == D(2025, 1, 29)
    # The decision is due with the rapid review: 15 working days after notification on 8 January 2025.
    assert review.milestones.get(rule__code="child-decision").due_on == D(2025, 1, 29)

    review.rapid_review_sent_on = D(2025, 1, 27)
    case_review_save(review=review)
    assert stage_of(review) == Stage.DECISION

    review.decision, review.decision_on = ReviewDecision.LOCAL_REVIEW, D(2025, 2, 10)
    case_review_save(review=review)
    assert stage_of(review) == Stage.LOCAL_REVIEW
    assert review.milestones.get(rule__code="child-decision").done_on == D(2025, 2, 10)
    assert codes() == {
        "child-notify-panel",
        "child-rapid-review",
        "child-decision",
        "child-local-review",
        "child-report-to-panel",
    }
    assert review.milestones.get(rule__code="child-local-review").due_on == D(2025, 8, 10)

    review.planned_publication_on = D(2025, 8, 1)
    case_review_save(review=review)
    assert review.milestones.get(rule__code="child-report-to-panel").due_on == D(2025, 7, 23)

    # The decision changes: the local review's rules no longer apply and their milestones go.
    review.decision = ReviewDecision.NO_LOCAL_REVIEW
    case_review_save(review=review)
    assert stage_of(review) == Stage.CLOSED
    assert codes() == {"child-notify-panel", "child-rapid-review", "child-decision"}

    review.decision = ReviewDecision.LOCAL_REVIEW
    review.sent_to_panel_on, review.published_on = D(2025, 7, 22), D(2025, 8, 1)
    case_review_save(review=review)
    assert stage_of(review) == Stage.PUBLISHED
    states = {m.rule.code: milestone_status(m).state for m in review.milestones.select_related("rule")}
    # The decision on 10 February came after its due date, 29 January (with the rapid review).
    assert states.pop("child-decision") == "met_late"
    assert set(states.values()) == {"met"}


@pytest.mark.parametrize(
    "kind, codes", [(ReviewKind.SAR, {"sar-decision"}), (ReviewKind.DHR, {"dhr-decision"})]
)
def test_adult_and_homicide_reviews_use_their_own_rules(kind, codes):
    review = make_review(kind=kind, aware_on=D(2025, 1, 31))
    assert set(review.milestones.values_list("rule__code", flat=True)) == codes
