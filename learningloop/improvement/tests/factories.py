"""Factories for improvement plans and actions."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from learningloop.improvement import models
from learningloop.partnership.tests.factories import AgencyFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActionPlan

    title = factory.Sequence(lambda n: f"Action plan {n:03d}")
    scope = models.PlanScope.MULTI_AGENCY
    source_meeting = "LDG meeting, 3 March 2026"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Action

    plan = factory.SubFactory(PlanFactory)
    description = factory.Sequence(lambda n: f"Improve practice, step {n:03d}")
    owner_agency = factory.SubFactory(AgencyFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))


class CompletedActionFactory(ActionFactory):
    status = models.ActionStatus.COMPLETED
    progress = 100
    completed_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActionEvidence

    action = factory.SubFactory(ActionFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="e1f2a3b4.pdf"))
    original_name = "Briefing action sheet.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
