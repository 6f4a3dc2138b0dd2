"""Factories for the training programme's records."""

import datetime

import factory

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.tests.factories import PersonFactory
from learningloop.workforce import models


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
