"""The yearly report as the partnership uses it: the business unit drafts it for a reporting year and writes
its texts; the three statutory safeguarding partners sign it off, each through a strategic lead of its own
agency; a sign-off can be withdrawn, with a reason, until the third; then the report is frozen (edits answer
409, its figures stay as they were whatever changes later); published on the public hub, it sets the next
report due twelve months later."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from learningloop.accounts.tests.factories import UserFactory
from learningloop.core.policy import Role
from learningloop.partnership.models import StatutoryRole
from learningloop.partnership.tests.factories import AgencyFactory
from learningloop.reports.models import NextReportDue, SignOff, YearlyReport

from .factories_yearly import draft, lead, sign, signed_off, three_leads

pytestmark = pytest.mark.django_db
COMMUNICATIONS_ONE = (
    'Communications of learning delivered</th><td class="govuk-table__cell govuk-table__cell--numeric">1</td>'
)
FROZEN = "signed off by the three safeguarding partners and cannot be changed"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _done_communication(on):
    from learningloop.dissemination.models import CommunicationStatus
    from learningloop.dissemination.tests.factories_plans import CommunicationFactory

    return CommunicationFactory(status=CommunicationStatus.DONE, done_on=on, due_on=on)


def test_the_business_unit_drafts_a_report_for_a_reporting_year(partnership, persona_client):
    client = persona_client("bu_admin")
    page = client.get(reverse("yearly:create"))
    assert "April 2025 to March 2026" in page.text  # today is in the 2026 to 2027 year; earlier ones offered

    response = client.post(reverse("yearly:create"), {"year": "2025"})

    report = YearlyReport.objects.get()
    assert response.status_code == 302
    assert (report.starts_on, report.ends_on) == (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    detail = client.get(response["Location"]).text
    assert "Rapid reviews and local child safeguarding practice reviews" in detail
    assert "Not signed off yet" in detail


@pytest.mark.parametrize("year", ["", "1999", "junk", "2025' OR 1=1"])
def test_a_bad_year_is_explained_and_nothing_is_drafted(partnership, persona_client, year):
    response = persona_client("bu_admin").post(reverse("yearly:create"), {"year": year})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text
    assert not YearlyReport.objects.exists()


def test_a_year_already_drafted_is_not_offered_again(partnership, persona_client):
    draft(2025)
    response = persona_client("bu_admin").post(reverse("yearly:create"), {"year": "2025"})
    assert response.status_code == 200
    assert "Select a reporting year from the list" in response.text
    assert YearlyReport.objects.count() == 1


def test_the_texts_are_written_over_and_under_each_section(partnership, persona_client):
    report = draft()
    client = persona_client("bu_officer")
    form = client.get(reverse("yearly:edit", args=[report.pk]))
    assert form.status_code == 200
    response = client.post(
        reverse("yearly:edit", args=[report.pk]),
        {
            "version": report.version,
            "section-partners-above": "The partners met every quarter.",
            "section-next_year-above": "Neglect stays our first priority.",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("yearly:detail", args=[report.pk])).text
    assert "The partners met every quarter." in page
    assert "Neglect stays our first priority." in page


def test_a_text_too_long_is_refused_and_nothing_is_saved(partnership, persona_client):
    report = draft()
    response = persona_client("bu_admin").post(
        reverse("yearly:edit", args=[report.pk]),
        {"version": report.version, "section-partners-above": "x" * 20001},
    )
    assert response.status_code == 200
    assert "must be 20,000 characters or fewer" in response.text
    report.refresh_from_db()
    assert report.text("partners", "above") == ""


def test_the_three_partners_sign_off_in_any_order_and_the_third_freezes_the_report(partnership):
    council, police, health = three_leads()
    report = draft()
    for user in (health, council):
        response = client_for(user).post(
            reverse("yearly:sign_off", args=[report.pk]), {"version": report.version}
        )
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.status == "draft" and report.snapshot is None

    response = client_for(police).post(
        reverse("yearly:sign_off", args=[report.pk]), {"version": report.version}
    )

    report.refresh_from_db()
    assert response.status_code == 302
    assert report.status == "signed_off"
    assert report.snapshot is not None
    signed = {s.partner: (s.signer_name, s.signer_role, s.agency.name) for s in report.sign_offs.all()}
    assert signed == {
        "local_authority": ("Lee Council", "Chief Executive", "Northshire Council"),
        "police": ("Pat Police", "Chief Constable", "Northshire Police"),
        "health": ("Hana Health", "Chief Nurse", "Northshire ICB"),
    }
    page = client_for(police).get(reverse("yearly:detail", args=[report.pk])).text
    assert "Signed off by the three safeguarding partners" in page
    assert "Sign off for your agency" not in page


def test_only_a_strategic_lead_of_a_safeguarding_partner_may_sign_off(
    partnership, home_agency, persona_client
):
    report = draft()
    school = AgencyFactory(name="Northshire Academy", statutory_role=StatutoryRole.RELEVANT_AGENCY)
    not_partner = UserFactory(agency=school, roles=[Role.AGENCY_LEAD])
    police_member = UserFactory(
        agency=lead(StatutoryRole.POLICE, "Northshire Police").agency, roles=[Role.AGENCY_MEMBER]
    )
    url = reverse("yearly:sign_off", args=[report.pk])
    for client in (persona_client("bu_admin"), persona_client("group_chair"), client_for(not_partner),
                   client_for(police_member)):  # fmt: skip
        assert client.post(url, {"version": report.version}).status_code == 403
    assert not SignOff.objects.exists()


def test_a_partner_signs_only_once(partnership):
    police = lead(StatutoryRole.POLICE, "Northshire Police")
    report = draft()
    sign(report, police)
    report.refresh_from_db()
    response = client_for(police).post(
        reverse("yearly:sign_off", args=[report.pk]), {"version": report.version}
    )
    assert response.status_code == 200
    assert "has already signed off this report" in response.text
    assert SignOff.objects.count() == 1


def test_a_sign_off_is_withdrawn_with_a_reason_before_the_last_one(partnership):
    council, police, _health = three_leads()
    report = draft()
    sign(report, council)
    sign(report, police)
    report.refresh_from_db()
    url = reverse("yearly:withdraw", args=[report.pk])

    refused = client_for(police).post(url, {"version": report.version, "reason": ""})
    assert refused.status_code == 200
    assert "Enter why the sign-off is withdrawn" in refused.text
    assert SignOff.objects.filter(withdrawn_at__isnull=True).count() == 2

    response = client_for(police).post(url, {"version": report.version, "reason": "Figures for Q4 not final"})

    assert response.status_code == 302
    withdrawn = SignOff.objects.get(partner="police")
    assert withdrawn.withdrawn_reason == "Figures for Q4 not final"
    assert withdrawn.withdrawn_by == police
    assert SignOff.objects.get(partner="local_authority").withdrawn_at is None  # the others' stay
    page = client_for(police).get(reverse("yearly:detail", args=[report.pk])).text
    assert "Figures for Q4 not final" in page
    assert "Sign off for your agency" in page  # the police may sign again


def test_a_partner_that_has_not_signed_has_nothing_to_withdraw(partnership):
    council, police, _health = three_leads()
    report = draft()
    sign(report, council)
    report.refresh_from_db()
    response = client_for(police).post(
        reverse("yearly:withdraw", args=[report.pk]),
        {"version": report.version, "reason": "Changed our mind"},
    )
    assert response.status_code == 200
    assert "Your agency has not signed off this report" in response.text
    assert SignOff.objects.get().withdrawn_at is None


def test_a_signed_off_report_is_frozen_every_edit_answers_409(partnership, persona_client):
    leads = three_leads()
    report = signed_off(leads=leads)
    edit = persona_client("bu_admin").post(
        reverse("yearly:edit", args=[report.pk]),
        {"version": report.version, "section-partners-above": "Changed"},
    )
    assert edit.status_code == 409
    assert FROZEN in edit.text
    withdraw = client_for(leads[1]).post(
        reverse("yearly:withdraw", args=[report.pk]), {"version": report.version, "reason": "Too late"}
    )
    assert withdraw.status_code == 409
    assert FROZEN in withdraw.text
    again = client_for(leads[0]).post(
        reverse("yearly:sign_off", args=[report.pk]), {"version": report.version}
    )
    assert again.status_code == 409
    report.refresh_from_db()
    assert report.text("partners", "above") == ""
    assert SignOff.objects.filter(withdrawn_at__isnull=True).count() == 3


def test_the_figures_of_a_signed_off_report_do_not_change_with_the_data(partnership, persona_client):
    _done_communication(datetime.date(2025, 6, 1))
    report = signed_off()
    draft_next = draft(2024)  # a draft reads live data; the frozen one must not
    url = reverse("yearly:detail", args=[report.pk])
    client = persona_client("bu_admin")
    before = client.get(url).text
    assert COMMUNICATIONS_ONE in before

    _done_communication(datetime.date(2025, 8, 1))
    _done_communication(datetime.date(2025, 9, 1))

    after = client.get(url).text
    assert COMMUNICATIONS_ONE in after
    report.refresh_from_db()
    assert dict(report.snapshot["dissemination"]["figures"])["Communications of learning delivered"] == 1
    from learningloop.reports.yearly import content

    live = dict(content.generated(YearlyReport.objects.get(pk=draft_next.pk))["dissemination"]["figures"])
    assert (
        live["Communications of learning delivered"] == 0
    )  # the 2024 year has none: live data, its own year


def test_publishing_marks_it_published_and_sets_the_next_report_due_twelve_months_later(partnership):
    from learningloop.core.deadlines import get_kind
    from learningloop.website.tests.factories import publish, publisher

    report = draft()
    report.texts["partners"] = {"above": "We met <b>4</b> times.", "below": ""}
    report.save()
    for user in three_leads():
        report = sign(report, user)
    item = publish("yearly_report", report, publisher())

    report.refresh_from_db()
    assert report.status == "published"
    assert item.title == report.title
    headings = [s["heading"] for s in item.sections]
    assert "Rapid reviews and local child safeguarding practice reviews" in headings
    partners = item.sections[headings.index("What the partners did and how effective the arrangements were")]
    assert "We met &lt;b&gt;4&lt;/b&gt; times." in partners["html"]  # the partners' text, escaped
    assert '<th scope="col" class="govuk-table__header">Measure</th>' in partners["html"]
    due = NextReportDue.objects.get(after=report)
    assert due.due_on == report.published_on.replace(year=report.published_on.year + 1)
    assert get_kind("yearly-report").model_class is NextReportDue

    following = signed_off(2026, leads=list(_existing_leads()))
    publish("yearly_report", following, publisher())
    due.refresh_from_db()
    assert due.done_on is not None  # publishing the next report meets the deadline
    assert NextReportDue.objects.get(after=following).done_on is None


def test_the_public_report_numbers_the_reviews_and_the_partners_report_names_them(partnership):
    """A review (or audit, or cycle) is not on the hub because the yearly report mentions it: the published
    sections say "Review 1", the partners' own report keeps the title."""
    from learningloop.learning.tests.factories_reviews import ActivityFactory, make_review
    from learningloop.reports.yearly import content
    from learningloop.website.tests.factories import publish, publisher

    make_review(activity=ActivityFactory(title="Rapid review: Child Q"), aware_on=datetime.date(2025, 5, 1),
                rapid_review_sent_on=datetime.date(2025, 6, 20))  # fmt: skip
    make_review(activity=ActivityFactory(title="Rapid review: Child R"), aware_on=datetime.date(2025, 8, 1),
                rapid_review_sent_on=datetime.date(2025, 9, 10))  # fmt: skip
    report = signed_off(2025)
    item = publish("yearly_report", report, publisher())

    public = " ".join(section["html"] for section in item.sections)
    assert "Child Q" not in public and "Child R" not in public
    assert '<td class="govuk-table__cell">Review 1</td>' in public
    assert '<td class="govuk-table__cell">Review 2</td>' in public
    reviews = next(p for p in content.parts(report) if p.key == "reviews")
    assert [row[0] for row in reviews.tables[0]["rows"]] == ["Rapid review: Child Q", "Rapid review: Child R"]


def _existing_leads():
    from learningloop.accounts.models import User

    return User.objects.filter(email__startswith="lead.").order_by("pk")


def test_a_draft_cannot_be_published(partnership):
    from django.core.exceptions import ValidationError

    from learningloop.website.tests.factories import publish, publisher

    report = draft()
    with pytest.raises(ValidationError):
        publish("yearly_report", report, publisher())
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_business_unit_is_reminded_before_the_next_report_is_due(partnership, business_unit):
    from learningloop.core.reminders import send_due_reminders

    UserFactory(email="officer@example.org", agency=business_unit, roles=[Role.BU_OFFICER])
    report = signed_off()
    NextReportDue.objects.create(after=report, due_on=datetime.date(2027, 1, 15))
    sent_now = send_due_reminders(
        today=datetime.date(2027, 1, 8), codes={"yearly-report"}
    )  # 5 working days before
    again = send_due_reminders(today=datetime.date(2027, 1, 8), codes={"yearly-report"})
    assert sent_now["Yearly report of the partners"] == 1
    assert again["Yearly report of the partners"] == 0
