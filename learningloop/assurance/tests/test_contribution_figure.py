"""Section 11 returns on time on the agency contribution scorecard: returns due before today, submitted by
their due date; returns not yet due do not count."""

import datetime

import pytest
import time_machine

from ..models import SelfAssessmentReturn
from ..selfassessment import services
from ..selfassessment.figures import section_11_on_time
from .factories import standard_set

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0), tick=False):
        yield


def _cycle(ss, name, due_on, submitted):
    """A cycle made as the business unit makes it (a return for every agency), then the returns' dates."""
    cycle = services.cycle_create(
        standard_set=ss,
        name=name,
        frequency="annual",
        opens_on=due_on - datetime.timedelta(days=60),
        due_on=due_on,
    )
    for agency, on in submitted.items():
        SelfAssessmentReturn.objects.filter(cycle=cycle, agency=agency).update(submitted_on=on)


@pytest.fixture
def returns(home_agency, other_agency):
    ss = standard_set()
    _cycle(ss, "Section 11 2025", D(2025, 3, 31), {home_agency: D(2025, 3, 31), other_agency: None})
    _cycle(ss, "Section 11 2026", D(2026, 3, 31), {home_agency: D(2026, 3, 30), other_agency: D(2026, 4, 10)})
    _cycle(ss, "Section 11 2027", D(2026, 9, 30), {home_agency: None, other_agency: None})  # not due yet


def test_returns_on_time_per_agency(returns, home_agency, other_agency, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = section_11_on_time([home_agency.pk, other_agency.pk], D(2026, 6, 15))
    assert counts == {
        home_agency.pk: (2, 2),
        other_agency.pk: (0, 2),
    }


def test_the_scorecard_shows_section_11_on_time_linking_to_the_cycles(returns, client, make_persona):
    client.force_login(make_persona("read_only"))
    html = client.get("/impact/agencies/").content.decode()

    def row(name):
        part = html[html.index(f">{name}<") :]
        return part[: part.index("</tr>")]

    assert '100%<span class="govuk-visually-hidden"> section 11 returns on time' in row("Northshire Police")
    assert "2 of 2" in row("Northshire Police")
    hospitals = row("Northshire Hospitals NHS Trust")
    assert '0%<span class="govuk-visually-hidden"> section 11 returns on time' in hospitals
    assert "/assurance/self-assessment/" in hospitals
