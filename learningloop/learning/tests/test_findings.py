"""Findings under an activity, and the regulation 11 question: were these improvements identified before?"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from learningloop.core.tests.lists import row_cells
from learningloop.learning.models import Finding, FindingKind, Theme

from .factories_register import ActivityFactory, FindingFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _create_url(activity):
    return reverse("learning:finding_create", args=[activity.pk])


def test_form_has_the_labels(officer_client):
    body = officer_client.get(_create_url(ActivityFactory())).content.decode()
    for label in (
        "Finding",
        "Kind",
        "Themes",
        "Recommendations",
        "Strength – do more of it",
        "Area for improvement",
    ):
        assert label in body
    assert "Professional curiosity" in body  # the seeded vocabulary


def test_officer_adds_a_finding_and_sees_earlier_ones_sharing_its_themes(officer_client):
    curiosity = Theme.objects.get(name="Professional curiosity")
    earlier_activity = ActivityFactory(title="2023 neglect audit", completed_on=datetime.date(2023, 6, 30),
                                       started_on=datetime.date(2023, 1, 9))  # fmt: skip
    FindingFactory(activity=earlier_activity, text="Practitioners accepted explanations at face value",
                   themes=[curiosity], created_at=timezone.now() - datetime.timedelta(days=700))  # fmt: skip
    activity = ActivityFactory(title="2025 rapid review")
    response = officer_client.post(
        _create_url(activity),
        {"text": "Professionals did not question the story", "kind": FindingKind.IMPROVEMENT,
         "themes": [curiosity.pk], "recommendations": "Training on professional curiosity"},
        follow=True,
    )  # fmt: skip
    finding = Finding.objects.get(activity=activity)
    assert response.redirect_chain[-1][0] == reverse("learning:finding_detail", args=[finding.pk])
    body = response.content.decode()
    assert "Finding added" in body
    assert "Were these improvements previously identified?" in body
    assert "Practitioners accepted explanations at face value" in body
    assert "2023 neglect audit" in body and "30 June 2023" in body
    assert "Professional curiosity" in body
    assert list(finding.themes.all()) == [curiosity] and finding.recommendations.startswith("Training")


def test_findings_that_read_alike_are_suggested_without_a_shared_theme(officer_client):
    FindingFactory(activity=ActivityFactory(title="Earlier DHR"),
                   text="Coercive control by the father was not recognised by health visitors",
                   created_at=timezone.now() - datetime.timedelta(days=30))  # fmt: skip
    finding = FindingFactory(text="Health visitors did not recognise coercive control by the father")
    body = officer_client.get(reverse("learning:finding_detail", args=[finding.pk])).content.decode()
    assert "Earlier DHR" in body and "Reads alike" in body


def test_no_earlier_findings_gives_a_clear_message(persona_client):
    FindingFactory(
        text="Something unrelated about bananas", created_at=timezone.now() - datetime.timedelta(days=1)
    )
    finding = FindingFactory(text="Escalation policy was not followed", themes=[ThemeFactory()])
    body = (
        persona_client("read_only")
        .get(reverse("learning:finding_detail", args=[finding.pk]))
        .content.decode()
    )
    assert "No earlier findings share these themes or read alike" in body
    assert "bananas" not in body


def test_findings_from_the_same_activity_and_later_findings_are_not_suggested(officer_client):
    theme = ThemeFactory()
    activity = ActivityFactory()
    finding = FindingFactory(activity=activity, text="First finding", themes=[theme],
                             created_at=timezone.now() - datetime.timedelta(days=10))  # fmt: skip
    FindingFactory(activity=activity, text="Sibling finding", themes=[theme])
    FindingFactory(text="A later finding elsewhere", themes=[theme])
    body = officer_client.get(reverse("learning:finding_detail", args=[finding.pk])).content.decode()
    assert "Sibling finding" not in body and "A later finding elsewhere" not in body


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "", "kind": "improvement"}, "Enter the finding"),
        ({"text": "Text", "kind": ""}, "Select the kind of finding"),
        ({"text": "Text", "kind": "bogus"}, "Select the kind of finding"),
        ({"text": "Text", "kind": "strength", "themes": ["999999"]}, "Select themes from the list"),
        ({"text": "Text", "kind": "strength", "themes": ["x"]}, "Select themes from the list"),
        ({"text": "x" * 10001, "kind": "strength"}, "Finding must be 10000 characters or fewer"),
    ],
)
def test_bad_finding_input_is_explained_and_nothing_saved(officer_client, data, message):
    response = officer_client.post(_create_url(ActivityFactory()), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Finding.objects.exists()


@pytest.mark.parametrize("persona", ["read_only", "agency_lead", "scrutineer"])
def test_read_only_personas_cannot_add_findings(persona_client, persona):
    response = persona_client(persona).post(_create_url(ActivityFactory()), {"text": "T", "kind": "strength"})
    assert response.status_code == 403 and not Finding.objects.exists()


def test_finding_wrong_method_and_anonymous(officer_client, client):
    activity = ActivityFactory()
    assert officer_client.put(_create_url(activity)).status_code == 405
    response = client.post(_create_url(activity), {"text": "T", "kind": "strength"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Finding.objects.exists()


def test_edit_a_finding(officer_client, persona_client):
    finding = FindingFactory(text="Old")
    url = reverse("learning:finding_edit", args=[finding.pk])
    assert persona_client("read_only").post(url, {"text": "Hacked", "kind": "strength"}).status_code == 403
    response = officer_client.post(url, {"text": "New text", "kind": "strength", "version": 1})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.text == "New text" and finding.kind == FindingKind.STRENGTH


def test_delete_a_finding_after_confirming(officer_client, persona_client):
    finding = FindingFactory(text="To be removed")
    url = reverse("learning:finding_delete", args=[finding.pk])
    assert "To be removed" in officer_client.get(url).content.decode()
    assert persona_client("read_only").post(url).status_code == 403
    assert officer_client.put(url).status_code == 405
    assert Finding.objects.exists()
    response = officer_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse(
        "learning:activity_detail", args=[finding.activity_id]
    )
    assert not Finding.objects.exists()


# --- Recurring themes ---


def test_recurrence_lists_themes_most_recurrent_first(persona_client):
    neglect, escalation, curiosity = (Theme.objects.get(name=n) for n in
                                      ("Neglect", "Escalation", "Professional curiosity"))  # fmt: skip
    for _ in range(3):
        FindingFactory(themes=[neglect])
    FindingFactory(themes=[escalation])
    FindingFactory(themes=[escalation], activity=Finding.objects.filter(themes=escalation).get().activity)
    FindingFactory(themes=[curiosity], kind=FindingKind.STRENGTH)  # strengths do not count
    body = persona_client("read_only").get(reverse("learning:themes_recurrence")).content.decode()
    assert body.index(">Neglect<") < body.index(">Escalation<")
    assert ">Professional curiosity<" not in body
    assert '<th scope="row" class="govuk-table__header">Neglect</th>' in body
    assert "<caption" in body and 'scope="col"' in body


def test_recurrence_empty_state(persona_client):
    body = persona_client("read_only").get(reverse("learning:themes_recurrence")).content.decode()
    assert "No areas for improvement have been recorded with a theme yet" in body


def test_finding_page_queries_do_not_grow_with_earlier_findings(officer_client):
    """Every earlier finding is compared, but only the few shown are loaded."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    theme = ThemeFactory(name="Neglect of health needs")
    earlier = timezone.now() - datetime.timedelta(days=30)
    for _ in range(3):
        FindingFactory(themes=[theme], text="Neglect was not recognised", created_at=earlier)
    finding = FindingFactory(themes=[theme], text="Neglect was not recognised early enough")
    url = reverse("learning:finding_detail", args=[finding.pk])
    with CaptureQueriesContext(connection) as few:
        assert officer_client.get(url).status_code == 200
    for _ in range(40):
        FindingFactory(themes=[theme], text="Neglect was not recognised", created_at=earlier)
    with CaptureQueriesContext(connection) as many:
        html = officer_client.get(url).content.decode()
    assert len(many) == len(few)
    assert html.count("Neglect was not recognised</a>") == 8  # the eight most alike are shown


