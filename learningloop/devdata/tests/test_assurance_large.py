"""The large generator's assurance: every school makes a Section 175/157 return in each year's cycle, every
agency (not the business unit, not a school) a Section 11 return."""

import io

import pytest
from django.core.management import call_command

from learningloop.assurance.models import Cycle, SelfAssessmentReturn, StandardSetKind
from learningloop.partnership.models import Agency, StatutoryRole

pytestmark = pytest.mark.django_db


def test_each_year_asks_every_school_and_every_agency_for_a_return():
    call_command("load_framework", stdout=io.StringIO())
    call_command("generate_large_partnership", "--years", "2", "--scale", "0.02", stdout=io.StringIO())
    schools = Agency.objects.filter(is_school=True).count()
    agencies = (
        Agency.objects.filter(is_school=False).exclude(statutory_role=StatutoryRole.BUSINESS_UNIT).count()
    )
    s175 = Cycle.objects.filter(standard_set__kind=StandardSetKind.SECTION_175)
    s11 = Cycle.objects.filter(standard_set__kind=StandardSetKind.SECTION_11)
    assert s175.count() == s11.count() == 2
    for cycle in s175:
        assert cycle.returns.count() == schools == cycle.returns.filter(agency__is_school=True).count()
    for cycle in s11:
        assert cycle.returns.count() == agencies
    assert SelfAssessmentReturn.objects.filter(status="submitted").exists()
