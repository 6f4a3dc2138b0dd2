"""The trail index's filters: see core/filters.py for the shared behaviour (a junk value is reported in the
error summary and ignored; the rest still apply)."""

import django_filters

from learningloop.core.filters import GovukFilterSet
from learningloop.partnership.models import Group

from .trail import STAGES


class TrailFilterSet(GovukFilterSet):
    loop_status = django_filters.ChoiceFilter(
        label="Loop status",
        choices=STAGES,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a loop status from the list"},
    )
    subgroup = django_filters.ModelChoiceFilter(
        label="Subgroup",
        field_name="summary__subgroup",
        queryset=Group.objects.order_by("name"),
        empty_label="Any subgroup",
        error_messages={"invalid_choice": "Select a subgroup from the list"},
    )
