"""Factories for the learning register: activities, findings, documents, themes and priorities."""

import datetime

import factory
from django.core.files.base import ContentFile

from learningloop.learning import models
from learningloop.partnership.tests.factories import LearningSourceTypeFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Theme

    name = factory.Sequence(lambda n: f"Test theme {n:03d}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Priority

    name = factory.Sequence(lambda n: f"Test priority {n:03d}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LearningActivity

    title = factory.Sequence(lambda n: f"Learning activity {n:03d}")
    source_type = factory.SubFactory(LearningSourceTypeFactory)
    description = "A fictional activity for tests."
    started_on = datetime.date(2025, 1, 6)
    status = models.ActivityStatus.IN_PROGRESS


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Finding
        skip_postgeneration_save = True

    activity = factory.SubFactory(ActivityFactory)
    text = factory.Sequence(lambda n: f"Finding number {n:03d} about practice.")
    kind = models.FindingKind.IMPROVEMENT

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saved as the register's services save a finding: its activity's counts follow (ADR 0047)."""
        finding = super()._create(model_class, *args, **kwargs)
        models.LearningActivity.objects.filter(pk=finding.activity_id).finding_counts_update()
        return finding


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActivityDocument

    activity = factory.SubFactory(ActivityFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="a1b2c3d4.pdf"))
    original_name = "Inspection report.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
