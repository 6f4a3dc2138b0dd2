"""Records the authorisation walk needs for the training pages: a course with an upcoming session, a past
session with a booked practitioner, a trainer, and the walk's practitioner (of the home agency) with one
booking in each state their pages act on. The practitioner persona signs in as objects["practitioner"]."""

import datetime

from django.utils import timezone

from learningloop.dissemination.models import Briefing, BriefingStatus
from learningloop.partnership.tests.factories import PersonFactory
from learningloop.workforce.models import Attendance, BookingStatus, EvaluationStage

from .factories import (
    BookingFactory,
    CourseFactory,
    EvaluationFactory,
    PractitionerFactory,
    SessionFactory,
    TrainerFactory,
)


def extend(objects):
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=60)
    past = today - datetime.timedelta(days=10)
    course = CourseFactory(title="Walk course")
    practitioner = PractitionerFactory(
        email="practitioner@example.org", full_name="Pat Practitioner", agency=objects["agency"]
    )
    session = SessionFactory(course=course, date=soon)
    past_session = SessionFactory(course=course, date=past)
    attended = BookingFactory(session=past_session, practitioner=practitioner, attendance=Attendance.ATTENDED)
    EvaluationFactory(booking=attended, stage=EvaluationStage.AFTER, confidence=4, knowledge=4)
    objects.update(
        {
            "practitioner": practitioner,
            "workforce_course": course,
            "workforce_course_to_edit": CourseFactory(title="Walk course to edit"),
            "workforce_session": session,
            "workforce_session_to_edit": SessionFactory(course=course, date=soon),
            "workforce_session_to_cancel": SessionFactory(course=course, date=soon),
            "workforce_bookable": SessionFactory(course=course, date=soon),
            "workforce_past_session": past_session,
            "workforce_to_mark": BookingFactory(session=past_session),
            "workforce_trainer": TrainerFactory(person=PersonFactory(agency=objects["agency"])),
            "workforce_person_for_pool": PersonFactory(
                agency=objects["other_agency"], full_name="Walk new trainer"
            ),
            # The practitioner's own bookings: one booked (its detail, evaluation and cancellation), one
            # offered place (accept), and one attended with its evaluation given (certificate).
            "workforce_booking": BookingFactory(session=session, practitioner=practitioner),
            "workforce_booking_to_cancel": BookingFactory(
                session=SessionFactory(course=course, date=soon), practitioner=practitioner
            ),
            "workforce_offered": BookingFactory(
                session=SessionFactory(course=course, date=soon),
                practitioner=practitioner,
                status=BookingStatus.OFFERED,
                offer_expires_on=soon - datetime.timedelta(days=1),
            ),
            "workforce_attended": attended,
            "workforce_briefing": Briefing.objects.create(
                title="Walk published briefing", status=BriefingStatus.READY, published_at=timezone.now()
            ),
        }
    )
