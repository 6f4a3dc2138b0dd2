"""Authorisation walk rules for the case review pages (merged by learning/tests/walk_rules.py)."""

import datetime

from learningloop.core.tests.walk import Rule, Valid


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


def _date(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


def _review_now(objects):
    review = objects["case_review"]
    review.refresh_from_db()
    return review


def _models():
    from learningloop.learning import models

    return models


# Valid bodies for the allowed POSTs, and the change each must make (read back from the database).
VALID = {
    "learning:review_create": Valid(
        data=lambda o: {
            "kind": "child",
            "title": "Walk serious incident",
            "pseudonym": "Child Walk",
            "owning_group": o["group"].pk,
            **_date("aware_on", datetime.date(2025, 3, 3)),
        },  # fmt: skip
        changed=lambda o: _models().CaseReview.objects.filter(pseudonym="Child Walk").exists(),
    ),
    "learning:review_edit": Valid(
        data=lambda o: {
            "pseudonym": "Child W renamed",
            "decision": _review_now(o).decision,
            "version": _review_now(o).version,
            **_date("aware_on", _review_now(o).aware_on),
        },  # fmt: skip
        changed=lambda o: _review_now(o).pseudonym == "Child W renamed",
    ),
    "learning:monitoring_entry_create": Valid(
        data=lambda o: {"note": "Walk: chronology received", **_date("entry_on", datetime.date(2025, 5, 1))},
        changed=lambda o: _review_now(o).monitoring_entries.filter(note="Walk: chronology received").exists(),
    ),
    "learning:child_details": Valid(
        data=lambda o: {
            "child_name": "Walk Child Renamed",
            "case_reference": "WALK-1",
            "version": _models().ChildDetails.objects.get(review=o["case_review"]).version,
        },
        changed=lambda o: (
            _models().ChildDetails.objects.get(review=o["case_review"]).child_name == "Walk Child Renamed"
        ),
    ),
}
