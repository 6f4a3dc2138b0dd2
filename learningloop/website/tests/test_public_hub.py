"""The public pages: no sign-in, a search, pages by theme, an Atom feed a real parser reads, counting of
page views and downloads per item and month without cookies, and a fixed number of queries."""

import datetime

import feedparser
import pytest
import time_machine
from django.urls import reverse

from learningloop.dissemination.models import BriefingKind
from learningloop.website.models import MonthlyCount, PublicTheme

from .factories import local_review, publish, publisher, ready_briefing

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    by = publisher()
    review = publish("case_review", local_review(title="Local review: Baby Orchard"), by)
    briefing = publish(
        "learning_briefing", ready_briefing(title="7-minute briefing: neglect and chronologies"), by
    )
    newsletter = publish(
        "newsletter",
        ready_briefing(title="Spring newsletter", kind=BriefingKind.NEWSLETTER_ITEM),
        by,
    )
    return {"review": review, "briefing": briefing, "newsletter": newsletter}


def test_the_hub_needs_no_sign_in_and_lists_what_is_published(client, published):
    page = client.get(reverse("website:index"))
    assert page.status_code == 200
    text = page.content.decode()
    for item in published.values():
        assert item.title in text
    assert "3 publications" in text
    detail = client.get(reverse("website:publication", kwargs={"slug": published["briefing"].slug}))
    assert detail.status_code == 200
    assert "7-minute briefing" in detail.content.decode()
    assert "A fictional audit of neglect cases" in detail.content.decode()


def test_search_finds_words_in_the_text_and_filters_by_type(client, published):
    found = client.get(reverse("website:index"), {"q": "safe sleep"}).content.decode()
    assert "Baby Orchard" in found and "Spring newsletter" not in found
    by_type = client.get(reverse("website:index"), {"kind": "newsletter"}).content.decode()
    assert "Spring newsletter" in by_type and "Baby Orchard" not in by_type
    nothing = client.get(reverse("website:index"), {"q": "zebra crossing"}).content.decode()
    assert "No publications match your search." in nothing


def test_junk_search_input_is_reported_not_a_500(client, published):
    response = client.get(reverse("website:index"), {"kind": "nonsense", "q": "x" * 500})
    assert response.status_code == 200
    text = response.content.decode()
    assert "There is a problem" in text
    assert "Select a type from the list" in text
    assert "Search text must be 200 characters or fewer" in text


def test_pages_by_theme(client, published):
    theme = PublicTheme.objects.get(name="Safe sleep")
    page = client.get(reverse("website:theme", kwargs={"slug": theme.slug})).content.decode()
    assert "Baby Orchard" in page and "Spring newsletter" not in page
    assert client.get(reverse("website:theme", kwargs={"slug": "no-such-theme"})).status_code == 404


def test_the_atom_feed_parses_and_lists_new_publications(client, published):
    response = client.get(reverse("website:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {item.title for item in published.values()}
    links = {entry.link for entry in feed.entries}
    assert f"http://testserver/publications/{published['review'].slug}/" in links


def test_views_and_downloads_are_counted_per_item_and_month_without_cookies(client, published):
    item = published["briefing"]
    url = reverse("website:publication", kwargs={"slug": item.slug})
    with time_machine.travel(datetime.date(2026, 4, 30)):
        for _ in range(3):
            response = client.get(url)
            assert not response.cookies, response.cookies  # no cookie is set
            assert "Set-Cookie" not in response
        client.get(reverse("website:publication_pdf", kwargs={"slug": item.slug}))
    with time_machine.travel(datetime.date(2026, 5, 1)):
        client.get(url)
    assert not client.cookies  # the visitor was never given one
    rows = {(r.month, r.views, r.downloads) for r in MonthlyCount.objects.filter(publication=item)}
    assert rows == {(datetime.date(2026, 4, 1), 3, 1), (datetime.date(2026, 5, 1), 1, 0)}
    # Nothing about the visitor is stored: the count rows hold only the item, the month and two numbers.
    assert {f.name for f in MonthlyCount._meta.get_fields()} == {
        "id",
        "publication",
        "month",
        "views",
        "downloads",
    }


def test_the_public_pages_take_a_fixed_number_of_queries(client, django_assert_max_num_queries, published):
    by = publisher()
    for n in range(12):
        publish("learning_briefing", ready_briefing(title=f"Extra briefing {n}"), by)
    with django_assert_max_num_queries(8):
        client.get(reverse("website:index"))
    with django_assert_max_num_queries(8):
        client.get(reverse("website:feed"))
    theme = PublicTheme.objects.get(name="Safe sleep")
    with django_assert_max_num_queries(8):
        client.get(reverse("website:theme", kwargs={"slug": theme.slug}))
    with django_assert_max_num_queries(10):
        client.get(reverse("website:publication", kwargs={"slug": published["review"].slug}))


def test_the_trail_sees_the_public_reach_of_a_key_message(client):
    from learningloop.core.publishing import public_reach
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory

    message = KeyMessageFactory()
    briefing = ready_briefing(title="Briefing with reach", key_messages=[message])
    item = publish("learning_briefing", briefing, publisher())
    for _ in range(2):
        client.get(reverse("website:publication", kwargs={"slug": item.slug}))
    client.get(reverse("website:publication_pdf", kwargs={"slug": item.slug}))
    [line] = public_reach(message.pk)
    assert (line.title, line.views, line.downloads, line.total) == ("Briefing with reach", 2, 1, 3)
    assert public_reach(message.pk + 1000) == []


def test_the_learning_trail_page_shows_the_public_reach(client, persona_client):
    from learningloop.learning.tests.factories_summaries import KeyMessageFactory

    message = KeyMessageFactory()
    item = publish(
        "learning_briefing",
        ready_briefing(title="Briefing read on the hub", key_messages=[message]),
        publisher(),
    )
    for _ in range(4):
        client.get(reverse("website:publication", kwargs={"slug": item.slug}))
    page = persona_client("agency_lead").get(reverse("reports:key_message_trail", kwargs={"pk": message.pk}))
    text = page.content.decode()
    assert "Reach on the public learning hub" in text
    assert "Briefing read on the hub" in text
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">4</td>' in text
