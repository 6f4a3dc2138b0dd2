"""The learning trail index filters through the shared FilterSet: a valid filter narrows the rows, a junk
value is reported in the error summary while the list still shows."""

import pytest
from django.urls import reverse

from learningloop.core.tests.lists import assert_junk_reported, listed
from learningloop.learning.models import SummaryStatus
from learningloop.learning.tests.factories_summaries import KeyMessageFactory, SummaryFactory
from learningloop.partnership.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_trail_narrows_by_subgroup_and_junk_loop_status_is_reported(officer_client):
    audit = GroupFactory(name="Audit subgroup")
    KeyMessageFactory(
        text="Invite fathers to core groups",
        summary=SummaryFactory(status=SummaryStatus.ACCEPTED, subgroup=audit),
    )
    KeyMessageFactory(
        text="Share chronologies early",
        summary=SummaryFactory(status=SummaryStatus.ACCEPTED, subgroup=GroupFactory(name="Case review")),
    )
    texts = ["Invite fathers to core groups", "Share chronologies early"]
    url = reverse("reports:trail_index")
    assert listed(officer_client.get(url, {"subgroup": audit.pk}), texts) == [texts[0]]
    # Neither message has a plan yet: both are "identified", none "embedded".
    assert listed(officer_client.get(url, {"loop_status": "embedded"}), texts) == []
    response = officer_client.get(url, {"loop_status": "finished", "subgroup": audit.pk})
    assert_junk_reported(response, "Select a loop status from the list", "id_loop_status")
    assert listed(response, texts) == [texts[0]]


def test_a_key_message_trail_is_headed_by_the_message(officer_client):
    message = KeyMessageFactory(
        text="Invite fathers to core groups", summary=SummaryFactory(status=SummaryStatus.ACCEPTED)
    )
    body = officer_client.get(reverse("reports:key_message_trail", args=[message.pk])).content.decode()
    assert '<h1 class="govuk-heading-l" id="key-message-text">Invite fathers to core groups</h1>' in body
    assert "<title>Learning trail: Invite fathers to core groups – Learning Loop</title>" in body
