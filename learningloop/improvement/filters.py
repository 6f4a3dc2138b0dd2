"""The actions list's filters: see core/filters.py for the shared behaviour (a junk value is reported in the
error summary and ignored; the rest still apply)."""

import django_filters
from django.utils import timezone

from learningloop.core.filters import GovukFilterSet, SearchFilter
from learningloop.partnership.models import Agency

from .models import ActionStatus
from .presenters import RAG_CHOICES, due_soon_until, rag_q

DUE_CHOICES = [("overdue", "Overdue"), ("soon", "Due in the next 10 working days")]


class ActionFilterSet(GovukFilterSet):
    q = SearchFilter(help_text="Description or plan", fields=("description", "plan__title"))
    status = django_filters.ChoiceFilter(
        label="Status", choices=ActionStatus.choices, empty_label="Any status"
    )
    rag = django_filters.ChoiceFilter(label="RAG", choices=RAG_CHOICES, empty_label="Any", method="by_rag")
    agency = django_filters.ModelChoiceFilter(
        label="Owner agency",
        field_name="owner_agency",
        queryset=Agency.objects.all(),
        empty_label="Any agency",
    )
    due = django_filters.ChoiceFilter(
        label="Due", choices=DUE_CHOICES, empty_label="Any time", method="by_due"
    )

    def __init__(self, *args, today=None, **kwargs):
        self.today = today or timezone.localdate()
        super().__init__(*args, **kwargs)

    def by_rag(self, queryset, name, value):
        return queryset.filter(rag_q(value, self.today))

    def by_due(self, queryset, name, value):
        if value == "overdue":
            return queryset.overdue(self.today)
        return queryset.due_between(self.today, due_soon_until(self.today))
