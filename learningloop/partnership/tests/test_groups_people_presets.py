import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.core.tests.edit_forms import form_data
from learningloop.partnership import models, services

from .factories import (
    AgencyFactory,
    AudienceGroupFactory,
    GroupFactory,
    LearningSourceTypeFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

GROUP = {
    "name": "Learning and Development Group",
    "short_name": "LDG",
    "papers_due_working_days": "5",
    "minutes_due_days": "10",
    "quorum_rule": "none",
}


def _text(response):
    return html.unescape(response.content.decode())


def _date(prefix, d):
    return {f"{prefix}-day": str(d.day), f"{prefix}-month": str(d.month), f"{prefix}-year": str(d.year)}


# --- Groups ---


def test_group_form_labels(officer_client):
    body = _text(officer_client.get(reverse("partnership:group_create")))
    for label in (
        "Name",
        "Short name",
        "Purpose",
        "Accountable to",
        "Meeting frequency",
        "Papers out, working days before the meeting",
        "Minutes out, days after the meeting",
        "Quorum rule",
        "Minimum members for quorum",
        "Terms of reference approved on",
        "Terms of reference next review",
        "Save group",
    ):
        assert label in body


def test_create_group_with_terms_of_reference(officer_client):
    parent = GroupFactory(name="Executive")
    data = {
        **GROUP,
        "accountable_to": parent.pk,
        **_date("terms_approved_on", datetime.date(2025, 4, 1)),
        **_date("terms_review_due", datetime.date(2026, 4, 1)),
    }
    response = officer_client.post(reverse("partnership:group_create"), data, follow=True)
    group = models.Group.objects.get(name=GROUP["name"])
    assert "Group created" in _text(response)
    assert group.accountable_to == parent and group.terms_review_due == datetime.date(2026, 4, 1)
    assert "1 April 2026" in _text(response)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"name": ""}, "Enter the group's name"),
        ({"name": "x" * 201}, "200 characters or fewer"),
        ({"name": "executive"}, "A group called executive already exists"),
        ({"papers_due_working_days": "five"}, "as a whole number"),
        ({"quorum_rule": "mob"}, "Select a quorum rule from the list"),
        ({"quorum_rule": "minimum_members"}, "Enter the minimum number of members for quorum"),
        ({"accountable_to": "99999"}, "Select a group from the list"),
        (
            {
                **_date("terms_approved_on", datetime.date(2025, 4, 1)),
                **_date("terms_review_due", datetime.date(2025, 3, 1)),
            },
            "on or after the date the terms were approved",
        ),
        (
            {"terms_approved_on-day": "31", "terms_approved_on-month": "2", "terms_approved_on-year": "2025"},
            "Enter a real date",
        ),
    ],
)
def test_group_bad_input(officer_client, extra, message):
    GroupFactory(name="Executive")
    before = models.Group.objects.count()
    response = officer_client.post(reverse("partnership:group_create"), {**GROUP, **extra})
    assert response.status_code == 200
    assert message in _text(response)
    assert models.Group.objects.count() == before


def test_group_cannot_be_accountable_to_itself_via_a_loop(officer_client):
    top = GroupFactory(name="Top")
    child = GroupFactory(name="Child", accountable_to=top)
    response = officer_client.post(
        reverse("partnership:group_edit", args=[top.pk]), {**GROUP, "name": "Top", "accountable_to": child.pk}
    )
    assert "cannot be accountable" in _text(response)
    top.refresh_from_db()
    assert top.accountable_to is None


def test_group_list_filters(officer_client):
    GroupFactory(name="Case Review Group", short_name="CRG")
    GroupFactory(name="Old Panel", is_active=False)
    url = reverse("partnership:group_list")
    assert "Case Review Group" in _text(officer_client.get(url, {"q": "crg"}))
    assert "Old Panel" not in _text(officer_client.get(url))
    assert "Old Panel" in _text(officer_client.get(url, {"status": "ended"}))
    assert officer_client.get(url, {"page": "x", "status": "nope"}).status_code == 200


# --- Memberships ---


