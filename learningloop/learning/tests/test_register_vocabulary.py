"""Themes and partnership priorities: the vocabularies the business unit maintains."""

import pytest
from django.urls import reverse

from learningloop.learning.models import Priority, Theme

from .factories_register import FindingFactory, PriorityFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_officer_adds_a_theme(officer_client):
    response = officer_client.post(
        reverse("learning:theme_create"),
        {"name": "  Online   harm ", "description": "Harm online", "is_active": "on"},
        follow=True,
    )
    assert Theme.objects.filter(name="Online harm", is_active=True).exists()
    assert "Theme added" in response.content.decode()


def test_ending_a_theme_keeps_it_on_findings_and_off_new_forms(officer_client):
    theme = ThemeFactory(name="Old theme")
    finding = FindingFactory(themes=[theme])
    response = officer_client.post(
        reverse("learning:theme_edit", args=[theme.pk]), {"name": "Old theme", "version": theme.version}
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.is_active is False and list(finding.themes.all()) == [theme]
    create_form = officer_client.get(
        reverse("learning:finding_create", args=[finding.activity_id])
    ).content.decode()
    assert "Old theme" not in create_form
    edit_form = officer_client.get(reverse("learning:finding_edit", args=[finding.pk])).content.decode()
    assert "Old theme" in edit_form  # still offered where it is already used


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": ""}, "Enter the name"),
        ({"name": "   "}, "Enter the name"),
        ({"name": "NEGLECT"}, "A theme called NEGLECT already exists"),
        ({"name": "x" * 101}, "Name must be 100 characters or fewer"),
    ],
)
def test_bad_theme_input(officer_client, data, message):
    before = Theme.objects.count()
    response = officer_client.post(reverse("learning:theme_create"), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert Theme.objects.count() == before


@pytest.mark.parametrize("persona", ["group_chair", "read_only", "agency_lead"])
def test_only_the_business_unit_manages_vocabularies(persona_client, persona):
    client = persona_client(persona)
    theme = Theme.objects.get(name="Neglect")
    assert client.post(reverse("learning:theme_create"), {"name": "New"}).status_code == 403
    assert (
        client.post(reverse("learning:theme_edit", args=[theme.pk]), {"name": "Renamed"}).status_code == 403
    )
    assert client.post(reverse("learning:priority_create"), {"name": "New"}).status_code == 403
    assert not Theme.objects.filter(name__in=["New", "Renamed"]).exists() and not Priority.objects.exists()


def test_vocabulary_wrong_method_and_anonymous(officer_client, client):
    assert officer_client.put(reverse("learning:theme_create")).status_code == 405
    assert officer_client.post(reverse("learning:theme_list")).status_code == 405
    response = client.post(reverse("learning:priority_create"), {"name": "P"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Priority.objects.exists()


def test_priorities_list_add_and_edit(officer_client):
    priority = PriorityFactory(name="Neglect")
    officer_client.post(reverse("learning:priority_create"), {"name": "Adolescent safety", "is_active": "on"})
    officer_client.post(
        reverse("learning:priority_edit", args=[priority.pk]),
        {"name": "Tackling neglect", "is_active": "on", "version": priority.version},
    )
    assert set(Priority.objects.values_list("name", flat=True)) == {"Adolescent safety", "Tackling neglect"}
    body = officer_client.get(reverse("learning:priority_list")).content.decode()
    assert "Adolescent safety" in body and "Tackling neglect" in body
    duplicate = officer_client.post(reverse("learning:priority_create"), {"name": "tackling NEGLECT"})
    assert "A priority called tackling NEGLECT already exists" in duplicate.content.decode()
