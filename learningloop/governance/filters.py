"""The governance lists' filters (core/filters.py for the shared behaviour)."""

import django_filters

from learningloop.core.filters import GovukFilterSet
from learningloop.partnership.models import Group

from .models import WorkPlanStatus

WHEN_CHOICES = [("upcoming", "Upcoming"), ("past", "Past"), ("all", "All")]


class MeetingFilterSet(GovukFilterSet):
    group = django_filters.ModelChoiceFilter(
        label="Group",
        queryset=Group.objects.all(),
        empty_label="Any group",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    when = django_filters.ChoiceFilter(
        label="When",
        choices=WHEN_CHOICES,
        empty_label=None,
        initial="upcoming",
        method="by_when",
        error_messages={"invalid_choice": "Select upcoming, past or all"},
    )

    def by_when(self, queryset, name, value):
        from django.utils import timezone

        today = timezone.localdate()
        if value == "past":
            return queryset.filter(date__lt=today).order_by("-date", "-start_time")
        if value == "all":
            return queryset
        return queryset.filter(date__gte=today)


class WorkPlanFilterSet(GovukFilterSet):
    group = django_filters.ModelChoiceFilter(
        label="Group",
        queryset=Group.objects.all(),
        empty_label="Any group",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=WorkPlanStatus.choices,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a status from the list"},
    )
