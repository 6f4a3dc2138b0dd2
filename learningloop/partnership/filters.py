"""The partnership lists' filters (agencies, people, groups): see core/filters.py for the shared behaviour."""

import django_filters
from django.db.models import Q
from django.forms.models import ModelChoiceField, ModelChoiceIterator

from learningloop.core.filters import GovukFilterSet, SearchFilter, SortFilter
from learningloop.core.kept import kept_rows

from .models import Agency, Sector, StatutoryRole

STATUS_CHOICES = [("active", "Active"), ("ended", "Ended"), ("all", "All")]


SCHOOLS = "schools"


class _ShortAgencyChoices(ModelChoiceIterator):
    """The agencies that are not schools, then one "Any school" choice (a partnership has hundreds of
    schools: listing each made every list's page grow with them, ADR 0038), then the school already chosen,
    if one is (a link or saved address that names it)."""

    def __iter__(self):
        field = self.field
        if field.empty_label is not None:
            yield ("", field.empty_label)
        # An id the database can hold (a junk value is reported by the form, never looked up).
        chosen = [int(v) for v in field.chosen if str(v).isdigit() and int(v) < 2**63]
        schools = []
        offered = kept_rows(  # a list's filter: kept for a minute (core/kept.py)
            self.queryset.filter(Q(is_school=False) | Q(pk__in=chosen)).only("pk", "name", "is_school")
        )
        for agency in offered:
            if agency.is_school:
                schools.append(agency)
            else:
                yield self.choice(agency)
        yield (SCHOOLS, "Any school")
        for school in schools:
            yield self.choice(school)

    def __len__(self):
        return sum(1 for _ in self)


class AgencyChoiceField(ModelChoiceField):
    """One agency, or SCHOOLS for every school; offers the short list above."""

    iterator = _ShortAgencyChoices
    chosen = ()  # the values asked for, set by GovukFilterSet from the query string

    def to_python(self, value):
        if value == SCHOOLS:
            return SCHOOLS
        return super().to_python(value)


class AgencyChoiceFilter(django_filters.ModelChoiceFilter):
    """A list's agency filter: one agency, or any school."""

    field_class = AgencyChoiceField

    def filter(self, qs, value):
        if value == SCHOOLS:
            # Over a many-valued relation (an indicator's providers) give `distinct=True`: many schools.
            qs = qs.filter(**{f"{self.field_name}__is_school": True})
            return qs.distinct() if self.distinct else qs
        return super().filter(qs, value)


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
    agency = AgencyChoiceFilter(
        label="Agency",
        queryset=Agency.objects.all(),
        empty_label="Any agency",
        error_messages={"invalid_choice": "Select an agency from the list"},
    )


class GroupFilterSet(_PartnershipFilterSet):
    q = SearchFilter(label="Name or short name", method="search")
