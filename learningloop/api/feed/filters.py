"""The feed's filters, on the shared list kit's base (core.filters.GovukFilterSet). Django REST framework's
filter backend answers a value that does not validate with 400 and what was wrong."""

import django_filters

from learningloop.core.filters import GovukFilterSet
from learningloop.improvement.models import Action
from learningloop.performance.models import Indicator, PeriodTotal, Submission


class IndicatorFilter(GovukFilterSet):
    class Meta:
        model = Indicator
        fields = {"code": ["exact"], "category": ["exact"], "is_active": ["exact"]}


class ProviderFilter(GovukFilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code", help_text="An indicator's code")

    class Meta:
        model = Indicator.providers.through
        fields = []


class ValueFilter(GovukFilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code", help_text="An indicator's code")
    agency = django_filters.NumberFilter(field_name="agency_id", help_text="An agency's id")
    period_start_from = django_filters.DateFilter(field_name="period_start", lookup_expr="gte")
    period_start_to = django_filters.DateFilter(field_name="period_start", lookup_expr="lte")

    class Meta:
        model = Submission
        fields = []


class PeriodTotalFilter(GovukFilterSet):
    """ValueFilter's indicator and period filters on the periods' totals (the values feed's paging)."""

    indicator = django_filters.CharFilter(field_name="indicator__code")
    period_start_from = django_filters.DateFilter(field_name="period_start", lookup_expr="gte")
    period_start_to = django_filters.DateFilter(field_name="period_start", lookup_expr="lte")

    class Meta:
        model = PeriodTotal
        fields = []


class PeriodFilter(GovukFilterSet):
    indicator = django_filters.CharFilter(field_name="indicator__code", help_text="An indicator's code")

    class Meta:
        model = PeriodTotal
        fields = []


class ActionFilter(GovukFilterSet):
    class Meta:
        model = Action
        fields = {"status": ["exact"], "due_on": ["gte", "lte"], "owner_agency": ["exact"]}