def test_membership_form_labels_and_deputy_filter(officer_client):
    group = GroupFactory()
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    PersonFactory(full_name="Officer Dibble", agency=police)
    PersonFactory(full_name="Nurse Ratched", agency=health)
    url = reverse("partnership:membership_create", args=[group.pk])
    body = _text(officer_client.get(url))
    for label in (
        "Person",
        "Role",
        "Agency represented",
        "Start date",
        "End date",
        "Who may deputise",
        "Add member",
    ):
        assert label in body
    filtered = _text(officer_client.get(url, {"agency": police.pk}))
    deputies_part = filtered[filtered.index("Who may deputise") :]
    assert "Officer Dibble" in deputies_part and "Nurse Ratched" not in deputies_part
    assert officer_client.get(url, {"agency": "abc"}).status_code == 200


def test_add_member_defaults_agency_and_saves_deputies(officer_client):
    group = GroupFactory()
    person = PersonFactory()
    deputy = PersonFactory(agency=person.agency)
    data = {
        "person": person.pk,
        "role": "chair",
        "deputies": [deputy.pk],
        **_date("start_date", datetime.date(2025, 4, 1)),
    }
    response = officer_client.post(
        reverse("partnership:membership_create", args=[group.pk]), data, follow=True
    )
    assert "Member added" in _text(response)
    membership = models.Membership.objects.get(group=group, person=person)
    assert membership.representing == person.agency
    assert list(membership.deputies.all()) == [deputy]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"person": ""}, "Select the person"),
        ({"person": "99999"}, "Select a person from the list"),
        ({"role": "emperor"}, "Select a role from the list"),
        ({"start_date-day": ""}, "Enter a full date"),
        ({"start_date-day": "", "start_date-month": "", "start_date-year": ""}, "Enter the start date"),
        ({**_date("end_date", datetime.date(2025, 3, 1))}, "The end date must be on or after the start date"),
        ({"deputies": ["99999"]}, "Select people from the list"),
        ({"deputies": ["abc"]}, "Select people from the list"),
        ({"representing": "abc"}, "Select an agency from the list"),
    ],
)
def test_add_member_bad_input(officer_client, extra, message):
    group = GroupFactory()
    person = PersonFactory()
    data = {"person": person.pk, "role": "member", **_date("start_date", datetime.date(2025, 4, 1)), **extra}
    response = officer_client.post(reverse("partnership:membership_create", args=[group.pk]), data)
    assert response.status_code == 200
    assert message in _text(response)
    assert not models.Membership.objects.exists()


def test_add_member_refuses_overlapping_seat_and_self_deputy(officer_client):
    existing = MembershipFactory(start_date=datetime.date(2025, 4, 1))
    person = existing.person
    url = reverse("partnership:membership_create", args=[existing.group.pk])
    data = {"person": person.pk, "role": "member", **_date("start_date", datetime.date(2025, 6, 1))}
    assert "already has a seat on this group" in _text(officer_client.post(url, data))
    other = PersonFactory()
    data = {
        "person": other.pk,
        "role": "member",
        "deputies": [other.pk],
        **_date("start_date", datetime.date(2025, 6, 1)),
    }
    assert "cannot deputise for themselves" in _text(officer_client.post(url, data))
    assert models.Membership.objects.count() == 1


def test_end_membership_keeps_history(officer_client):
    membership = MembershipFactory(start_date=datetime.date(2024, 4, 1))
    url = reverse("partnership:membership_end", args=[membership.pk])
    confirm = _text(officer_client.get(url))
    today = timezone.localdate()
    assert f'value="{today.year}"' in confirm  # defaults to today
    bad = officer_client.post(url, _date("end_date", datetime.date(2024, 1, 1)))
    assert "The end date must be on or after the start date" in _text(bad)
    response = officer_client.post(url, _date("end_date", datetime.date(2025, 1, 31)), follow=True)
    assert "Membership ended" in _text(response)
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2025, 1, 31)
    page = _text(response)
    past = page[page.index("Past members") :]
    assert membership.person.full_name in past


