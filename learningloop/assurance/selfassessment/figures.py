"""The assurance area's figure on the agency contribution scorecard (core.contributions): Section 11 returns
on time. Per agency, the Section 11 returns due before today and how many were submitted by their due date
(an agency's own due date, so an agreed extension counts). Section 175/157 returns (schools) are not counted.
One query."""

from django.db.models import Count, F, Q
from django.urls import reverse

from learningloop.core.contributions import Figure, register

from ..models import SelfAssessmentReturn, StandardSetKind


def section_11_on_time(agency_ids, today):
    rows = (
        SelfAssessmentReturn.objects.filter(
            agency_id__in=agency_ids, due_on__lt=today, cycle__standard_set__kind=StandardSetKind.SECTION_11
        )
        .values("agency_id")
        .annotate(of=Count("pk"), met=Count("pk", filter=Q(submitted_on__lte=F("due_on"))))
    )
    return {row["agency_id"]: (row["met"], row["of"]) for row in rows}


def register_figures():
    register(
        Figure(
            "assurance.section_11_on_time",
            "Section 11 returns on time",
            40,
            section_11_on_time,
            lambda agency: reverse("assurance:cycle_list"),
            "Section 11 self-assessment returns due so far that were submitted by their due date",
        )
    )
