"""Recurrence through a real browser: a finding's suggestions of earlier findings in their empty and filled
states, a chair's "same issue" mark, the recurring-themes count, and a theme's terms and phrases with the
error state. Each page is checked with axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from learningloop.learning.models import Finding, FindingKind, LearningActivity, RecurrenceMark, Theme
from learningloop.partnership.models import LearningSourceType

from .helpers import axe_check, expect_banner, expect_error_state, expect_saved_without_errors
from .test_learning_journeys import admin, framework  # noqa: F401 - the signed-in administrator fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _finding(title, text, *, days_ago=0, themes=()):
    activity = LearningActivity.objects.create(
        title=title, source_type=LearningSourceType.objects.get(name="Multi-agency audit")
    )
    finding = Finding.objects.create(
        activity=activity, text=text, kind=FindingKind.IMPROVEMENT,
        created_at=timezone.now() - datetime.timedelta(days=days_ago),
    )  # fmt: skip
    finding.themes.set(Theme.objects.filter(name__in=themes))
    return finding


def _go(page, live_server, path, what):
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == 200, f"{what}: HTTP {response.status} at {path}"
    axe_check(page, what)


def test_suggestions_reasons_and_a_same_issue_mark(page, live_server, admin):  # noqa: F811
    alone = _finding("Audit with nothing before it", "Bananas were delivered late to the canteen")
    _go(page, live_server, f"/learning/findings/{alone.pk}/", "finding without earlier findings")
    expect(page.locator("main")).to_contain_text("No earlier findings share these themes or read alike")

    text = "Signs of child sexual exploitation were missed by the school"
    earlier = _finding("Exploitation audit (2021)", text, days_ago=900)
    later = _finding("Exploitation audit (2025)", "CSE indicators were not acted on by staff")
    _go(page, live_server, f"/learning/findings/{later.pk}/", "finding with a suggestion and its reasons")
    table = page.locator("main table")
    expect(table).to_contain_text("Exploitation audit (2021)")
    expect(table).to_contain_text("Same theme in other words: Exploitation")
    page.get_by_role("button", name="Same issue").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Suggestion marked same issue")
    expect(table).to_contain_text("Marked same issue")
    axe_check(page, "finding with a marked suggestion")
    assert RecurrenceMark.objects.filter(finding=later, earlier=earlier, verdict="same_issue").exists()
    _go(page, live_server, "/learning/themes/recurrence/", "recurring themes with a confirmed recurrence")
    expect(page.locator("main")).to_contain_text("1 confirmed so far")


def test_a_themes_terms_and_phrases_with_the_error_state(page, live_server, admin):  # noqa: F811
    theme = Theme.objects.get(name="Domestic abuse")
    _go(page, live_server, "/learning/themes/", "themes with their terms and phrases")
    expect(page.locator("main")).to_contain_text("Terms and phrases: DA;")
    _go(page, live_server, f"/learning/themes/{theme.pk}/edit", "edit a theme's terms")
    terms = page.get_by_label("Terms and phrases")
    terms.fill("DA\n" + "x" * 101)
    page.get_by_role("button", name="Save theme").click()
    expect_error_state(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("Each term or phrase must be 100 characters")
    axe_check(page, "edit a theme's terms with errors")
    page.get_by_label("Terms and phrases").fill("DA\ndomestic abuse\ncoercive control")
    page.get_by_role("button", name="Save theme").click()
    expect_saved_without_errors(page)
    expect_banner(page, "Theme updated")
    theme.refresh_from_db()
    assert theme.term_list == ["DA", "domestic abuse", "coercive control"]
