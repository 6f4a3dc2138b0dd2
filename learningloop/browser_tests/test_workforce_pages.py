"""The training pages through a real browser: the business unit's programme pages and a practitioner's own
pages, each checked with axe in its empty, filled and error states; a practitioner books, evaluates and
sees their booking."""

import datetime

import pytest
from playwright.sync_api import expect

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.workforce.models import AgencyEmailDomain
from learningloop.workforce.tests.factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    PractitionerFactory,
    SessionFactory,
)

from .helpers import axe_check, expect_error_state, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date.today()


@pytest.fixture
def officer(page, live_server, partnership, business_unit):
    user = UserFactory(email="officer@example.org", agency=business_unit, roles=[Role.BU_OFFICER])
    sign_in(page, live_server, user.email)
    return user


def test_the_programme_pages_empty_filled_and_in_error(page, live_server, officer, home_agency):
    base = live_server.url
    page.goto(f"{base}/training/")
    axe_check(page, "programme, empty")
    page.goto(f"{base}/training/courses/new")
    page.get_by_role("button", name="Add course").click()
    expect_error_state(page)
    axe_check(page, "course form, errors")
    course = CourseFactory(title="Neglect: seeing the child")
    session = SessionFactory(course=course, date=TODAY - datetime.timedelta(days=3))
    booking = BookingFactory(session=session, practitioner=PractitionerFactory(agency=home_agency))
    EvaluationFactory(booking=booking, stage="before", confidence=2, knowledge=2)
    SessionFactory(course=course, date=TODAY + datetime.timedelta(days=20))
    for path, label in [
        ("/training/", "programme, filled"),
        (f"/training/courses/{course.pk}/", "course with results"),
        (f"/training/sessions/{session.pk}/", "session with bookings"),
        (f"/training/sessions/{session.pk}/attendance", "attendance form"),
        ("/training/pool/", "training pool"),
        ("/training/domains/", "email domains"),
        ("/training/settings/", "settings"),
        ("/training/review/", "annual review"),
        (f"/training/courses/{course.pk}/sessions/new", "session form"),
    ]:
        page.goto(base + path)
        axe_check(page, label)
    page.goto(f"{base}/training/courses/{course.pk}/sessions/new")
    page.get_by_role("button", name="Add session").click()
    expect_error_state(page)
    axe_check(page, "session form, errors")
    page.goto(f"{base}/training/domains/")
    page.get_by_label("Email domain").fill("not a domain")
    page.get_by_role("button", name="Approve domain").click()
    expect_error_state(page)
    axe_check(page, "email domains, errors")
    page.goto(f"{base}/training/review/?year=abc")
    axe_check(page, "annual review, error")


def test_a_practitioner_registers_books_and_evaluates(page, live_server, partnership, home_agency):
    base = live_server.url
    AgencyEmailDomain.objects.create(agency=home_agency, domain="northshire.police.uk")
    page.goto(f"{base}/accounts/signup/")
    axe_check(page, "sign-up, empty")
    page.get_by_label("Work email address").fill("someone@gmail.com")
    page.get_by_role("button", name="Register").click()
    expect_error_state(page)
    axe_check(page, "sign-up, errors")

    me = PractitionerFactory(email="pat@northshire.police.uk", agency=home_agency)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=me, email=me.email, verified=True, primary=True)
    sign_in(page, live_server, me.email)
    expect(page).to_have_url(f"{base}/training/mine/")
    axe_check(page, "your training, empty")
    session = SessionFactory(
        course=CourseFactory(title="Professional curiosity"), date=TODAY + datetime.timedelta(days=30)
    )
    page.goto(f"{base}/training/sessions/{session.pk}/")
    axe_check(page, "session, practitioner")
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator("h1")).to_have_text("Professional curiosity")
    axe_check(page, "booking")
    page.get_by_role("link", name="give your answers").first.click()
    page.get_by_role("button", name="Send your answers").click()
    expect_error_state(page)
    axe_check(page, "evaluation, errors")
    page.get_by_role("group", name="How confident do you feel about this subject in your work?").get_by_label(
        "2"
    ).check()
    page.get_by_role("group", name="How much do you feel you know about it?").get_by_label("3").check()
    page.get_by_role("button", name="Send your answers").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("evaluation is recorded")
    page.goto(f"{base}/training/mine/")
    expect(page.locator("body")).to_contain_text("Professional curiosity")
    axe_check(page, "your training, filled")
    page.goto(f"{base}/training/briefings/")
    axe_check(page, "briefings, empty")
    page.goto(f"{base}/learning/activities/")
    expect(page.locator("h1")).to_have_text("You do not have access to this page")


def test_the_training_home_panel_and_a_booking_on_a_cancelled_session(
    page, live_server, officer, home_agency
):
    base = live_server.url
    course = CourseFactory(title="Child exploitation: spotting the signs")
    soon = SessionFactory(course=course, date=TODAY + datetime.timedelta(days=1), capacity=2)
    me = PractitionerFactory(email="sam@northshire.police.uk", agency=home_agency)
    mine = BookingFactory(session=soon, status="booked", practitioner=me)
    BookingFactory(session=soon, status="booked")
    BookingFactory(session=soon, status="waiting")
    held = SessionFactory(course=course, date=TODAY - datetime.timedelta(days=70))
    BookingFactory(session=held, attendance="attended")
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", name="Training sessions and evaluations")).to_be_visible()
    expect(page.get_by_role("heading", name="Follow-up evaluations overdue (1)")).to_be_visible()
    axe_check(page, "home with the training panel")
    # Cancel the session: its booking page then says so.
    page.goto(f"{base}/training/sessions/{soon.pk}/")
    page.get_by_role("button", name="Cancel this session").click()
    expect(page.get_by_text("Session cancelled").first).to_be_visible()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=me, email=me.email, verified=True, primary=True)
    page.context.clear_cookies()
    sign_in(page, live_server, me.email)
    page.goto(f"{base}/training/bookings/{mine.pk}/")
    expect(page.get_by_text("This session was cancelled by the partnership")).to_be_visible()
    axe_check(page, "booking on a cancelled session")
