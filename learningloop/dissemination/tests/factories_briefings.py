"""Factories for learning briefings and newsletter items (fictional content only)."""

import factory

from learningloop.dissemination import models


class BriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Briefing
        skip_postgeneration_save = True

    kind = models.BriefingKind.SEVEN_MINUTE
    title = factory.Sequence(lambda n: f"7-minute briefing {n:03d}: sharing chronologies")
    background = "<p>A fictional audit of neglect cases found chronologies were not shared.</p>"
    what_to_do = "<ul><li>Share the chronology before the strategy discussion.</li></ul>"
    status = models.BriefingStatus.DRAFT

    @factory.post_generation
    def key_messages(self, create, extracted, **kwargs):
        if create and extracted:
            self.key_messages.set(extracted)
