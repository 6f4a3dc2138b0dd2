"""`manage.py load_framework`: the framework preset loads as data, is safe to repeat and respects edits."""

import datetime
import io

import pytest
from django.core.management import call_command

from learningloop.partnership import preset
from learningloop.partnership.models import (
    Agency,
    AudienceGroup,
    DisseminationMethod,
    Group,
    LearningSourceType,
    Membership,
    MembershipRole,
    MonitoringProcess,
    Partnership,
    Person,
    QuorumRule,
    Sector,
    StatutoryRole,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Partnership,
    Group,
    Agency,
    Person,
    Membership,
    LearningSourceType,
    DisseminationMethod,
    MonitoringProcess,
    AudienceGroup,
]


def load():
    out = io.StringIO()
    call_command("load_framework", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loads_the_preset_and_says_what_it_added():
    output = load()
    assert output.startswith("Framework preset: 1 partnership, 7 groups, 13 agencies")
    # 81 rows of the partnership's own lists, the 46 common measures of the indicator library (data-volumes.md
    # section 3) and the 8 Section 11 plus 10 schools' Section 175/157 standards; the 26 themes' vocabulary
    # came with the learning app's data migration, so loading adds none of it.
    assert "(145 added:" in output
    assert "26 theme vocabularies, 46 indicators, 18 self-assessment standards (" in output
    assert counts() == {
        "Partnership": 1,
        "Group": 7,
        "Agency": 13,
        "Person": 15,
        "Membership": 15,
        "LearningSourceType": 25,
        "DisseminationMethod": 8,
        "MonitoringProcess": 8,
        "AudienceGroup": 4,
    }
    partnership = Partnership.current()
    assert (partnership.name, partnership.short_name) == (
        "Solihull Safeguarding Children Partnership",
        "SSCP",
    )


def test_running_twice_adds_nothing():
    load()
    before = counts()
    output = load()
    assert counts() == before
    assert output.strip().endswith("(0 added).")


def test_an_existing_partnership_is_kept(partnership):
    load()
    assert list(Partnership.objects.all()) == [partnership]


def test_changes_made_after_loading_are_not_overwritten():
    load()
    ldg = Group.objects.get(name="Learning and Development Group")
    ldg.name = "Learning & Development Subgroup"
    ldg.meeting_frequency = "Quarterly"
    ldg.save()
    police = Agency.objects.get(name="West Midlands Police")
    police.short_name = "Police"
    police.save()
    method = DisseminationMethod.objects.get(name="SCP newsletter")
    method.is_active = False
    method.save()
    chair = Person.objects.get(full_name__startswith="DCI – Public Protection")
    chair.full_name = "Dana Example"
    chair.save()

    load()

    ldg.refresh_from_db()
    assert ldg.meeting_frequency == "Quarterly"
    assert Agency.objects.get(pk=police.pk).short_name == "Police"
    assert not DisseminationMethod.objects.get(pk=method.pk).is_active
    # The renamed group is still recognised by its short name: no second LDG.
    assert Group.objects.count() == 7
    assert Group.objects.get(short_name="LDG").name == "Learning & Development Subgroup"
    # Seats are loaded only into an LDG without memberships: the renamed chair is not re-created.
    assert not Person.objects.filter(full_name__startswith="DCI – Public Protection").exists()
    assert Membership.objects.count() == 15


def test_names_are_matched_ignoring_case():
    Agency.objects.create(name="WEST MIDLANDS POLICE", short_name="Ours")
    Group.objects.create(name="audit group", purpose="Our own words")
    load()
    assert Agency.objects.filter(name__iexact="West Midlands Police").count() == 1
    assert Group.objects.get(name__iexact="Audit Group").purpose == "Our own words"


def test_the_ldg_terms_of_reference():
    load()
    ldg = Group.objects.get(name="Learning and Development Group")
    assert ldg.short_name == "LDG"
    assert ldg.purpose.startswith("The Learning and Development Group will disseminate learning")
    assert ldg.accountable_to.name == "Executive Group"
    assert ldg.meeting_frequency == "Alternate months (first year)"
    assert ldg.papers_due_working_days == 5
    assert ldg.minutes_due_days == 14
    assert ldg.quorum_rule == QuorumRule.SAFEGUARDING_PARTNERS
    assert ldg.terms_approved_on == datetime.date(2023, 4, 1)
    assert ldg.terms_review_due == datetime.date(2024, 4, 1)
    others = Group.objects.exclude(pk=ldg.pk)
    assert {g.quorum_rule for g in others} == {QuorumRule.NONE}
    assert all(g.purpose for g in others)
    assert Group.objects.get(name="Practitioner Learning Forum").accountable_to == ldg


def test_the_ldg_membership_list():
    load()
    ldg = Group.objects.get(name="Learning and Development Group")
    seats = ldg.memberships.select_related("person", "representing")
    chair = seats.get(role=MembershipRole.CHAIR)
    assert chair.person.full_name == "DCI – Public Protection, West Midlands Police"
    assert chair.representing.statutory_role == StatutoryRole.POLICE
    deputy = seats.get(role=MembershipRole.DEPUTY_CHAIR)
    assert deputy.person.job_title == "Senior Designated Nurse Safeguarding"
    assert deputy.representing.statutory_role == StatutoryRole.HEALTH
    # Every agency on the list has a seat; the business unit has its three officer posts.
    assert {m.representing.name for m in seats} == {name for name, *_ in preset.AGENCIES}
    officers = seats.filter(role=MembershipRole.OFFICER)
    assert sorted(m.person.job_title.split(" (")[0] for m in officers) == [
        "SSCP Project Officer",
        "SSCP Training Officer",
        "SSCP Unit Manager",
    ]
    assert {m.start_date for m in seats} == {datetime.date(2023, 4, 1)}
    assert all(m.end_date is None for m in seats)


def test_agencies_have_their_statutory_roles_and_sectors():
    load()
    role = dict(Agency.objects.values_list("name", "statutory_role"))
    assert role["Solihull Children's Social Care"] == StatutoryRole.LOCAL_AUTHORITY
    assert role["West Midlands Police"] == StatutoryRole.POLICE
    assert role["NHS Birmingham and Solihull Integrated Care Board"] == StatutoryRole.HEALTH
    assert role["Solihull Safeguarding Children Partnership business unit"] == StatutoryRole.BUSINESS_UNIT
    assert list(role.values()).count(StatutoryRole.RELEVANT_AGENCY) == 9
    assert Agency.objects.get(short_name="Education").sector == Sector.EDUCATION


def test_learning_source_types_and_their_owning_groups():
    load()
    owner = {
        t.name: (t.owning_group.name if t.owning_group else None)
        for t in LearningSourceType.objects.select_related("owning_group")
    }
    for name in [
        "Rapid review",
        "Local child safeguarding practice review",
        "Safeguarding adult review",
        "Domestic homicide review",
        "National review",
    ]:
        assert owner[name] == "CSPR Panel"
    for name in [
        "LADO annual report",
        "Private fostering report",
        "Education report",
        "Performance analysis",
    ]:
        assert owner[name] == "Assurance and Review Group"
    assert owner["Multi-agency audit"] == owner["Single-agency audit"] == "Audit Group"
    for name in [
        "Ofsted inspection",
        "CQC inspection",
        "HMICFRS inspection",
        "Other inspectorate inspection",
        "Voice of the child",
        "Child Death Overview Panel report",
        "Practitioner questionnaire",
        "Practitioner Learning Forum",
        "Section 11 self-assessment",
        "Section 175 / 157 education self-assessment",
        "Complaints and compliments",
        "Workforce development review",
        "Website statistics",
        "Research and national guidance",
    ]:
        assert name in owner
    assert all(t.category and t.usual_providers for t in LearningSourceType.objects.all())
    assert LearningSourceType.objects.get(name="HMICFRS inspection").usual_providers == "West Midlands Police"


def test_dissemination_methods_monitoring_processes_and_audiences():
    load()
    assert DisseminationMethod.objects.count() == 8
    assert list(DisseminationMethod.objects.values_list("name", flat=True)[:2]) == [
        "Publication of reviews on the SCP website",
        "SCP newsletter",
    ]
    assert set(MonitoringProcess.objects.values_list("category", flat=True)) == {
        "Performance analysis",
        "Quality assurance and audit activity",
        "Survey activity",
        "Feedback",
    }
    assert dict(AudienceGroup.objects.values_list("name", "description")) == {
        "Internal communications": "Partnership members",
        "Workforce communications": "Professionals working within partner organisations",
        "External communications": "Children, young people, parents and carers",
        "General communications": "The general public",
    }


@pytest.mark.django_db
def test_only_the_cspr_panel_handles_restricted_case_details():
    call_command("load_framework", verbosity=0)
    assert list(Group.objects.filter(handles_case_reviews=True).values_list("name", flat=True)) == [
        "CSPR Panel"
    ]
