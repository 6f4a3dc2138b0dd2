"""Factories for dissemination plans and their tracked communications."""

import datetime

import factory
from django.utils import timezone

from learningloop.dissemination import models
from learningloop.dissemination.plans import services as services_plans
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.partnership.models import AudienceGroup, DisseminationMethod

# The four audience groups of Appendix C, as the framework preset loads them.
AUDIENCES = [
    ("Internal communications", "Partnership members"),
    ("Workforce communications", "Professionals working within partner organisations"),
    ("External communications", "Children, young people, parents and carers"),
    ("General communications", "The general public"),
]


def ensure_audiences():
    """The four audience groups (created when the preset has not been loaded)."""
    found = []
    for position, (name, description) in enumerate(AUDIENCES, start=1):
        audience = AudienceGroup.objects.filter(name__iexact=name).first()
        if audience is None:
            audience = AudienceGroup.objects.create(name=name, description=description, position=position)
        found.append(audience)
    return found


def ensure_method(name="Learning briefing"):
    method = DisseminationMethod.objects.filter(name__iexact=name).first()
    return method or DisseminationMethod.objects.create(name=name)


def accepted_summary(messages=2, **kwargs):
    summary = SummaryFactory(status=SummaryStatus.ACCEPTED, **kwargs)
    for position in range(messages):
        KeyMessageFactory(summary=summary, position=position)
    return summary


def make_plan(messages=2, **summary_kwargs):
    ensure_audiences()
    plan, _ = services_plans.plan_create_for_summary(summary=accepted_summary(messages, **summary_kwargs))
    return plan


def first_audience_plan(plan):
    return models.AudiencePlan.objects.filter(message_plan__plan=plan).order_by("pk").first()


class CommunicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Communication

    audience_plan = factory.LazyFunction(lambda: first_audience_plan(make_plan(1)))
    method = factory.LazyFunction(ensure_method)
    description = factory.Sequence(lambda n: f"Briefing {n:03d} at the practitioner forum")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    status = models.CommunicationStatus.PLANNED
