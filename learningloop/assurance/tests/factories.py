"""Factories for assurance records. A cycle is built through the service (as the business unit does), so
its register activity, returns and answers are the real ones."""

import datetime

from django.utils import timezone

from learningloop.assurance.models import Standard, StandardSet, StandardSetKind
from learningloop.assurance.selfassessment import services
from learningloop.partnership.tests.factories import LearningSourceTypeFactory

SOURCE_TYPES = services.SOURCE_TYPE_NAMES


def standard_set(kind=StandardSetKind.SECTION_11, titles=("Leadership", "Training", "Safer recruitment")):
    """A standard set with these standards (numbered from 1), and the register's source type for it."""
    LearningSourceTypeFactory(name=SOURCE_TYPES[kind])
    standard_set = StandardSet.objects.create(kind=kind, name=f"Standards {kind}")
    for position, title in enumerate(titles, start=1):
        Standard.objects.create(standard_set=standard_set, position=position, title=title)
    return standard_set


def cycle(standard_set, *, name="Section 11 2026", opens_days=-30, due_days=30):
    today = timezone.localdate()
    return services.cycle_create(
        standard_set=standard_set,
        name=name,
        frequency="annual",
        opens_on=today + datetime.timedelta(days=opens_days),
        due_on=today + datetime.timedelta(days=due_days),
    )


def contribution(agency, *, title="Internal review of neglect cases", status="draft"):
    from learningloop.assurance.models import AgencyContribution
    from learningloop.partnership.models import LearningSourceType

    source_type = LearningSourceType.objects.filter(name="Single-agency audit").first()
    if source_type is None:
        source_type = LearningSourceTypeFactory(name="Single-agency audit")
    return AgencyContribution.objects.create(
        agency=agency,
        source_type=source_type,
        title=title,
        happened_on=timezone.localdate() - datetime.timedelta(days=20),
        summary="Supervision was not recorded",
        objectives="Check supervision",
        outcomes="Half the files had no supervision note",
        action_plan="Monthly file audits",
        status=status,
    )
