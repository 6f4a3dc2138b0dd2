"""Training counts as dissemination on the learning trail: a delivered session of a course carrying a key
message moves the message to "Disseminated" and is listed on its trail."""

import datetime

import pytest

from learningloop.dissemination.tests.factories_plans import accepted_summary
from learningloop.learning.models import KeyMessage
from learningloop.reports.trail import DISSEMINATED, IDENTIFIED, with_loop_status

from .factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _status(message):
    return with_loop_status(KeyMessage.objects.filter(pk=message.pk)).get().loop_status


def test_a_delivered_session_disseminates_the_messages_its_course_carries(officer_client):
    message = accepted_summary(messages=1).key_messages.get()
    course = CourseFactory(title="Neglect: seeing the child")
    course.key_messages.add(message)
    SessionFactory(course=course, date=datetime.date.today() + datetime.timedelta(days=10))
    assert _status(message) == IDENTIFIED  # planned training is not yet dissemination
    SessionFactory(course=course, date=datetime.date.today() - datetime.timedelta(days=1))
    assert _status(message) == DISSEMINATED
    page = officer_client.get(f"/trail/messages/{message.pk}/").content.decode()
    assert "Neglect: seeing the child" in page
