"""The learning lists' filters (the register, case reviews, summaries of learning): see core/filters.py for
the shared behaviour — a junk value is reported in the error summary and ignored, the rest still apply."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from learningloop.core.filters import GovukFilterSet, SearchFilter, SortFilter
from learningloop.partnership.filters import SCHOOLS, AgencyChoiceFilter
from learningloop.partnership.models import Agency, Group, LearningSourceType

from .models import ActivityStatus, Finding, LearningActivity, Stage, SummaryStatus, Theme
from .reviews.presenters import KIND_SHORT


class ISODateField(forms.DateField):
    def __init__(self, **kwargs):
        super().__init__(
            input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
            error_messages={"invalid": "Enter a real date, for example 2024-04-01"},
            **kwargs,
        )

    def to_python(self, value):
        try:
            date = super().to_python(value)
        except (OverflowError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if date and not (1900 <= date.year <= 2200):
            raise forms.ValidationError("Enter a year between 1900 and 2200", code="invalid")
        return date


class ISODateFilter(django_filters.Filter):
    field_class = ISODateField


# --- The learning register ---

SORTS = {
    "title": ("title",),
    "type": ("source_type__name", "title"),
    "started": ("started_on", "title"),
    "completed": ("completed_on", "title"),
    "status": ("status", "title"),
}
SORT_LABELS = {
    "title": "Title",
    "type": "Type",
    "started": "Started",
    "completed": "Completed",
    "status": "Status",
}


class _ActivityFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            self.add_error("to", "The end of the date range must be on or after its start")
        return cleaned


class ActivityFilterSet(GovukFilterSet):
    q = SearchFilter(help_text="Title, description or findings", method="search")
    type = django_filters.ModelChoiceFilter(
        label="Type",
        field_name="source_type",
        queryset=LearningSourceType.objects.only("pk", "name"),  # what an option shows
        empty_label="Any type",
        error_messages={"invalid_choice": "Select a type from the list"},
    )
    group = django_filters.ModelChoiceFilter(
        label="Group that owns the learning",
        field_name="owning_group",
        queryset=Group.objects.only("pk", "name"),
        empty_label="Any group",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=ActivityStatus.choices,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    theme = django_filters.ModelChoiceFilter(
        label="Theme",
        queryset=Theme.objects.only("pk", "name"),
        empty_label="Any theme",
        method="with_theme",
        error_messages={"invalid_choice": "Select a theme from the list"},
    )
    agency = AgencyChoiceFilter(
        label="Provider agency",
        queryset=Agency.objects.all(),
        empty_label="Any agency",
        method="with_provider",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )
    sort = SortFilter(orderings=SORTS, default="-started")

    class Meta:
        form = _ActivityFilterForm

    def search(self, queryset, name, value):
        q = value.strip()
        if not q:
            return queryset
        in_findings = Finding.objects.filter(activity=OuterRef("pk"), text__icontains=q)
        return queryset.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(Exists(in_findings)))

    def with_theme(self, queryset, name, theme):
        return queryset.filter(Exists(Finding.objects.filter(activity=OuterRef("pk"), themes=theme)))

    def with_provider(self, queryset, name, agency):
        through = LearningActivity.provider_agencies.through
        provider = {"agency__is_school": True} if agency == SCHOOLS else {"agency": agency}  # "Any school"
        return queryset.filter(Exists(through.objects.filter(learningactivity=OuterRef("pk"), **provider)))

    def applied(self):
        """The filters in force, for the page to say what it shows."""
        labels = []
        for name in ("q", "type", "group", "status", "theme", "agency", "from", "to"):
            value = self.value(name)
            if value:
                if name == "status":
                    value = ActivityStatus(value).label
                elif value == SCHOOLS:
                    value = "Any school"
                elif isinstance(value, datetime.date):
                    value = f"{value.day} {value:%B %Y}"
                labels.append(f"{self.form.fields[name].label}: {value}")
        return labels


# "from" is a Python keyword, so the date range is added here rather than declared above.
ActivityFilterSet.base_filters["from"] = ISODateFilter(
    label="Started from", field_name="started_on", lookup_expr="gte", help_text="For example, 2024-04-01"
)
ActivityFilterSet.base_filters["to"] = ISODateFilter(
    label="Started to", field_name="started_on", lookup_expr="lte", help_text="For example, 2025-03-31"
)


# --- Case reviews ---


class ReviewFilterSet(GovukFilterSet):
    kind = django_filters.ChoiceFilter(label="Type", choices=list(KIND_SHORT.items()), empty_label="Any")
    stage = django_filters.ChoiceFilter(label="Stage", choices=Stage.choices, empty_label="Any")
    overdue = django_filters.ChoiceFilter(
        label="Deadlines",
        choices=[("yes", "Only reviews with an overdue deadline")],
        empty_label="Any",
        method="only_overdue",
    )

    def only_overdue(self, queryset, name, value):
        return queryset.filter(is_overdue=True)


# --- Summaries of learning ---


class SummaryFilterSet(GovukFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=SummaryStatus.choices,
        empty_label="Any status",
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    subgroup = django_filters.ModelChoiceFilter(
        label="Subgroup",
        queryset=Group.objects.order_by("name"),
        empty_label="Any subgroup",
        error_messages={"invalid_choice": "Select a subgroup from the list"},
    )
