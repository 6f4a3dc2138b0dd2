"""Factories for Summaries of Learning, their key messages, and the activities and findings they draw on."""

import datetime

import factory

from learningloop.learning import models
from learningloop.learning.tests import factories_register as register_factories
from learningloop.partnership.tests.factories import GroupFactory, LearningSourceTypeFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LearningActivity

    title = factory.Sequence(lambda n: f"Multi-agency audit {n:03d}")
    source_type = factory.SubFactory(LearningSourceTypeFactory)
    description = "A fictional audit of neglect cases."
    started_on = datetime.date(2025, 4, 1)
    completed_on = datetime.date(2025, 6, 30)
    status = models.ActivityStatus.COMPLETED


class FindingFactory(register_factories.FindingFactory):
    """The register's finding (its activity's counts follow it), on a summary's kind of activity."""

    activity = factory.SubFactory(ActivityFactory)
    text = factory.Sequence(lambda n: f"Finding {n:03d}: chronologies were not shared between agencies")


class SummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SummaryOfLearning
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Summary {n:03d}")
    subgroup = factory.SubFactory(GroupFactory)
    activity_type = "Multi-agency audit"
    description = "Audit of ten neglect cases, April to June 2025."
    findings_summary = "Chronologies were not shared."
    status = models.SummaryStatus.DRAFT

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if create and extracted:
            self.activities.set(extracted)


class KeyMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.KeyMessage
        skip_postgeneration_save = True

    summary = factory.SubFactory(SummaryFactory)
    text = factory.Sequence(lambda n: f"Key message {n:03d}: share chronologies at the strategy discussion")
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def workforce_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.workforce_groups.set(extracted)
