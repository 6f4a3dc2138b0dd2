"""The user accounts list's filters: see core/filters.py for the shared behaviour (a junk value is reported
in the error summary and ignored; the rest still apply)."""

import django_filters

from learningloop.core.filters import GovukFilterSet, SearchFilter
from learningloop.core.policy import Role
from learningloop.partnership.filters import AgencyChoiceFilter
from learningloop.partnership.models import Agency


class UserFilterSet(GovukFilterSet):
    q = SearchFilter(label="Name or email address", fields=("full_name", "email"))
    # The agencies that are not schools, and "Any school" (ADR 0038): not every school of a large partnership.
    agency = AgencyChoiceFilter(label="Agency", queryset=Agency.objects.all(), empty_label="All agencies")
    role = django_filters.ChoiceFilter(
        label="Role", choices=Role.choices, empty_label="All roles", method="with_role"
    )
    active = django_filters.ChoiceFilter(
        label="Status",
        choices=[("yes", "Active"), ("no", "Deactivated"), ("", "All")],
        empty_label=None,
        initial="yes",
        method="by_active",
    )

    def with_role(self, queryset, name, value):
        # Works on SQLite and PostgreSQL alike: the JSON list's text holds the quoted role code.
        return queryset.filter(roles__icontains=f'"{value}"')

    def by_active(self, queryset, name, value):
        return queryset.filter(is_active=value == "yes")
