"""The dissemination lists' filters (plans, briefings): see core/filters.py for the shared behaviour (a junk
value is reported in the error summary and ignored; the rest still apply)."""

import django_filters

from learningloop.core.filters import GovukFilterSet

from .models import BriefingKind, BriefingStatus

COMMUNICATION_FILTERS = [
    ("overdue", "Any communication overdue"),
    ("open", "Any communication still open"),
    ("complete", "Every communication done or cancelled"),
    ("none", "No communications yet"),
]


class PlanFilterSet(GovukFilterSet):
    """Filters plans by their communications; the queryset must carry `with_communication_counts`."""

    communications = django_filters.ChoiceFilter(
        label="Communications",
        choices=COMMUNICATION_FILTERS,
        empty_label="Any",
        method="by_communications",
        error_messages={"invalid_choice": "Select a filter from the list"},
    )

    def by_communications(self, plans, name, value):
        if value == "overdue":
            return plans.filter(overdue_count__gt=0)
        if value == "open":
            return plans.filter(open_count__gt=0)
        if value == "complete":
            return plans.filter(communication_count__gt=0, open_count=0)
        return plans.filter(communication_count=0)


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
