"""The demo requests: responses in every status, overdue ones too; running it twice adds nothing."""

import pytest
from django.core.management import call_command

from learningloop.dissemination import demo_requests
from learningloop.dissemination.attention import response_status
from learningloop.dissemination.models import AgencyResponse, EmbeddingRequest
from learningloop.learning import demo_register, demo_reviews, demo_summaries

pytestmark = pytest.mark.django_db


def test_demo_requests_cover_every_status_and_are_idempotent():
    call_command("load_framework")
    call_command("seed_demo", "--force")
    for module in (demo_register, demo_reviews, demo_summaries):
        module.seed()
    demo_requests.seed()
    counts = (EmbeddingRequest.objects.count(), AgencyResponse.objects.count())
    assert counts[0] == len(demo_requests.REQUESTS)
    statuses = {response_status(r).key for r in AgencyResponse.objects.select_related("request")}
    assert statuses >= {"sent", "viewed", "draft", "submitted", "accepted", "more_information", "overdue"}
    assert demo_requests.seed() == 0
    assert (EmbeddingRequest.objects.count(), AgencyResponse.objects.count()) == counts
