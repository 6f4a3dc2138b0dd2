"""Records the authorisation walk needs for the case review pages' URLs that take an id."""

from learningloop.partnership.tests.factories import LearningSourceTypeFactory

from .factories_reviews import ChildDetailsFactory, make_review


def extend(objects):
    """Add records to the walk's objects dict (keys walk_rules_reviews.py kwargs use)."""
    review = make_review(pseudonym="Child W")
    ChildDetailsFactory(review=review)
    objects["case_review"] = review
    # "Add a review" files it under the framework's source type for its kind.
    LearningSourceTypeFactory(name="Rapid review")
