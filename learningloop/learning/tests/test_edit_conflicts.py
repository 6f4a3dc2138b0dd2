"""Two people editing the same record at once: the second save is refused with a conflict page showing
both versions, and nothing is silently overwritten."""

import re

import pytest
from django.urls import reverse

from learningloop.learning.models import CaseReview, Finding, LearningActivity

from .factories_register import ActivityFactory, FindingFactory
from .factories_reviews import make_review

pytestmark = pytest.mark.django_db


def _form_data(html):
    """The values a browser would post back from the edit form (text inputs, textareas, checked boxes,
    selected options, the hidden version)."""
    data = {}
    for name, value in re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', html):
        data.setdefault(name, value)
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="checkbox"' in tag or 'type="radio"' in tag:
            name = re.search(r'name="([^"]+)"', tag).group(1)
            data.pop(name, None) if "checked" not in tag else None
    for tag in re.findall(r"<input[^>]*checked[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag).group(1), re.search(r'value="([^"]*)"', tag).group(1)
        data.setdefault(name, value)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = body.strip()
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = selected.group(1) if selected else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def _race(first, second, url, field, mine, theirs):
    """Both open the edit page; the second saves first; then the first saves."""
    form_first = _form_data(first.get(url).content.decode())
    form_second = _form_data(second.get(url).content.decode())
    assert form_first["version"] == form_second["version"]
    assert second.post(url, {**form_second, field: theirs}).status_code == 302
    return first.post(url, {**form_first, field: mine})


@pytest.mark.parametrize(
    ("make", "url_name", "field", "model"),
    [
        (lambda: ActivityFactory(title="Neglect audit"), "learning:activity_edit", "title", LearningActivity),
        (lambda: FindingFactory(text="Chronologies were missing"), "learning:finding_edit", "text", Finding),
        (lambda: make_review(pseudonym="Child A"), "learning:review_edit", "pseudonym", CaseReview),
    ],
    ids=["activity", "finding", "case review"],
)
def test_second_save_is_refused_with_both_versions_shown(make, url_name, field, model, persona_client):
    record = make()
    url = reverse(url_name, args=[record.pk])
    response = _race(persona_client("bu_officer"), persona_client("bu_admin"), url, field, "Mine", "Theirs")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this record" in html
    assert "Your changes have not been saved" in html
    assert "Mine" in html and "Theirs" in html
    assert html.count("<h1") == 1
    assert getattr(model.objects.get(pk=record.pk), field) == "Theirs"


def test_saves_one_after_another_both_succeed(persona_client):
    activity = ActivityFactory(title="First")
    url = reverse("learning:activity_edit", args=[activity.pk])
    officer = persona_client("bu_officer")
    for title in ("Second", "Third"):
        data = _form_data(officer.get(url).content.decode())
        assert officer.post(url, {**data, "title": title}).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Third" and activity.version == 3


def test_a_post_without_the_version_is_refused_with_a_message(officer_client):
    activity = ActivityFactory(title="Unchanged")
    url = reverse("learning:activity_edit", args=[activity.pk])
    data = _form_data(officer_client.get(url).content.decode())
    data.pop("version")
    response = officer_client.post(url, {**data, "title": "Changed"})
    assert response.status_code == 200
    assert "This form is out of date" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Unchanged"
