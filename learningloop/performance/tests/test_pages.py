"""The impact pages as people use them: the indicator page with its chart, data, status and story, the
dashboard by priority and question, the late returns, the downloads, and query counts that do not grow."""

import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from learningloop.improvement.tests.factories import ActionFactory
from learningloop.learning.models import Priority
from learningloop.performance.models import Category, Polarity, Story, Unit
from learningloop.performance.services import data_dues_create

from .factories import IndicatorFactory, SubmissionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


@pytest.fixture
def assessed(home_agency, other_agency):
    priority = Priority.objects.create(name="Neglect")
    indicator = IndicatorFactory(
        name="Assessments within 45 working days",
        priority=priority,
        providers=[home_agency, other_agency],
        collect_from=D(2026, 1, 1),
    )
    for month, (police, health) in enumerate([(70, 80), (74, 84), (78, 86), (82, 88)], start=1):
        start = D(2026, month, 1)
        on_time = {"submitted_at": timezone.make_aware(datetime.datetime(2026, month + 1, 5, 10))}
        SubmissionFactory(
            **on_time,
            indicator=indicator,
            agency=home_agency,
            period_start=start,
            value=police,
            numerator=police,
            denominator=100,
        )
        SubmissionFactory(
            **on_time,
            indicator=indicator,
            agency=other_agency,
            period_start=start,
            value=health,
            numerator=health,
            denominator=100,
        )
    data_dues_create(indicator=indicator)
    return indicator


def test_the_indicator_page_shows_the_curve_status_trend_and_data(client, make_persona, assessed):
    client.force_login(make_persona("read_only"))
    html = client.get(f"/impact/indicators/{assessed.pk}/").content.decode()
    # April: (82 + 88) of 200 = 85%, exactly the target: on target; up from 80% in March: improving.
    assert "On target" in html and "Improving" in html and "Apr 2026" in html
    assert '<svg role="img"' in html
    assert "Partnership: 75% in Jan 2026, 85% in Apr 2026" in html  # the text alternative
    assert "Northshire Police" in html and "Northshire Hospitals NHS Trust" in html  # one line per agency
    assert "Submit a value" not in html  # read-only users do not submit


def test_the_story_behind_the_curve_links_improvement_actions(client, bu_officer, assessed, home_agency):
    action = ActionFactory(description="Recruit two assessment social workers", owner_agency=home_agency)
    client.force_login(bu_officer)
    url = f"/impact/indicators/{assessed.pk}/story/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "helping": "Daily huddles",
            "hurting": "Vacancies",
            "what_works": "Huddles",
            "plan": "Recruit",
            "actions": [action.pk],
        },
    )
    assert response.status_code == 302
    story = Story.objects.get(indicator=assessed)
    assert list(story.actions.all()) == [action]
    html = client.get(f"/impact/indicators/{assessed.pk}/").content.decode()
    assert "Vacancies" in html and "Recruit two assessment social workers" in html


def test_the_dashboard_groups_by_priority_and_question_and_filters(client, bu_officer, assessed, home_agency):
    IndicatorFactory(
        name="Domestic abuse incidents",
        category=Category.HOW_MUCH,
        polarity=Polarity.LOWER,
        target=None,
        tolerance=None,
        providers=[home_agency],
    )
    client.force_login(bu_officer)
    html = client.get("/impact/").content.decode()
    neglect = html[html.index(">Neglect<") : html.index("No partnership priority")]
    assert "How well did we do it?" in neglect and "Assessments within 45 working days" in neglect
    assert "No data" in html
    filtered = client.get("/impact/?status=on_target").content.decode()
    assert "Assessments within 45 working days" in filtered and "Domestic abuse incidents" not in filtered
    junk = client.get("/impact/?priority=banana")
    assert junk.status_code == 200 and "govuk-error-summary" in junk.content.decode()


def test_late_and_missing_returns_by_agency_and_period(client, make_persona, assessed, home_agency):
    lead = make_persona("agency_lead")
    client.force_login(lead)
    html = client.get("/impact/late/").content.decode()
    # May 2026 was due 19 June: not late yet. Nothing else is missing: no rows.
    assert "No late or missing returns" in html
    with time_machine.travel(datetime.datetime(2026, 6, 23, 9, 0), tick=False):
        client.force_login(lead)  # a new session on the later day
        html = client.get("/impact/late/").content.decode()
    body = html[html.index("<tbody") : html.index("</tbody>")]
    # May was due Friday 19 June; on Tuesday 23 June it is 2 working days overdue. June is not yet owed.
    assert body.count("<tr") == 1
    assert "Overdue by 2 working days" in body and "1 May 2026 to 31 May 2026" in body
    assert "Northshire Police" in body and "Northshire Hospitals" not in body  # their own agency only