def test_membership_end_service_refuses_end_before_start():
    from django.core.exceptions import ValidationError

    membership = MembershipFactory(start_date=datetime.date(2025, 4, 1))
    with pytest.raises(ValidationError):
        services.membership_end(membership=membership, end_date=datetime.date(2025, 1, 1))
    membership.refresh_from_db()
    assert membership.end_date is None


# --- People ---


def test_person_form_labels_and_create(officer_client):
    agency = AgencyFactory()
    body = _text(officer_client.get(reverse("partnership:person_create")))
    for label in ("Full name", "Job title", "Email address", "Agency", "Save person"):
        assert label in body
    data = {
        "full_name": "Sam Lead",
        "job_title": "Designated nurse",
        "email": "sam@example.org",
        "agency": agency.pk,
    }
    response = officer_client.post(reverse("partnership:person_create"), data, follow=True)
    assert "Person created" in _text(response)
    assert models.Person.objects.get(full_name="Sam Lead").agency == agency


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"full_name": ""}, "Enter the person's full name"),
        ({"full_name": "x" * 151}, "150 characters or fewer"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"agency": ""}, "Select the person's agency"),
        ({"agency": "99999"}, "Select an agency from the list"),
    ],
)
def test_person_bad_input(officer_client, extra, message):
    agency = AgencyFactory()
    data = {"full_name": "Sam", "agency": agency.pk, **extra}
    response = officer_client.post(reverse("partnership:person_create"), data)
    assert response.status_code == 200 and message in _text(response)
    assert not models.Person.objects.filter(full_name="Sam").exists()


def test_person_list_filters(officer_client):
    police = AgencyFactory(name="Police")
    PersonFactory(full_name="Alex Police", agency=police)
    PersonFactory(full_name="Bo Health")
    PersonFactory(full_name="Cy Gone", is_active=False)
    url = reverse("partnership:person_list")
    body = _text(officer_client.get(url, {"agency": police.pk}))
    assert "Alex Police" in body and "Bo Health" not in body
    assert "Bo Health" in _text(officer_client.get(url, {"q": "bo h"}))
    assert "Cy Gone" not in _text(officer_client.get(url))
    assert "Cy Gone" in _text(officer_client.get(url, {"status": "ended"}))
    assert officer_client.get(url, {"agency": "zz", "page": "-1"}).status_code == 200


def test_ending_a_person_ends_current_memberships_and_keeps_history(officer_client):
    person = PersonFactory()
    current = MembershipFactory(person=person, start_date=datetime.date(2024, 4, 1))
    past = MembershipFactory(
        person=person, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2021, 1, 1)
    )
    url = reverse("partnership:person_end", args=[person.pk])
    page = form_data(officer_client.get(url).content.decode())  # what the confirmation page posts back
    response = officer_client.post(url, page, follow=True)
    assert "Person ended" in _text(response)
    person.refresh_from_db()
    current.refresh_from_db()
    past.refresh_from_db()
    assert person.is_active is False
    assert current.end_date == timezone.localdate()
    assert past.end_date == datetime.date(2021, 1, 1)
    assert models.Membership.objects.filter(person=person).count() == 2


def test_person_end_service_with_future_membership():
    person = PersonFactory()
    future = MembershipFactory(person=person, start_date=datetime.date(2030, 1, 1))
    services.person_end(person=person, on=datetime.date(2026, 1, 1))
    future.refresh_from_db()
    assert future.end_date == datetime.date(2030, 1, 1)


def test_ending_a_group_ends_its_seats(officer_client):
    membership = MembershipFactory(start_date=datetime.date(2024, 4, 1))
    url = reverse("partnership:group_end", args=[membership.group.pk])
    officer_client.post(url, form_data(officer_client.get(url).content.decode()))
    membership.refresh_from_db()
    assert membership.end_date == timezone.localdate()
    assert not models.Group.objects.get(pk=membership.group.pk).is_active


# --- Framework preset lists ---


