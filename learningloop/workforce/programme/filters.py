"""The programme list's filters (core.filters list kit)."""

import django_filters

from learningloop.core.filters import GovukFilterSet, SearchFilter

from ..models import CourseFormat, CourseLevel


class CourseFilterSet(GovukFilterSet):
    q = SearchFilter(
        help_text="Title, outcomes or audience", fields=("title", "learning_outcomes", "audience")
    )
    format = django_filters.ChoiceFilter(
        label="Format", choices=CourseFormat.choices, empty_label="Any format"
    )
    level = django_filters.ChoiceFilter(label="Level", choices=CourseLevel.choices, empty_label="Any level")
