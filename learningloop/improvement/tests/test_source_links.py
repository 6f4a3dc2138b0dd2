"""Learning pages link to creating an action plan from them, and the form arrives with the source chosen."""

import re

import pytest
from django.urls import reverse

from learningloop.learning.tests.factories_register import FindingFactory
from learningloop.learning.tests.factories_reviews import make_review

pytestmark = pytest.mark.django_db


def _follow_link(client, page_url, label):
    html = client.get(page_url).content.decode()
    match = re.search(r'href="([^"]*plans/new[^"]*)"[^>]*>\s*' + re.escape(label), html)
    assert match, f"no '{label}' link on {page_url}"
    return client.get(match.group(1).replace("&amp;", "&"))


def test_a_finding_offers_an_action_plan_from_it(officer_client):
    finding = FindingFactory(text="Chronologies were missing")
    form = _follow_link(
        officer_client,
        reverse("learning:finding_detail", args=[finding.pk]),
        "Create an action plan from this finding",
    )
    assert form.status_code == 200
    assert f'value="{finding.pk}" selected' in form.content.decode()


def test_a_case_review_offers_an_action_plan_from_it(officer_client):
    review = make_review(pseudonym="Child A")
    html = officer_client.get(reverse("learning:review_detail", args=[review.pk])).content.decode()
    assert f"source=review&amp;id={review.pk}" in html


def test_readers_are_not_offered_it(scrutineer_client):
    finding = FindingFactory()
    html = scrutineer_client.get(reverse("learning:finding_detail", args=[finding.pk])).content.decode()
    assert "Create an action plan" not in html
