"""The governance area's second figure on the agency contribution scorecard (core.contributions): how many
of the agency's practitioners attended the partnership's webinars and learning events this calendar year to
date (Appendix A section 1: learning events and agency attendance). A count, not a share. One query."""

from django.db.models import Sum
from django.urls import reverse

from learningloop.core.contributions import Figure, register

from ..models import EventAttendance


def event_attendees(agency_ids, today):
    rows = (
        EventAttendance.objects.filter(
            agency_id__in=agency_ids,
            event__held_on__gte=today.replace(month=1, day=1),
            event__held_on__lte=today,
        )
        .values("agency_id")
        .annotate(n=Sum("attendees"))
        .order_by()
    )
    return {row["agency_id"]: (row["n"], 0) for row in rows}


def register_figures():
    register(
        Figure(
            "governance.event_attendees",
            "Attendees at learning events",
            55,
            event_attendees,
            lambda agency: reverse("governance:event_list"),
            "People from the agency at the partnership's webinars and learning events this calendar year",
            unit="attendees this year",
            unit_one="attendee this year",
        )
    )
