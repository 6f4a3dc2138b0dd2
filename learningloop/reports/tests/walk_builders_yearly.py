"""Records the authorisation walk needs for the yearly report pages: a draft of last year's report, an earlier
one signed off by the local authority and the police (the walk's home agency), whose sign-off the police lead
may withdraw, and one signed off by all three partners (frozen)."""

from django.utils import timezone

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.models import StatutoryRole
from learningloop.partnership.tests.factories import AgencyFactory

from ..models import reporting_year_of
from ..yearly import services


def _lead(agency, email):
    return UserFactory(
        email=email, full_name=f"Walk lead of {agency.name}", agency=agency, roles=[Role.AGENCY_LEAD]
    )


def extend(objects):
    current = reporting_year_of(timezone.localdate())
    council = AgencyFactory(name="Walk Northshire Council", statutory_role=StatutoryRole.LOCAL_AUTHORITY)
    leads = {
        "council": _lead(council, "walk.council.lead@example.org"),
        "police": _lead(objects["agency"], "walk.police.lead@example.org"),
        "health": _lead(objects["other_agency"], "walk.health.lead@example.org"),
    }

    def sign(report, *who):
        for name in who:
            report.refresh_from_db()
            report = services.sign_off_record(report=report, by=leads[name], expected_version=report.version)
        return report

    objects["yearly_draft"] = services.yearly_report_create(year=current - 1)
    objects["yearly_to_withdraw"] = sign(services.yearly_report_create(year=current - 2), "council", "police")
    objects["yearly_signed_off"] = sign(
        services.yearly_report_create(year=current - 3), "council", "police", "health"
    )
