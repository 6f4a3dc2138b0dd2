"""The business unit's publications list and website statistics cost what the page shows: the views and
downloads are summed for the 50 items on the page only (never grouped over every item and month to count
or sort the list), and the financial years are read from the months held without a date function per row."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.website.models import MonthlyCount, Publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def fifty_one_items():
    start = timezone.now() - datetime.timedelta(days=100)
    items = [
        Publication.objects.create(
            kind="learning_briefing",
            kind_label="7-minute briefing",
            source_id=n,
            slug=f"briefing-{n}",
            title=f"Briefing {n:02d}",
            published_at=start + datetime.timedelta(days=n),
        )
        for n in range(51)
    ]
    # The oldest item (the 51st, alone on page 2): 3 + 4 views and 2 downloads over two months.
    MonthlyCount.objects.create(publication=items[0], month=datetime.date(2026, 1, 1), views=3, downloads=2)
    MonthlyCount.objects.create(publication=items[0], month=datetime.date(2026, 2, 1), views=4)
    # The newest (first on page 1): 10 views in one month.
    MonthlyCount.objects.create(publication=items[50], month=datetime.date(2026, 2, 1), views=10)
    return items


def _cells(page, title):
    row = page.split(title, 1)[1].split("</tr>", 1)[0]
    return [cell.split("</td>")[0] for cell in row.split('govuk-table__cell--numeric">')[1:]]


def test_each_item_shows_its_own_totals_on_either_page(persona_client, fifty_one_items):
    client = persona_client("bu_admin")
    first = client.get(reverse("website:manage_list")).text
    assert "51 items" in first
    assert _cells(first, "Briefing 50") == ["10", "0"]
    assert _cells(first, "Briefing 49") == ["0", "0"]
    assert "Briefing 00" not in first
    second = client.get(reverse("website:manage_list"), {"page": 2}).text
    assert _cells(second, "Briefing 00") == ["7", "2"]


def test_the_list_sums_the_counts_of_the_page_items_only(persona_client, fifty_one_items):
    client = persona_client("bu_admin")
    client.get(reverse("website:manage_list"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("website:manage_list"), {"page": 2})
    summed = [q["sql"] for q in queries if "website_monthlycount" in q["sql"]]
    assert len(summed) == 1  # the count and the order of the list never read the months
    assert " IN (" in summed[0]


def test_the_statistics_read_the_years_without_a_date_function_per_row(persona_client, fifty_one_items):
    client = persona_client("bu_admin")
    client.get(reverse("website:statistics"))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("website:statistics")).text
    assert not any("date_trunc" in q["sql"].lower() for q in queries)
    assert "17 page views and 2 downloads in all" in page  # 3 + 4 + 10 views
    # January and February 2026 are both in the financial year 2025 to 2026: offered once.
    assert page.count('<option value="2025"') == 1


def test_the_statistics_sort_the_months_without_each_publications_text(persona_client, fifty_one_items):
    """Every month's counts are sorted to show 50 rows: the sort carries the month, the counts and the
    title, never a publication's sections and search text."""
    client = persona_client("bu_admin")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("website:statistics")).text
    sorted_rows = [q["sql"] for q in queries if "ORDER BY" in q["sql"] and "website_monthlycount" in q["sql"]]
    assert len(sorted_rows) == 1
    assert '"sections"' not in sorted_rows[0] and '"search_text"' not in sorted_rows[0]
    # Newest month first, then by title: February's two rows (Briefing 00, Briefing 50), then January's.
    order = [
        page.index(f'<td class="govuk-table__cell">{title}</td>') for title in ("Briefing 00", "Briefing 50")
    ]
    assert order == sorted(order)
    assert page.index("February 2026") < page.index("January 2026")
