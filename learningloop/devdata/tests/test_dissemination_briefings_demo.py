"""The demo briefings: a ready 7-minute briefing and a draft newsletter item; a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from learningloop.devdata.demo import (
    dissemination_briefings,
    learning_register,
    learning_reviews,
    learning_summaries,
)
from learningloop.dissemination.models import Briefing, BriefingKind, BriefingStatus

pytestmark = pytest.mark.django_db


def _counts():
    return Briefing.objects.count(), Briefing.key_messages.through.objects.count()


def test_seed_adds_a_ready_briefing_and_a_draft_newsletter_item_once(bu_officer, group_chair):
    call_command("load_framework", stdout=io.StringIO())
    for module in (learning_register, learning_reviews, learning_summaries):
        module.seed(io.StringIO())
    assert dissemination_briefings.seed(io.StringIO()) == 2
    first = _counts()
    assert dissemination_briefings.seed(io.StringIO()) == 0
    assert _counts() == first
    seven = Briefing.objects.get(kind=BriefingKind.SEVEN_MINUTE)
    news = Briefing.objects.get(kind=BriefingKind.NEWSLETTER_ITEM)
    assert seven.status == BriefingStatus.READY and news.status == BriefingStatus.DRAFT
    assert seven.key_messages.exists() and news.key_messages.exists()
    assert "<p>" in seven.background and "how will we know" in seven.reflective_questions
    assert seven.created_by == bu_officer


def test_seed_without_summaries_is_skipped():
    out = io.StringIO()
    assert dissemination_briefings.seed(out) == 0
    assert "skipped" in out.getvalue()
