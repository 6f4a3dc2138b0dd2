"""Records the authorisation walk needs for the case review pages' URLs that take an id."""

from learningloop.learning.models import DeadlineRule
from learningloop.partnership.tests.factories import LearningSourceTypeFactory

from .factories_reviews import ChildDetailsFactory, make_review


def extend(objects):
    """Add records to the walk's objects dict (keys walk_rules_reviews.py kwargs use)."""
    review = make_review(pseudonym="Child W")
    ChildDetailsFactory(review=review)
    objects["case_review"] = review
    objects["deadline_rule"] = DeadlineRule.objects.order_by("pk").first() or DeadlineRule.objects.create(
        code="walk-rule", review_kind="child", label="Walk rule", amount=5, unit="working_days",
        starts_from="aware_on", done_when="panel_notified_on",
    )  # fmt: skip
    # "Add a review" files it under the framework's source type for its kind.
    LearningSourceTypeFactory(name="Rapid review")
