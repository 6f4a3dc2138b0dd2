"""The large partnership's learning hub: what is ready is published through the service, with a check and
monthly counts, and the public pages stay within a fixed number of queries at that size."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from learningloop.dissemination.models import Briefing
from learningloop.website.models import MonthlyCount, Publication, PublicationCheck

pytestmark = pytest.mark.django_db


def test_the_large_partnership_publishes_what_is_ready(client, django_assert_max_num_queries):
    call_command("load_framework", stdout=io.StringIO())
    call_command("generate_large_partnership", "--years", "2", "--scale", "0.05", stdout=io.StringIO())
    ready = Briefing.objects.filter(status="ready").count()
    assert Publication.objects.filter(kind__in=["learning_briefing", "newsletter"]).count() == ready > 0
    assert PublicationCheck.objects.count() == Publication.objects.count()
    assert MonthlyCount.objects.exists()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("website:index")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("website:feed")).status_code == 200
