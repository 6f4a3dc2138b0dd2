"""Authorisation walk rules for the case review pages (merged by learning/tests/walk_rules.py)."""

from learningloop.core.tests.walk import Rule


def _review(objects):
    return {"pk": objects["case_review"].pk}


RULES = {
    "learning:review_list": Rule(get="review.view"),
    "learning:review_create": Rule(get="review.manage", post="review.manage"),
    "learning:review_conversions": Rule(get="review.view"),
    "learning:review_detail": Rule(get="review.view", kwargs=_review),
    "learning:review_edit": Rule(get="review.manage", post="review.manage", kwargs=_review),
    "learning:monitoring_entry_create": Rule(get="review.manage", post="review.manage", kwargs=_review),
    # Restricted: those not allowed get 404, so the page's existence is not revealed.
    "learning:child_details": Rule(
        get="restricted.view", post="restricted.view", kwargs=_review, denied_status=404
    ),
    "learning:statutory_deadlines": Rule(get="review.view"),
    "learning:deadline_rules": Rule(get="review.view"),
    "learning:deadline_rule_edit": Rule(
        get="review.manage", post="review.manage", kwargs=lambda objects: {"pk": objects["deadline_rule"].pk}
    ),
}
