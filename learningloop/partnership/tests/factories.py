import datetime

import factory

from learningloop.partnership import models


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agency

    name = factory.Sequence(lambda n: f"Agency {n:03d}")
    short_name = factory.Sequence(lambda n: f"AG{n:03d}")
    sector = models.Sector.OTHER
    statutory_role = models.StatutoryRole.RELEVANT_AGENCY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    full_name = factory.Sequence(lambda n: f"Person {n:03d}")
    job_title = "Safeguarding lead"
    agency = factory.SubFactory(AgencyFactory)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Group

    name = factory.Sequence(lambda n: f"Group {n:03d}")
    short_name = factory.Sequence(lambda n: f"G{n:03d}")
    purpose = "To learn together."
    meeting_frequency = "Every two months"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Membership

    person = factory.SubFactory(PersonFactory)
    group = factory.SubFactory(GroupFactory)
    representing = factory.SelfAttribute("person.agency")
    start_date = datetime.date(2025, 4, 1)


class LearningSourceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.LearningSourceType

    name = factory.Sequence(lambda n: f"Source type {n:03d}")
    category = "Statutory reviews"


class DisseminationMethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DisseminationMethod

    name = factory.Sequence(lambda n: f"Method {n:03d}")


class MonitoringProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MonitoringProcess

    name = factory.Sequence(lambda n: f"Process {n:03d}")
    category = "Audit"


class AudienceGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AudienceGroup

    name = factory.Sequence(lambda n: f"Audience {n:03d}")
