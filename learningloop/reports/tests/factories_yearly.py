"""Builders for yearly reports and the three partners' strategic leads who sign them off."""

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.models import Agency, StatutoryRole
from learningloop.partnership.tests.factories import AgencyFactory, PersonFactory

from ..yearly import services


def partner_agency(role, name):
    return Agency.objects.filter(statutory_role=role).first() or AgencyFactory(name=name, statutory_role=role)


def lead(role, name, *, person="", job_title="Director"):
    """A strategic lead of the safeguarding partner with this statutory role, named as a person."""
    agency = partner_agency(role, name)
    email = f"lead.{role}@example.org"
    user = UserFactory(
        email=email, full_name=person or f"Lead of {name}", agency=agency, roles=[Role.AGENCY_LEAD]
    )
    PersonFactory(full_name=user.full_name, job_title=job_title, agency=agency, user=user, email=email)
    return user


def three_leads():
    return (
        lead(
            StatutoryRole.LOCAL_AUTHORITY,
            "Northshire Council",
            person="Lee Council",
            job_title="Chief Executive",
        ),
        lead(StatutoryRole.POLICE, "Northshire Police", person="Pat Police", job_title="Chief Constable"),
        lead(StatutoryRole.HEALTH, "Northshire ICB", person="Hana Health", job_title="Chief Nurse"),
    )


def draft(year=2025):
    return services.yearly_report_create(year=year)


def sign(report, user):
    report.refresh_from_db()
    return services.sign_off_record(report=report, by=user, expected_version=report.version)


def signed_off(year=2025, leads=None):
    report = draft(year)
    for user in leads or three_leads():
        report = sign(report, user)
    return report
