"""The trail index's filters: see core/filters.py for the shared behaviour (a junk value is reported in the
error summary and ignored; the rest still apply)."""

import django_filters

from learningloop.core.filters import GovukFilterSet
from learningloop.partnership.models import Group

from .trail import STAGES, with_loop_status


class TrailFilterSet(GovukFilterSet):
    loop_status = django_filters.ChoiceFilter(
        label="Loop status",
        choices=STAGES,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a loop status from the list"},
        method="filter_loop_status",
    )
    subgroup = django_filters.ModelChoiceFilter(
        label="Subgroup",
        field_name="summary__subgroup",
        queryset=Group.objects.order_by("name"),
        empty_label="Any subgroup",
        error_messages={"invalid_choice": "Select a subgroup from the list"},
    )

    def filter_loop_status(self, queryset, name, value):
        # The status is worked out from each message's stored loop: only when it is asked for does the list
        # join the loops before sorting and counting (the page's 50 rows are given theirs afterwards).
        return with_loop_status(queryset).filter(loop_status=value)
