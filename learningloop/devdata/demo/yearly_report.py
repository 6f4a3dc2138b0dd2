"""Demo yearly reports of the safeguarding partners: last reporting year's, written, signed off by the three
partners (the local authority's Director of Children's Services, the police's and health's strategic leads)
and published on the public learning hub; this year's in draft, with only its first paragraphs written.

Runs after the public hub's own demo (it publishes through the real service, after the recorded check).
Safe to repeat: a report already there is left as it is."""

from django.utils import timezone

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.partnership.models import Agency, Person, StatutoryRole
from learningloop.reports.models import YearlyReport, YearlyReportStatus, reporting_year_of
from learningloop.reports.yearly import services
from learningloop.reports.yearly.partners import partner_of
from learningloop.website.models import Publication
from learningloop.website.publishing.services import publication_publish

from .partnership import DEMO_PASSWORD

# The local authority's strategic lead, who signs off for the local authority (the police and health leads
# are demo logins already).
LA_LEAD = ("la.lead@example.org", "Catherine Doyle")

LAST_YEAR_TEXTS = {
    "partners": {
        "above": (
            "The three safeguarding partners met as the Executive every quarter and agreed a shared budget.\n"
            "The Learning and Development Group turned each review's findings into key messages."
        ),
        "below": (
            "The arrangements worked: every rapid review reached the national Panel on time, and the "
            "independent scrutineer found the partners held one another to account."
        ),
    },
    "reviews": {
        "above": "Serious incidents led to rapid reviews; one became a local review.",
        "below": (
            "Each recommendation became an action with an owner and a date; most are done and the rest are "
            "followed up at every Executive meeting."
        ),
    },
    "dissemination": {
        "above": "Learning went out as briefings, newsletters, webinars and the practitioner forum."
    },
    "impact": {
        "above": "The dataset asks whether children are better off, not only how much was done.",
        "below": "The partners will keep watching the measures still off target.",
    },
    "feedback": {
        "above": "Agencies counted children's complaints and compliments each quarter.",
        "below": "Being listened to was the theme children raised most; it shaped the training offer.",
    },
    "next_year": {
        "above": "Neglect, exploitation outside the home and the voice of the child stay the priorities.",
        "below": "Progress will be measured by the better-off measures and reported to the Executive.",
    },
}
THIS_YEAR_TEXTS = {
    "partners": {"above": "Draft: the Executive has met twice so far this year.", "below": ""},
}


def _la_lead():
    agency = (
        Agency.objects.filter(statutory_role=StatutoryRole.LOCAL_AUTHORITY, is_active=True)
        .order_by("pk")
        .first()
    )
    if agency is None:
        return None
    email, name = LA_LEAD
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email, DEMO_PASSWORD, full_name=name, agency=agency, roles=[Role.AGENCY_LEAD]
        )
    person = Person.objects.filter(full_name=name, agency=agency).first()
    if person is not None and person.user_id is None:
        person.user, person.email = user, email
        person.save(update_fields=["user", "email"])
    return user


def _leads():
    found = [_la_lead()]
    for email in ("police.lead@example.org", "health.lead@example.org"):
        found.append(User.objects.filter(email=email).first())
    return [u for u in found if u is not None and partner_of(u)]


def _report(year, texts):
    report = YearlyReport.objects.filter(year=year).first()
    if report is not None:
        return report, False
    report = services.yearly_report_create(year=year)
    report.refresh_from_db()
    return services.yearly_report_update(report=report, texts=texts, expected_version=report.version), True


def seed(stdout=None) -> int:
    current = reporting_year_of(timezone.localdate())
    added = 0
    last, made = _report(current - 1, LAST_YEAR_TEXTS)
    added += made
    if last.status == YearlyReportStatus.DRAFT:
        signed = set(last.sign_offs.filter(withdrawn_at__isnull=True).values_list("partner", flat=True))
        for user in _leads():
            if partner_of(user) not in signed:
                last.refresh_from_db()
                last = services.sign_off_record(report=last, by=user, expected_version=last.version)
    publisher = (
        User.objects.filter(email__in=["publisher@example.org", "admin@example.org"])
        .order_by("-email")
        .first()
    )
    last.refresh_from_db()
    published = Publication.objects.filter(kind="yearly_report", source_id=last.pk).exists()
    if publisher is not None and last.status != YearlyReportStatus.DRAFT and not published:
        publication_publish(
            kind_code="yearly_report", source_id=last.pk, by=publisher, no_child=True, no_family_member=True,
            no_practitioner=True,
        )  # fmt: skip
        added += 1
    _this, made = _report(current, THIS_YEAR_TEXTS)
    added += made
    if stdout is not None:
        stdout.write(
            f"Yearly reports: {added} added (last year's signed off and published, this year's in draft)"
        )
    return added
