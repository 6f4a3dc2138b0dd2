"""The public hub's search (core.filters: a junk value is reported in the error summary and ignored)."""

import django_filters

from learningloop.core import publishing
from learningloop.core.filters import GovukFilterSet, SearchFilter


def kind_choices():
    return [(kind.code, kind.label) for kind in publishing.kinds()]


class PublicationFilterSet(GovukFilterSet):
    q = SearchFilter(label="Search publications", method="by_words")
    kind = django_filters.ChoiceFilter(
        label="Type",
        choices=kind_choices,
        empty_label="Any type",
        error_messages={"invalid_choice": "Select a type from the list"},
    )

    def by_words(self, queryset, name, value):
        return queryset.search(value)
