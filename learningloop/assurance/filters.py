"""List filters for assurance pages (core.filters.GovukFilterSet)."""

import django_filters

from learningloop.core.filters import GovukFilterSet, SearchFilter
from learningloop.learning.models import Theme
from learningloop.partnership.filters import AgencyChoiceFilter
from learningloop.partnership.models import Agency

from .models import FeedbackCount, ReturnStatus, SelfAssessmentReturn


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


class FeedbackFilterSet(GovukFilterSet):
    # The agencies and one "Any school" choice, not each of a partnership's hundreds of schools (ADR 0038).
    agency = AgencyChoiceFilter(queryset=Agency.objects.all(), label="Agency", empty_label="All agencies")
    theme = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.all(), label="Theme", empty_label="All themes"
    )

    class Meta:
        model = FeedbackCount
        fields = ["agency", "theme"]
