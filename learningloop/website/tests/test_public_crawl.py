"""The demo partnership's public site, crawled as an anonymous visitor: every page, the feed and every file
(PDFs read back as text, Word and Excel unpacked) is searched for every restricted value the demo holds (the
children's details, monitoring notes, reviewers, the Panel's responses, the people of the partnership) and
for the title of every record that is not published: none may appear. Retired and unpublished items are not
reachable."""

import io
import re
import zipfile
from html import unescape
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command
from django.urls import reverse

from learningloop.accounts.models import User
from learningloop.dissemination.models import Briefing, EmbeddingRequest
from learningloop.improvement.models import ActionPlan
from learningloop.learning.models import (
    CaseReview,
    ChildDetails,
    LearningActivity,
    MonitoringEntry,
    SummaryOfLearning,
)
from learningloop.partnership.models import Person
from learningloop.website.models import Publication, PublicationStatus

pytestmark = pytest.mark.django_db

HUB = "/publications/"
MANAGE = "/publications/manage/"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


def _text_of(response) -> str:
    content_type = response["Content-Type"]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/pdf"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(body))
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        return text + " " + str(reader.metadata)
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return unescape(body.decode("utf-8", "replace"))


def _links(html: str, base: str):
    for href in re.findall(r'href="([^"]+)"', html):
        url = urlparse(urljoin(base, unescape(href)))
        if url.netloc in ("", "testserver") and url.path.startswith(HUB) and not url.path.startswith(MANAGE):
            yield url.path + (f"?{url.query}" if url.query else "")


def _crawl(client):
    seen, queue, texts = set(), [HUB, reverse("website:feed")], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        text = _text_of(response)
        texts[url] = re.sub(r"\s+", " ", text)
        if response["Content-Type"].startswith(("text/html", "application/atom+xml")):
            queue.extend(link for link in _links(text, url) if link not in seen)
    return texts


def _restricted_values():
    values = set()
    for details in ChildDetails.objects.all():
        values |= {details.child_name, details.address, details.case_reference}
        if details.date_of_birth:
            values.add(f"{details.date_of_birth.day} {details.date_of_birth:%B %Y}")
            values.add(details.date_of_birth.isoformat())
    values |= set(MonitoringEntry.objects.values_list("note", flat=True))
    for review in CaseReview.objects.all():
        values |= {review.reviewer, review.panel_response, review.decision_rationale, review.delay_reasons}
    values |= set(Person.objects.values_list("full_name", flat=True))
    values |= set(User.objects.values_list("full_name", flat=True))
    values |= set(User.objects.values_list("email", flat=True))
    return {v.strip() for v in values if v and len(v.strip()) > 3}


def _unpublished_titles():
    live = set(Publication.objects.filter(status=PublicationStatus.PUBLISHED).values_list("title", flat=True))
    titles = set()
    for model, field in (
        (Briefing, "title"),
        (LearningActivity, "title"),
        (SummaryOfLearning, "title"),
        (EmbeddingRequest, "title"),
        (ActionPlan, "title"),
    ):
        titles |= set(model.objects.values_list(field, flat=True))
    titles |= set(
        Publication.objects.filter(status=PublicationStatus.RETIRED).values_list("title", flat=True)
    )
    # A title that is also the title of a live publication is published, not unpublished.
    return {t for t in titles if t and t not in live and not any(t in published for published in live)}


def test_the_demo_public_site_shows_no_restricted_value_and_no_unpublished_title(demo, client):
    live = Publication.objects.filter(status=PublicationStatus.PUBLISHED)
    assert live.filter(kind="case_review").count() == 1
    assert live.filter(kind="learning_briefing").count() == 2
    assert live.filter(kind="newsletter").count() == 1
    assert Publication.objects.filter(status=PublicationStatus.RETIRED).count() == 1
    assert (
        Briefing.objects.filter(status="ready")
        .exclude(
            pk__in=Publication.objects.filter(kind__in=["learning_briefing", "newsletter"]).values(
                "source_id"
            )
        )
        .exists()
    ), "the demo keeps a ready briefing unpublished"

    texts = _crawl(client)
    # Every live item's page and PDF were reached, and the feed.
    for item in live:
        assert reverse("website:publication", kwargs={"slug": item.slug}) in texts
        pdf_text = texts[reverse("website:publication_pdf", kwargs={"slug": item.slug})]
        assert item.title.split(":")[0] in pdf_text  # the crawl reads the files' text, not just their bytes
    assert reverse("website:feed") in texts

    restricted = _restricted_values()
    unpublished = _unpublished_titles()
    assert (
        "Test Child Alpha" in restricted
        and "Learning briefing: bruising in babies who are not yet mobile" in (unpublished)
    )
    assert "7-minute briefing: the old escalation policy" in unpublished  # the retired one
    leaks = [
        (url, value) for url, text in texts.items() for value in restricted | unpublished if value in text
    ]
    assert not leaks, leaks


def test_retired_and_unpublished_items_are_not_reachable(demo, client):
    retired = Publication.objects.get(status=PublicationStatus.RETIRED)
    assert client.get(reverse("website:publication", kwargs={"slug": retired.slug})).status_code == 404
    assert client.get(reverse("website:publication_pdf", kwargs={"slug": retired.slug})).status_code == 404
    assert (
        client.get(reverse("website:index"), {"q": "old escalation"})
        .content.decode()
        .count("the old escalation policy")
        == 0
    )
