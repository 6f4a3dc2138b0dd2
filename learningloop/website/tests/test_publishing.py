"""Publishing on the learning hub: nothing goes online without the recorded check, a snapshot holds only its
kind's allow-listed fields, publishing a review fills in its publication milestone, reviews stay online for
12 months, and retiring takes an item off the public site but keeps its record."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from learningloop.core import publishing
from learningloop.core.publishing import RestrictedPath
from learningloop.learning.models import Milestone
from learningloop.website.models import Publication, PublicationCheck, PublicationStatus
from learningloop.website.publishing.services import publication_retire

from .factories import local_review, publish, publisher, ready_briefing

pytestmark = pytest.mark.django_db

ALL_CHECKS = {"checks": ["no_child", "no_family_member", "no_practitioner"]}


def _publish_url(kind, obj):
    return reverse("website:publish", kwargs={"kind_code": kind, "source_id": obj.pk})


def test_publishing_needs_all_three_checks_and_records_who_and_when(persona_client):
    review = local_review()
    client = persona_client("bu_admin")
    for partial in ([], ["no_child"], ["no_child", "no_family_member"]):
        response = client.post(_publish_url("case_review", review), {"checks": partial})
        assert response.status_code == 200
        assert "There is a problem" in response.content.decode()
        assert "identifies no child, family member or practitioner" in response.content.decode()
    assert not Publication.objects.exists()

    with time_machine.travel(datetime.datetime(2026, 3, 16, 10, 0, tzinfo=datetime.UTC), tick=False):
        response = client.post(_publish_url("case_review", review), ALL_CHECKS)
    assert response.status_code == 302
    item = Publication.objects.get()
    check = PublicationCheck.objects.get(publication=item)
    assert check.checked_by.email == "bu_admin@example.org"
    assert check.checked_at == datetime.datetime(2026, 3, 16, 10, 0, tzinfo=datetime.UTC)
    assert check.no_child and check.no_family_member and check.no_practitioner


def test_the_service_refuses_without_the_check():
    review = local_review()
    with pytest.raises(ValidationError):
        from learningloop.website.publishing.services import publication_publish

        publication_publish(
            kind_code="case_review",
            source_id=review.pk,
            by=publisher(),
            no_child=True,
            no_family_member=True,
            no_practitioner=False,
        )
    assert not Publication.objects.exists()


def test_publishing_a_review_fills_in_its_publication_milestone():
    review = local_review()
    review.sent_to_panel_on = datetime.date(2026, 3, 2)
    from learningloop.learning.services import case_review_save

    case_review_save(review=review)
    with time_machine.travel(datetime.date(2026, 3, 16)):
        publish("case_review", review, publisher())
    review.refresh_from_db()
    assert review.published_on == datetime.date(2026, 3, 16)
    done = Milestone.objects.filter(review=review, rule__done_when="published_on")
    assert done.exists() and all(m.done_on == datetime.date(2026, 3, 16) for m in done)


def test_a_snapshot_holds_only_allow_listed_fields():
    review = local_review()
    review.reviewer = "Independent Reviewer Ophelia Thistlewood"
    review.panel_response = "Panel response text Quillon"
    review.decision_rationale = "Rationale text Brackenfold"
    review.save()
    item = publish("case_review", review, publisher())
    stored = " ".join([item.title, item.summary, str(item.sections), item.search_text])
    for restricted in (
        "Test Child Zebedee-Quinton",
        "1 Imaginary Lane",
        "CASE-TEST-0042",
        "2015",
        "Ophelia Thistlewood",
        "Quillon",
        "Brackenfold",
        review.pseudonym,
    ):
        assert restricted not in stored
    assert "Safe sleep advice was not repeated at each visit." in stored
    assert [t.name for t in item.themes.all()] == ["Safe sleep"]


def test_a_kind_cannot_read_outside_its_allow_list():
    kind = publishing.get_kind("case_review")
    read = kind.reader(local_review())
    for path in ("child_details.child_name", "reviewer", "monitoring_entries.note", "panel_response"):
        with pytest.raises(RestrictedPath):
            read(path)


RESTRICTED_NAMES = {
    "child_details",
    "child_name",
    "date_of_birth",
    "address",
    "case_reference",
    "monitoring_entries",
    "reviewer",
    "panel_response",
    "decision_rationale",
    "delay_reasons",
    "pseudonym",
    "memberships",
    "people",
    "person",
    "created_by",
    "email",
}


def test_no_registered_kind_allows_a_restricted_field():
    assert {k.code for k in publishing.kinds()} >= {
        "case_review",
        "learning_briefing",
        "newsletter",
        "terms_of_reference",
        "framework",
    }
    for kind in publishing.kinds():
        for path in kind.fields:
            assert not set(path.split(".")) & RESTRICTED_NAMES, (kind.code, path)


def test_only_ready_briefings_and_local_reviews_can_be_published(persona_client):
    from learningloop.dissemination.tests.factories_briefings import BriefingFactory
    from learningloop.learning.tests.factories_reviews import make_review

    draft = BriefingFactory(title="Draft briefing")
    undecided = make_review()
    client = persona_client("bu_admin")
    assert client.get(_publish_url("learning_briefing", draft)).status_code == 404
    assert client.get(_publish_url("case_review", undecided)).status_code == 404
    assert client.post(_publish_url("learning_briefing", draft), ALL_CHECKS).status_code == 404
    assert not Publication.objects.exists()
    listing = client.get(reverse("website:candidates")).content.decode()
    assert "Draft briefing" not in listing


def test_publishing_twice_is_refused():
    briefing = ready_briefing(title="Briefing once only")
    by = publisher()
    publish("learning_briefing", briefing, by)
    with pytest.raises(ValidationError):
        publish("learning_briefing", briefing, by)
    assert Publication.objects.count() == 1


def test_published_reviews_stay_online_twelve_months(make_persona, client):
    review = local_review()
    with time_machine.travel(datetime.date(2026, 3, 16)):
        item = publish("case_review", review, publisher())
    # 16 March 2026 + 12 months = 16 March 2027 (counted on the calendar).
    assert item.keep_until == datetime.date(2027, 3, 16)
    admin = make_persona("bu_admin")
    with time_machine.travel(datetime.date(2027, 3, 15)):
        client.force_login(admin)
        page = client.get(reverse("website:manage_list")).content.decode()
        assert "May be retired from 16 March 2027" in page
        assert "by Pat Publisher" in page  # who checked and published it
        response = client.post(reverse("website:retire", kwargs={"pk": item.pk}), {"reason": "Superseded"})
        assert response.status_code == 200
        assert "may be retired from 16 March 2027" in response.content.decode()
    item.refresh_from_db()
    assert item.status == PublicationStatus.PUBLISHED
    with time_machine.travel(datetime.date(2027, 3, 16)):
        client.force_login(admin)
        response = client.post(reverse("website:retire", kwargs={"pk": item.pk}), {"reason": "Superseded"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == PublicationStatus.RETIRED
    assert item.retire_reason == "Superseded"
    assert item.retired_by.email == "bu_admin@example.org"
    assert PublicationCheck.objects.filter(publication=item).exists()  # the record is kept


def test_a_briefing_may_be_retired_at_once_and_then_disappears_from_the_public_site(client):
    briefing = ready_briefing(title="Retired briefing Marrowfield")
    item = publish("learning_briefing", briefing, publisher())
    assert client.get(reverse("website:publication", kwargs={"slug": item.slug})).status_code == 200
    publication_retire(publication=item, by=publisher(), reason="Out of date")
    assert client.get(reverse("website:publication", kwargs={"slug": item.slug})).status_code == 404
    assert client.get(reverse("website:publication_pdf", kwargs={"slug": item.slug})).status_code == 404
    assert "Marrowfield" not in client.get(reverse("website:index")).content.decode()
    assert "Marrowfield" not in client.get(reverse("website:feed")).content.decode()
    # Retiring twice is refused as a conflict and changes nothing.
    admin = publisher()
    client.force_login(admin)
    response = client.post(reverse("website:retire", kwargs={"pk": item.pk}), {"reason": "Again"})
    assert response.status_code == 409
    item.refresh_from_db()
    assert item.retire_reason == "Out of date"


def test_bad_input_on_retire_shows_an_error_summary(persona_client):
    item = publish("learning_briefing", ready_briefing(), publisher())
    response = persona_client("bu_admin").post(
        reverse("website:retire", kwargs={"pk": item.pk}), {"reason": "x" * 3000}
    )
    assert response.status_code == 200
    assert "The reason must be 2,000 characters or fewer" in response.content.decode()
    item.refresh_from_db()
    assert item.status == PublicationStatus.PUBLISHED


def test_a_publisher_who_is_not_business_unit_may_publish(client):
    client.force_login(publisher())
    briefing = ready_briefing(title="Published by the communications lead")
    response = client.post(_publish_url("learning_briefing", briefing), ALL_CHECKS)
    assert response.status_code == 302
    assert Publication.objects.get().title == "Published by the communications lead"
