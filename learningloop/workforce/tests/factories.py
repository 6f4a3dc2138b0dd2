"""Factories for the training programme's records."""

import datetime

import factory

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.learning.loop import loop_touched
from learningloop.partnership.tests.factories import PersonFactory
from learningloop.workforce import models
from learningloop.workforce.tallies import session_tallies_update, year_tallies_of_sessions


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Course

    title = factory.Sequence(lambda n: f"Working together to safeguard children {n}")
    learning_outcomes = "Know when and how to share information"
    duration_minutes = 180
    audience = "Practitioners in every agency"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TrainingSession

    course = factory.SubFactory(CourseFactory)
    date = datetime.date(2027, 3, 15)
    start_time = datetime.time(9, 30)
    end_time = datetime.time(12, 30)
    venue = "Northshire Civic Centre"
    capacity = 20

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A session as the services leave it: saved, counted in its course's year (ADR 0049), and the loop
        of the key messages its course carries counted again (training counts as their dissemination, ADR
        0044)."""
        session = super()._create(model_class, *args, **kwargs)
        year_tallies_of_sessions([session.pk])
        loop_touched(session.course.key_messages.values_list("pk", flat=True))
        return session


class PractitionerFactory(UserFactory):
    roles = factory.LazyFunction(lambda: [Role.PRACTITIONER])


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Trainer

    person = factory.SubFactory(PersonFactory)


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Booking

    session = factory.SubFactory(SessionFactory)
    practitioner = factory.SubFactory(PractitionerFactory)
    status = models.BookingStatus.BOOKED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A booking as the services leave it: saved, and its session's tallies counted again (ADR 0043)."""
        booking = super()._create(model_class, *args, **kwargs)
        session_tallies_update(session_ids=[booking.session_id])
        return booking


class EvaluationFactory(factory.django.DjangoModelFactory):
    """One stage of a booking's evaluation, saved as given (past the service's rules on when each stage
    opens) and counted in its session's tallies as evaluation_record counts it."""

    class Meta:
        model = models.Evaluation

    booking = factory.SubFactory(BookingFactory)
    stage = models.EvaluationStage.BEFORE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        evaluation = super()._create(model_class, *args, **kwargs)
        session_tallies_update(session_ids=[evaluation.booking.session_id])
        return evaluation


def written_in(plan, day: datetime.date):
    """Date a dissemination plan as written at noon on `day` (the annual review's gaps are the year's own:
    a message is due for training in the year its plan was written)."""
    moment = datetime.datetime.combine(day, datetime.time(12), datetime.UTC)
    type(plan).objects.filter(pk=plan.pk).update(created_at=moment)
    return plan


def written_in_2026(plan):
    return written_in(plan, datetime.date(2026, 6, 1))
