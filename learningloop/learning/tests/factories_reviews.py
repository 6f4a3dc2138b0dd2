"""Factories for case reviews. Build reviews through `make_review` so milestones are in step."""

import datetime

import factory

from learningloop.learning.models import CaseReview, ChildDetails, LearningActivity, ReviewKind
from learningloop.learning.services import case_review_save
from learningloop.partnership.tests.factories import LearningSourceTypeFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningActivity

    title = factory.Sequence(lambda n: f"Serious incident review {n:03d}")
    source_type = factory.SubFactory(LearningSourceTypeFactory)


class CaseReviewFactory(factory.django.DjangoModelFactory):
    """A review saved directly; call case_review_save (or use make_review) to sync its milestones."""

    class Meta:
        model = CaseReview

    activity = factory.SubFactory(ActivityFactory)
    kind = ReviewKind.CHILD
    pseudonym = factory.Sequence(lambda n: f"Child {n:03d}")
    aware_on = datetime.date(2025, 1, 6)


class ChildDetailsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildDetails

    review = factory.SubFactory(CaseReviewFactory)
    child_name = "Test Child Zebedee-Quinton"
    date_of_birth = datetime.date(2015, 3, 14)
    address = "1 Imaginary Lane, Nowhere Town"
    case_reference = "CASE-TEST-0042"


def make_review(**fields) -> CaseReview:
    """A case review with its milestones computed by the real service."""
    activity = fields.pop("activity", None) or ActivityFactory()
    review = CaseReviewFactory.build(activity=activity, **fields)
    return case_review_save(review=review)
