"""The dissemination lists' filters (plans, briefings): see core/filters.py for the shared behaviour (a junk
value is reported in the error summary and ignored; the rest still apply)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import timezone

from learningloop.core.filters import GovukFilterSet

from .models import BriefingKind, BriefingStatus, Communication, CommunicationStatus

OPEN_COMMUNICATION = [CommunicationStatus.PLANNED, CommunicationStatus.IN_PROGRESS]

COMMUNICATION_FILTERS = [
    ("overdue", "Any communication overdue"),
    ("open", "Any communication still open"),
    ("complete", "Every communication done or cancelled"),
    ("none", "No communications yet"),
]


class PlanFilterSet(GovukFilterSet):
    """Filters plans by their communications, with EXISTS conditions, so that the list counts each plan's
    communications for the 50 rows it shows only (docs/adr/0025-page-cost-that-does-not-grow.md)."""

    communications = django_filters.ChoiceFilter(
        label="Communications",
        choices=COMMUNICATION_FILTERS,
        empty_label="Any",
        method="by_communications",
        error_messages={"invalid_choice": "Select a filter from the list"},
    )

    def by_communications(self, plans, name, value):
        communications = Communication.objects.filter(plan=OuterRef("pk"))
        open_ = communications.filter(status__in=OPEN_COMMUNICATION)
        if value == "overdue":
            return plans.filter(Exists(open_.filter(due_on__lt=timezone.localdate())))
        if value == "open":
            return plans.filter(Exists(open_))
        if value == "complete":
            return plans.filter(Exists(communications), ~Exists(open_))
        return plans.filter(~Exists(communications))


class BriefingFilterSet(GovukFilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind",
        choices=BriefingKind.choices,
        empty_label="Any kind",
        error_messages={"invalid_choice": "Select a kind from the list"},
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=BriefingStatus.choices,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a status from the list"},
    )
