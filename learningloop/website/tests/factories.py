"""Records the hub's tests publish: a local review with a finding and a theme, ready briefings, a group."""

import datetime

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.dissemination.models import BriefingStatus
from learningloop.dissemination.tests.factories_briefings import BriefingFactory
from learningloop.learning.models import ReviewDecision, Theme
from learningloop.learning.tests.factories_register import FindingFactory
from learningloop.learning.tests.factories_reviews import ChildDetailsFactory, make_review
from learningloop.website.publishing.services import publication_publish


def local_review(title="Local review: baby in a busy household", **fields):
    review = make_review(
        decision=ReviewDecision.LOCAL_REVIEW,
        decision_on=datetime.date(2025, 2, 3),
        **fields,
    )
    review.activity.title = title
    review.activity.description = "What the partnership learned about safe sleep advice."
    review.activity.save()
    finding = FindingFactory(
        activity=review.activity, text="Safe sleep advice was not repeated at each visit."
    )
    finding.themes.set([Theme.objects.get_or_create(name="Safe sleep")[0]])
    ChildDetailsFactory(review=review)
    return review


def ready_briefing(**fields):
    return BriefingFactory(status=BriefingStatus.READY, **fields)


def publisher():
    from learningloop.accounts.models import User

    existing = User.objects.filter(email="publisher@example.org").first()
    return existing or UserFactory(
        email="publisher@example.org", full_name="Pat Publisher", roles=[Role.PUBLISHER]
    )


def publish(kind_code, obj, by, **extra):
    return publication_publish(
        kind_code=kind_code,
        source_id=obj.pk,
        by=by,
        no_child=True,
        no_family_member=True,
        no_practitioner=True,
        **extra,
    )
