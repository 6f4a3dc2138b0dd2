"""The partnership's name heads every page; each process keeps it for a minute rather than reading it on
every page (core/kept.py, ADR 0025)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learningloop.partnership.models import Partnership

pytestmark = pytest.mark.django_db


def _page(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("partnership:group_list")).content.decode()
    reads = [q for q in queries if 'FROM "partnership_partnership"' in q["sql"]]
    return html, len(reads)


def test_the_second_page_shows_the_name_without_reading_it(kept_clock, partnership, officer_client):
    first, first_reads = _page(officer_client)
    second, second_reads = _page(officer_client)
    assert "Northshire Safeguarding Children Partnership: Learning Loop" in first
    assert "Northshire Safeguarding Children Partnership: Learning Loop" in second
    assert (first_reads, second_reads) == (1, 0)


def test_a_rename_here_shows_on_the_next_page(kept_clock, partnership, officer_client):
    _page(officer_client)
    partnership.name = "Southshire Safeguarding Children Partnership"
    partnership.save()
    html, _ = _page(officer_client)
    assert "Southshire Safeguarding Children Partnership: Learning Loop" in html


def test_a_rename_on_another_server_shows_within_a_minute(kept_clock, partnership, officer_client):
    _page(officer_client)
    # Another app server saves it: this process gets no signal (an update sends none either).
    Partnership.objects.filter(pk=partnership.pk).update(name="Westshire Safeguarding Children Partnership")
    kept_clock[0] += 59
    html, _ = _page(officer_client)
    assert "Northshire Safeguarding Children Partnership: Learning Loop" in html
    kept_clock[0] += 2
    html, reads = _page(officer_client)
    assert "Westshire Safeguarding Children Partnership: Learning Loop" in html and reads == 1