def _register_counts(client, title):
    html = client.get(reverse("learning:activity_list"), {"q": title}).content.decode()
    return " ".join(row_cells(html, title)[-1].split())


def test_the_registers_counts_follow_each_finding_written_through_the_pages(officer_client):
    """The register's "Findings" column is counted when a finding is written (ADR 0047). Counted by hand:
    two areas for improvement added → "2 (2 to improve)"; one changed to a strength → "2 (1 to improve)";
    the other deleted → "1"; and an edit of the activity itself (read before the findings were added)
    leaves the count alone."""
    activity = ActivityFactory(title="Neglect audit 2026")
    stale = type(activity).objects.get(pk=activity.pk)  # an edit page opened before the findings
    for text in ("Chronologies were not kept", "Escalation was not used"):
        post = {"text": text, "kind": FindingKind.IMPROVEMENT, "recommendations": ""}
        assert officer_client.post(_create_url(activity), post).status_code == 302
    assert _register_counts(officer_client, "Neglect audit 2026") == "2 , of which (2 to improve)"
    first, second = Finding.objects.filter(activity=activity).order_by("pk")
    edit = reverse("learning:finding_edit", args=[first.pk])
    assert (
        officer_client.post(edit, {"text": first.text, "kind": "strength", "version": 1}).status_code == 302
    )
    assert _register_counts(officer_client, "Neglect audit 2026") == "2 , of which (1 to improve)"
    assert officer_client.post(reverse("learning:finding_delete", args=[second.pk])).status_code == 302
    assert _register_counts(officer_client, "Neglect audit 2026") == "1"
    stale.description = "Edited after the findings were written"
    stale.save()
    assert _register_counts(officer_client, "Neglect audit 2026") == "1"
