"""The demo's requests for information: Child A's rapid review chronologies (some in, one late) and the
LADO annual report, through the same request-and-response mechanism as the embedding requests."""

import pytest
from django.core.management import call_command

from learningloop.dissemination.attention import response_status
from learningloop.dissemination.models import EmbeddingRequest

pytestmark = pytest.mark.django_db


def test_the_demo_asks_for_chronologies_and_the_lado_report():
    call_command("load_framework")
    call_command("seed_demo", "--force")
    chronologies = EmbeddingRequest.objects.get(kind="information", case_review__pseudonym="Child A")
    assert chronologies.due_working_days == 5 and not chronologies.key_messages.exists()
    statuses = [response_status(r).key for r in chronologies.responses.select_related("request")]
    assert statuses.count("overdue") == 1
    assert sum(s in ("submitted", "accepted") for s in statuses) >= 2
    lado = EmbeddingRequest.objects.get(kind="information", title__startswith="LADO annual report")
    assert [r.agency.statutory_role for r in lado.responses.select_related("agency")] == ["local_authority"]
