"""The demo's evidence of impact from assurance and its "You said, we did": a key message evidenced by an
audit domain (Joint working: 1 of 3 cases good or better in the first neglect audit, 3 of 4 in the second)
and one by a survey question (feeling safe at school, 2024 against 2026); four entries linked to the demo
surveys and the complaints source, three of them on the public hub; a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from learningloop.assurance.models import AssuranceEvidence, YouSaidWeDid
from learningloop.learning.models import KeyMessage
from learningloop.reports.trail import with_loop_status
from learningloop.website.models import Publication, PublicationStatus

pytestmark = pytest.mark.django_db


def test_demo_evidence_and_you_said_we_did(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    audit = AssuranceEvidence.objects.get(kind="audit")
    assert (audit.baseline_favourable, audit.baseline_counted) == (1, 3)
    assert (audit.followup_favourable, audit.followup_counted, audit.desired) == (3, 4, True)
    survey = AssuranceEvidence.objects.get(kind="survey")
    assert survey.baseline_counted == 600 and survey.followup_counted == 1700
    assert survey.desired is True and survey.followup_share > survey.baseline_share
    evidenced = set(
        with_loop_status(KeyMessage.objects.all())
        .filter(loop_status="evidenced")
        .values_list("pk", flat=True)
    )
    assert {audit.key_message_id, survey.key_message_id} <= evidenced

    entries = YouSaidWeDid.objects.all()
    assert entries.count() == 4
    assert entries.filter(survey__slug="hrbq-2026", question__isnull=False).count() == 1
    assert entries.filter(survey__slug="families-early-help").count() == 1
    assert entries.filter(source_activity__source_type__name="Complaints and compliments").count() == 1
    assert all(e.key_messages.exists() for e in entries)
    live = Publication.objects.filter(kind="you_said_we_did", status=PublicationStatus.PUBLISHED)
    assert live.count() == 3

    # On the hub: what the business unit wrote, never a respondent's own free-text answer.
    from django.urls import reverse

    from learningloop.assurance.models import SurveyAnswer

    answers = set(SurveyAnswer.objects.exclude(text="").values_list("text", flat=True))
    assert answers
    for item in live:
        page = client.get(reverse("website:publication", kwargs={"slug": item.slug})).content.decode()
        assert item.title in page.replace("&#x27;", "'")
        assert not [a for a in answers if a in page]

    counts = (AssuranceEvidence.objects.count(), entries.count(), live.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (AssuranceEvidence.objects.count(), entries.count(), live.count()) == counts
