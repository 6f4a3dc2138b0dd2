"""The partnership lists' filters (agencies, people, groups): see core/filters.py for the shared behaviour."""

import django_filters

from learningloop.core.filters import GovukFilterSet, SearchFilter, SortFilter

from .models import Agency, Sector, StatutoryRole

STATUS_CHOICES = [("active", "Active"), ("ended", "Ended"), ("all", "All")]


class _PartnershipFilterSet(GovukFilterSet):
    """Search, and a status that shows active records unless the reader asks for ended ones or all."""

    q = SearchFilter(method="search")
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=STATUS_CHOICES,
        empty_label=None,
        initial="active",
        method="by_status",
        error_messages={"invalid_choice": "Select active, ended or all"},
    )

    def search(self, queryset, name, value):
        return queryset.search(value.strip())

    def by_status(self, queryset, name, value):
        if value == "ended":
            return queryset.filter(is_active=False)
        if value == "all":
            return queryset
        return queryset.filter(is_active=True)


class AgencyFilterSet(_PartnershipFilterSet):
    SORT_LABELS = {"name": "Name", "sector": "Sector"}

    q = SearchFilter(label="Name or short name", method="search")
    sector = django_filters.ChoiceFilter(
        label="Sector",
        choices=Sector.choices,
        empty_label="Any sector",
        error_messages={"invalid_choice": "Select a sector from the list"},
    )
    statutory_role = django_filters.ChoiceFilter(
        label="Statutory role",
        choices=StatutoryRole.choices,
        empty_label="Any role",
        error_messages={"invalid_choice": "Select a statutory role from the list"},
    )
    sort = SortFilter(orderings={"name": ("name",), "sector": ("sector", "name")}, default="name")


class PersonFilterSet(_PartnershipFilterSet):
    q = SearchFilter(label="Name, job title or email", method="search")
    agency = django_filters.ModelChoiceFilter(
        label="Agency",
        queryset=Agency.objects.all(),
        empty_label="Any agency",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )


class GroupFilterSet(_PartnershipFilterSet):
    q = SearchFilter(label="Name or short name", method="search")
