"""Learning event attendance from a registration list or a summary by agency, through the shared import
kit: rows for one agency are added up, every problem is named by row and column, nothing is saved unless the
whole file is clean."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learningloop.partnership.tests.factories import AgencyFactory

from ..models import EventAttendance, LearningEvent

pytestmark = pytest.mark.django_db


def _upload(client, event, text):
    return client.post(
        reverse("governance:event_import", args=[event.pk]),
        {"file": SimpleUploadedFile("list.csv", text.encode("utf-8"), content_type="text/csv")},
    )


@pytest.fixture
def event(db):
    AgencyFactory(name="Northshire Council", short_name="Council")
    AgencyFactory(name="Northshire Academy", short_name="Academy")
    return LearningEvent.objects.create(title="Neglect webinar", held_on=datetime.date(2026, 10, 6))


def test_a_registration_list_is_counted_by_agency(officer_client, event):
    text = "Name,Agency\nAmy,Northshire Council\nBen,council\nCal,Academy\n"
    response = _upload(officer_client, event, text)
    assert response.status_code == 302
    assert sorted(EventAttendance.objects.values_list("agency__name", "attendees")) == [
        ("Northshire Academy", 1),
        ("Northshire Council", 2),
    ]


def test_a_file_with_problems_saves_nothing_and_names_each(officer_client, event):
    EventAttendance.objects.create(event=event, agency=AgencyFactory(name="Kept Agency"), attendees=4)
    text = "Agency,Attendees\nNorthshire Council,12\nNowhere Trust,3\nAcademy,lots\n"
    response = _upload(officer_client, event, text)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Row 3, Agency: ‘Nowhere Trust’ is not an active agency" in page
    assert "Row 4, Attendees:" in page
    assert list(EventAttendance.objects.values_list("agency__name", "attendees")) == [("Kept Agency", 4)]


def test_the_template_lists_the_agencies(officer_client, event):
    response = officer_client.get(
        reverse("governance:event_import_template", args=[event.pk]) + "?format=csv"
    )
    assert response.status_code == 200
    assert response.getvalue().decode("utf-8-sig").splitlines()[0] == "Agency,Attendees,Name"