def test_downloads_excel_word_and_pdf(client, make_persona, assessed):
    client.force_login(make_persona("agency_member"))
    sheet = load_workbook(
        io.BytesIO(client.get(f"/impact/indicators/{assessed.pk}/export?format=xlsx").content)
    ).active
    rows = list(sheet.values)
    assert rows[0] == (
        "Period",
        "Period start",
        "Period end",
        "Partnership",
        "Northshire Hospitals NHS Trust",
        "Northshire Police",
    )
    assert rows[1][0] == "Apr 2026" and rows[1][3] == 85
    word = Document(io.BytesIO(client.get(f"/impact/indicators/{assessed.pk}/scorecard?format=docx").content))
    assert len(word.inline_shapes) == 1
    assert any("Status: On target" in p.text for p in word.paragraphs)
    pdf = client.get("/impact/dashboard/export?format=pdf")
    assert pdf.content.startswith(b"%PDF-") and pdf["Content-Disposition"].startswith("attachment")
    dashboard = load_workbook(io.BytesIO(client.get("/impact/dashboard/export?format=xlsx").content)).active
    assert list(dashboard.values)[1][8:] == ("On target", "Improving")


def test_query_counts_do_not_grow_with_the_data(
    client, bu_officer, home_agency, django_assert_max_num_queries
):
    client.force_login(bu_officer)
    for n in range(3):
        indicator = IndicatorFactory(providers=[home_agency], collect_from=D(2026, 1, 1))
        for month in range(1, 5):
            SubmissionFactory(
                indicator=indicator, agency=home_agency, period_start=D(2026, month, 1), value=50 + n
            )
        data_dues_create(indicator=indicator)
    pages = ["/impact/", "/impact/indicators/", f"/impact/indicators/{indicator.pk}/", "/impact/late/"]
    counts = {}
    for url in pages:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as few:
            assert client.get(url).status_code == 200
        counts[url] = len(few)
    for n in range(10):
        indicator = IndicatorFactory(providers=[home_agency], collect_from=D(2026, 1, 1))
        for month in range(1, 5):
            SubmissionFactory(
                indicator=indicator, agency=home_agency, period_start=D(2026, month, 1), value=50 + n
            )
        data_dues_create(indicator=indicator)
    pages[2] = f"/impact/indicators/{indicator.pk}/"
    for url, before in zip(pages, counts.values(), strict=True):
        with django_assert_max_num_queries(before):
            assert client.get(url).status_code == 200


def test_a_measure_many_agencies_give_shows_them_twelve_at_a_time(client, make_persona):
    """Fourteen agencies give a count for January and February 2026 (agency n gives n, then n + 1). Page 1
    shows the first twelve by name, page 2 the other two; the partnership's column is the sum of all
    fourteen on both pages: 1 + ... + 14 = 105 in January, 105 + 14 = 119 in February."""
    from learningloop.partnership.tests.factories import AgencyFactory

    agencies = [AgencyFactory(name=f"Borough agency {n:02d}") for n in range(1, 15)]
    indicator = IndicatorFactory(
        name="Referrals received", unit=Unit.COUNT, providers=agencies, collect_from=D(2026, 1, 1)
    )
    for n, agency in enumerate(agencies, start=1):
        for month in (1, 2):
            SubmissionFactory(
                indicator=indicator, agency=agency, period_start=D(2026, month, 1), value=n + month - 1
            )
    client.force_login(make_persona("read_only"))
    first = client.get(f"/impact/indicators/{indicator.pk}/").content.decode()
    second = client.get(f"/impact/indicators/{indicator.pk}/", {"page": 2}).content.decode()
    table = lambda html: html[html.index("<table") : html.index("</table>")]  # noqa: E731
    shown = [f"Borough agency {n:02d}" for n in range(1, 13)]
    assert all(name in table(first) for name in shown)
    figure = lambda html: html[html.index("<figure") : html.index("</figure>")]  # noqa: E731
    for part in (table(first), figure(first)):
        assert "Borough agency 13" not in part and "Borough agency 14" not in part
    assert "Borough agency 01" in figure(first)
    assert "agencies 1 to 12 of 14, by name" in first
    assert "Borough agency 13" in table(second) and "Borough agency 14" in table(second)
    assert not any(name in table(second) or name in figure(second) for name in shown)
    assert "Borough agency 14" in figure(second)
    assert "agencies 13 to 14 of 14, by name" in second
    for html in (first, second):
        assert '<td class="govuk-table__cell govuk-table__cell--numeric">119</td>' in html
        assert '<td class="govuk-table__cell govuk-table__cell--numeric">105</td>' in html
        assert 'aria-label="Agencies shown"' in html
