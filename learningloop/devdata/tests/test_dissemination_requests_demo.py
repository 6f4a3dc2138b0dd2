"""The demo requests: responses in every status, overdue ones too; running it twice adds nothing."""

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import (
    dissemination_requests,
    learning_register,
    learning_reviews,
    learning_summaries,
)
from learningloop.dissemination.attention import response_status
from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest

pytestmark = pytest.mark.django_db


def test_demo_requests_cover_every_status_and_are_idempotent():
    call_command("load_framework")
    call_command("seed_demo", "--force")
    for module in (learning_register, learning_reviews, learning_summaries):
        module.seed()
    dissemination_requests.seed()
    counts = (EmbeddingRequest.objects.count(), AgencyResponse.objects.count())
    assert counts[0] == len(dissemination_requests.REQUESTS)
    statuses = {response_status(r).key for r in AgencyResponse.objects.select_related("request")}
    assert statuses >= {"sent", "viewed", "draft", "submitted", "accepted", "more_information", "overdue"}
    assert dissemination_requests.seed() == 0
    assert (EmbeddingRequest.objects.count(), AgencyResponse.objects.count()) == counts
