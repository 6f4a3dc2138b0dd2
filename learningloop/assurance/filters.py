"""List filters for assurance pages (core.filters.GovukFilterSet)."""

import django_filters

from learningloop.core.filters import GovukFilterSet, SearchFilter

from .models import ReturnStatus, SelfAssessmentReturn


class ReturnFilterSet(GovukFilterSet):
    q = SearchFilter(fields=("agency__name", "agency__short_name"), label="Agency or school")
    status = django_filters.ChoiceFilter(
        choices=[c for c in ReturnStatus.choices if c[0] != ReturnStatus.LOCKED],
        label="Status",
        empty_label="Any status",
    )

    class Meta:
        model = SelfAssessmentReturn
        fields = ["q", "status"]
