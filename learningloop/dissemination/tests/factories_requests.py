"""Factories for formal requests to agencies, their responses and evidence."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from learningloop.dissemination.models import (
    AgencyResponse,
    EmbeddingRequest,
    ResponseEvidence,
    ResponseStatus,
)
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.partnership.tests.factories import AgencyFactory


def accepted_key_message(**fields):
    return KeyMessageFactory(summary=SummaryFactory(status=SummaryStatus.ACCEPTED), **fields)


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmbeddingRequest
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Embedding chronologies {n:03d}")
    message = "Tell us how your agency will embed these key messages."
    due_working_days = 20
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=28))

    @factory.post_generation
    def key_messages(self, create, extracted, **kwargs):
        if create:
            self.key_messages.set(extracted if extracted is not None else [accepted_key_message()])


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyResponse

    request = factory.SubFactory(RequestFactory)
    agency = factory.SubFactory(AgencyFactory)
    status = ResponseStatus.SENT


def answered(**fields):
    """A response with all four answers, ready to submit."""
    return ResponseFactory(
        where_embedded="In the supervision policy",
        mechanisms="Audit of supervision records",
        evaluation="Re-audit of ten cases",
        evaluate_by=timezone.localdate() + datetime.timedelta(days=90),
        **fields,
    )


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponseEvidence

    response = factory.SubFactory(ResponseFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"Completed action sheet\n", name="sheet.txt"))
    original_name = "action-sheet.txt"
    content_type = "text/plain"
    size = 23
