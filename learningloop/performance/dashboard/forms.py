import django_filters

from learningloop.core.filters import GovukFilterSet
from learningloop.learning.models import Priority
from learningloop.partnership.filters import AgencyChoiceFilter
from learningloop.partnership.models import Agency

from ..measures import STATUSES
from ..models import Category, Indicator


class DashboardFilterSet(GovukFilterSet):
    # The agencies that are not schools, and "Any school" (ADR 0038): not every school of a large partnership.
    agency = AgencyChoiceFilter(
        field_name="providers",
        distinct=True,
        queryset=Agency.objects.order_by("name"),
        label="Provider agency",
        empty_label="Every agency",
    )
    priority = django_filters.ModelChoiceFilter(
        queryset=Priority.objects.all(), label="Partnership priority", empty_label="Every priority"
    )
    category = django_filters.ChoiceFilter(
        choices=Category.choices, label="Outcomes-based question", empty_label="Every question"
    )
    status = django_filters.ChoiceFilter(
        choices=[(s.key, s.text) for s in STATUSES],
        label="Status",
        empty_label="Any status",
        method="by_status",
    )

    class Meta:
        model = Indicator
        fields = []

    def by_status(self, queryset, name, value):
        return queryset  # status is computed per curve in measures.status; the view keeps the matching ones