@pytest.mark.parametrize(
    "kind", ["source-types", "dissemination-methods", "monitoring-processes", "audiences"]
)
def test_every_preset_kind_lists_and_creates(officer_client, kind):
    list_url = reverse("partnership:preset_list", args=[kind])
    assert officer_client.get(list_url).status_code == 200
    data = {"name": f"New {kind}", "category": "Category", "position": "3"}
    response = officer_client.post(reverse("partnership:preset_create", args=[kind]), data, follow=True)
    assert response.redirect_chain[-1][0] == list_url
    assert f"New {kind}" in _text(response)


def test_framework_index_links_the_four_lists(persona_client):
    body = _text(persona_client("read_only").get(reverse("partnership:framework")))
    for kind in ("source-types", "dissemination-methods", "monitoring-processes", "audiences"):
        assert reverse("partnership:preset_list", args=[kind]) in body


def test_unknown_preset_kind_is_404(officer_client):
    assert officer_client.get("/partnership/framework/recipes/").status_code == 404
    assert officer_client.post("/partnership/framework/recipes/new", {"name": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "position": "0"}, "Enter the name"),
        ({"name": "PARENTS", "position": "0"}, "already exists"),
        ({"name": "x", "position": "first"}, "whole number"),
        ({"name": "x" * 201, "position": "0"}, "200 characters"),
    ],
)
def test_preset_bad_input(officer_client, data, message):
    AudienceGroupFactory(name="Parents")
    response = officer_client.post(reverse("partnership:preset_create", args=["audiences"]), data)
    assert response.status_code == 200 and message in _text(response)
    assert models.AudienceGroup.objects.count() == 1


def test_preset_end_keeps_the_item(officer_client):
    item = LearningSourceTypeFactory()
    response = officer_client.post(
        reverse("partnership:preset_end", args=["source-types", item.pk]), follow=True
    )
    assert "Source type ended" in _text(response)
    item.refresh_from_db()
    assert item.is_active is False


# --- Query counts do not grow with rows ---


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _grow(make, url, client):
    make(2)
    small = _queries(client, url)
    make(48)
    return small, _queries(client, url)


def test_agency_list_query_count(officer_client):
    small, large = _grow(
        lambda n: AgencyFactory.create_batch(n), reverse("partnership:agency_list"), officer_client
    )
    assert small == large


def test_person_list_query_count(officer_client):
    small, large = _grow(
        lambda n: PersonFactory.create_batch(n), reverse("partnership:person_list"), officer_client
    )
    assert small == large


def test_group_list_query_count(officer_client):
    parent = GroupFactory()

    def make(n):
        for group in GroupFactory.create_batch(n, accountable_to=parent):
            MembershipFactory(group=group)

    small, large = _grow(make, reverse("partnership:group_list"), officer_client)
    assert small == large


def test_group_detail_query_count(officer_client):
    group = GroupFactory()
    deputy = PersonFactory()

    def make(n):
        for i in range(n):
            m = MembershipFactory(group=group, end_date=datetime.date(2025, 6, 1) if i % 2 else None)
            m.deputies.add(deputy)

    small, large = _grow(make, reverse("partnership:group_detail", args=[group.pk]), officer_client)
    assert small == large


def test_preset_list_query_count(officer_client):
    group = GroupFactory()
    small, large = _grow(
        lambda n: LearningSourceTypeFactory.create_batch(n, owning_group=group),
        reverse("partnership:preset_list", args=["source-types"]),
        officer_client,
    )
    assert small == large


@pytest.mark.django_db
def test_new_group_form_starts_with_the_usual_papers_and_minutes_days(officer_client):
    html = officer_client.get("/partnership/groups/new").content.decode()
    assert 'name="papers_due_working_days" type="text" value="5"' in html or 'value="5"' in html
    assert 'value="14"' in html
    assert "identifying details of children in case reviews" in html


# --- Ending several memberships at once: all or nothing, from the versions the page showed ---


def _officers():
    from django.test import Client

    from learningloop.accounts.tests.factories import UserFactory
    from learningloop.core.policy import Role

    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(UserFactory(roles=[Role.BU_OFFICER]))
        clients.append(client)
    return clients


