"""The emails about requests to agencies: what is asked, by when (in words), the link; never the key
messages, the request's message or anything restricted."""

import datetime

import pytest

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.core.tests.email_checks import check_email_html, visible_text
from learningloop.dissemination import emails
from learningloop.partnership.tests.factories import AgencyFactory

from .factories_requests import RequestFactory, ResponseFactory, accepted_key_message

pytestmark = pytest.mark.django_db

SITE = "https://learning.example.org"


@pytest.fixture
def response(settings):
    settings.SITE_URL = SITE
    km = accepted_key_message(text="Child A's school did not share the chronology")
    request = RequestFactory(
        title="Chronologies request",
        message="Confidential: the family of Child A moved twice",
        due_on=datetime.date(2027, 1, 15),
        key_messages=[km],
    )
    return ResponseFactory(request=request, agency=AgencyFactory(name="Northshire Police"))


@pytest.fixture
def lead(response):
    return UserFactory(
        email="sam.jones@police.example.org",
        full_name="Sam Jones",
        agency=response.agency,
        roles=[Role.AGENCY_LEAD],
    )


def _assert_nothing_restricted(email):
    for part in (email.subject, email.text, email.html):
        assert "Child A" not in part
        assert "Confidential" not in part


def test_request_sent(response, lead):
    email = emails.request_sent(response=response, recipient=lead)
    link = f"{SITE}/dissemination/responses/{response.pk}/"
    assert email.to == ("sam.jones@police.example.org",)
    assert email.subject == "Request to embed learning: Chronologies request"
    assert email.text.startswith("Hello Sam Jones,\n\n")
    assert 'asked Northshire Police to respond to the request to embed learning "Chronologies request"' in (
        email.text
    )
    assert "Please respond by 15 January 2027." in email.text
    assert link in email.text
    html = check_email_html(email.html)
    assert link in html.links
    text = visible_text(email.html)
    assert "Please respond by 15 January 2027." in text
    assert "Read the request and respond" in text
    _assert_nothing_restricted(email)


@pytest.mark.parametrize(
    ("which", "subject", "sentence"),
    [
        (
            emails.DUE_SOON,
            "Reminder: response due soon: Chronologies request",
            'Northshire Police\'s response to the request "Chronologies request" is due by 15 January 2027.',
        ),
        (
            emails.DUE_TODAY,
            "Reminder: response due today: Chronologies request",
            'Northshire Police\'s response to the request "Chronologies request" is due today, '
            "by 15 January 2027.",
        ),
        (
            emails.OVERDUE,
            "Overdue: response to Chronologies request",
            'Northshire Police\'s response to the request "Chronologies request" was due by 15 January 2027 '
            "and is overdue.",
        ),
    ],
)
def test_response_reminder(response, lead, which, subject, sentence):
    email = emails.response_reminder(
        response=response, recipient=lead, due_on=datetime.date(2027, 1, 15), which=which
    )
    link = f"{SITE}/dissemination/responses/{response.pk}/"
    assert email.to == ("sam.jones@police.example.org",)
    assert email.subject == subject
    assert sentence in email.text
    assert link in email.text
    assert link in check_email_html(email.html).links
    # The HTML part has typographic quotes: ’ and “ ”.
    typographic = sentence.replace("'", "\u2019").replace(
        '"Chronologies request"', "\u201cChronologies request\u201d"
    )
    assert typographic in visible_text(email.html)
    _assert_nothing_restricted(email)
