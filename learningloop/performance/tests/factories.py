"""Factories for the dataset."""

import datetime

import factory

from learningloop.performance import models
from learningloop.performance.periods import period_containing
from learningloop.performance.services import period_totals_update


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"ind{n:03d}")
    name = factory.Sequence(lambda n: f"Indicator {n:03d}")
    definition = "What it counts"
    unit = models.Unit.PERCENTAGE
    polarity = models.Polarity.HIGHER
    frequency = models.Frequency.MONTHLY
    category = models.Category.HOW_WELL
    numerator = "Done on time"
    denominator = "Done"
    target = 85
    tolerance = 5
    collect_from = datetime.date(2025, 4, 1)

    @factory.post_generation
    def providers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.providers.set(extracted)


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Submission

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = datetime.date(2025, 4, 1)
    period_end = factory.LazyAttribute(lambda o: period_containing(o.indicator.frequency, o.period_start).end)
    value = 80

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A value as the services leave it: saved, and its period's totals added up again (ADR 0040)."""
        submission = super()._create(model_class, *args, **kwargs)
        period_totals_update(indicator_ids=[submission.indicator_id], period_starts=[submission.period_start])
        return submission