def test_ending_a_group_after_a_seat_changed_writes_nothing_and_names_it():
    group = GroupFactory(name="Neglect subgroup")
    ann = MembershipFactory(group=group, person=PersonFactory(full_name="Ann Smith"), role="chair")
    bob = MembershipFactory(group=group, person=PersonFactory(full_name="Bob Jones"), role="member")
    mine, theirs = _officers()
    url = reverse("partnership:group_end", args=[group.pk])
    opened = form_data(mine.get(url).content.decode())

    edit_url = reverse("partnership:membership_edit", args=[bob.pk])
    saved = theirs.post(
        edit_url, {**form_data(theirs.get(edit_url).content.decode()), "role": "deputy_chair"}
    )
    assert saved.status_code == 302

    response = mine.post(url, opened)
    assert response.status_code == 409
    text = html.unescape(response.content.decode())
    assert "Someone else changed “Bob Jones – Deputy chair, Neglect subgroup”" in text
    assert "Ann Smith" not in text and "Nothing has been changed" in text
    assert models.Group.objects.get(pk=group.pk).is_active
    assert list(models.Membership.objects.filter(group=group).values_list("end_date", flat=True)) == [
        None,
        None,
    ]
    ann.refresh_from_db()
    assert ann.version == 1  # its version was not claimed either

    # The page came back with the versions as they are now: confirming again ends the group and both seats.
    again = mine.post(url, form_data(response.content.decode()))
    assert again.status_code == 302
    assert not models.Group.objects.get(pk=group.pk).is_active
    ends = set(models.Membership.objects.filter(group=group).values_list("end_date", flat=True))
    assert ends == {timezone.localdate()}


def test_ending_a_person_refuses_a_membership_added_since_the_page_opened():
    person = PersonFactory(full_name="Cara Patel")
    MembershipFactory(person=person, group=GroupFactory(name="Health subgroup"))
    mine, _ = _officers()
    url = reverse("partnership:person_end", args=[person.pk])
    opened = form_data(mine.get(url).content.decode())
    MembershipFactory(person=person, group=GroupFactory(name="Schools subgroup"), role="member")

    response = mine.post(url, opened)
    assert response.status_code == 409
    text = html.unescape(response.content.decode())
    assert "“Cara Patel – Member, Schools subgroup”" in text and "Health subgroup" not in text
    assert models.Person.objects.get(pk=person.pk).is_active
    assert not models.Membership.objects.filter(person=person, end_date__isnull=False).exists()


def test_ending_from_a_page_with_no_versions_is_refused_not_a_500(officer_client):
    membership = MembershipFactory()
    url = reverse("partnership:group_end", args=[membership.group.pk])
    response = officer_client.post(url, {"version": "x", f"other-{membership.pk}": "junk"})
    assert response.status_code == 409 and "govuk-error-summary" in response.content.decode()
    membership.refresh_from_db()
    assert membership.end_date is None and models.Group.objects.get(pk=membership.group.pk).is_active


def test_the_group_list_counts_only_todays_members(officer_client):
    """Current members: a seat that started on or before today and has not ended before today. Here: two
    open seats and one ending today count; one that ended yesterday and one starting tomorrow do not."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    panel = GroupFactory(name="Practice Review Panel")
    GroupFactory(name="Quiet Group")  # no members at all: 0, not blank
    for start, end in [
        (today - 300 * day, None),
        (today, None),
        (today - 30 * day, today),
        (today - 30 * day, today - day),
        (today + day, None),
    ]:
        MembershipFactory(group=panel, start_date=start, end_date=end)
    page = officer_client.get(reverse("partnership:group_list")).content.decode()
    rows = {
        name: re.sub(r"\s+", " ", row)
        for row in page.split('<tr class="govuk-table__row">')[1:]
        for name in ("Practice Review Panel", "Quiet Group")
        if f">{name}</a>" in row
    }
    assert 'govuk-table__cell--numeric">3</td>' in rows["Practice Review Panel"]
    assert 'govuk-table__cell--numeric">0</td>' in rows["Quiet Group"]
