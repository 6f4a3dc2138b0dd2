"""The action plans and actions lists' filters: see core/filters.py for the shared behaviour (a junk value
is reported in the error summary and ignored; the rest still apply)."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from learningloop.core.filters import GovukFilterSet, SearchFilter
from learningloop.partnership.filters import SCHOOLS, AgencyChoiceFilter
from learningloop.partnership.models import Agency

from .models import Action, ActionStatus, PlanScope
from .presenters import RAG_CHOICES, SOURCE_KINDS, due_soon_until, rag_q

DUE_CHOICES = [("overdue", "Overdue"), ("soon", "Due in the next 10 working days")]


class ActionFilterSet(GovukFilterSet):
    q = SearchFilter(help_text="Description or plan", fields=("description", "plan__title"))
    status = django_filters.ChoiceFilter(
        label="Status", choices=ActionStatus.choices, empty_label="Any status"
    )
    rag = django_filters.ChoiceFilter(label="RAG", choices=RAG_CHOICES, empty_label="Any", method="by_rag")
    agency = AgencyChoiceFilter(
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


SOURCE_FILTERS = {
    "review": Q(source_review__isnull=False),
    "finding": Q(source_finding__isnull=False),
    "activity": Q(source_activity__isnull=False),
    "key_message": Q(source_key_message__isnull=False),
    "meeting": ~Q(source_meeting=""),
}


class ActionPlanFilterSet(GovukFilterSet):
    scope = django_filters.ChoiceFilter(label="Scope", choices=PlanScope.choices, empty_label="Any scope")
    source = django_filters.ChoiceFilter(
        label="Source", choices=SOURCE_KINDS, empty_label="Any source", method="by_source"
    )
    agency = AgencyChoiceFilter(
        label="Agency",
        queryset=Agency.objects.filter(is_active=True),
        empty_label="Any agency",
        method="by_agency",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )

    def by_source(self, plans, name, value):
        return plans.filter(SOURCE_FILTERS[value])

    def by_agency(self, plans, name, agency):
        """The agency's own plans, and multi-agency plans with an action the agency owns ("Any school":
        every school's)."""
        if agency == SCHOOLS:
            owned = Action.objects.filter(plan=OuterRef("pk"), owner_agency__is_school=True)
            return plans.filter(Q(agency__is_school=True) | Q(Exists(owned)))
        owned = Action.objects.filter(plan=OuterRef("pk"), owner_agency=agency)
        return plans.filter(Q(agency=agency) | Q(Exists(owned)))


class AgencyActionsFilterSet(GovukFilterSet):
    """The agency whose actions "My agency's actions" shows, for those who may see every agency's."""

    agency = AgencyChoiceFilter(
        label="Agency",
        queryset=Agency.objects.all(),
        empty_label="Select an agency",
        field_name="owner_agency",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )
