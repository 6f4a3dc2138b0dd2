"""The list kit: one django-filter `FilterSet` base for every list (see docs/adr/0011-list-kit.md).

Every list page builds a `GovukFilterSet` subclass from the request:

    filters = AgencyFilterSet(request=request, queryset=Agency.objects.visible_to(request.user))
    page, pagination = paginate(request, filters.qs)

and renders `filters.form` through the GOV.UK macros (`govuk_field(form.q)`, `govuk_error_summary(form)`),
exactly as any other form. The shared behaviour lives here:

- Invalid input never gives a 500. A value that does not validate (a junk choice, an unknown id, a date
  range the wrong way round, over-long search text) is reported in the error summary and on its field,
  and *that filter is ignored* (or falls back to its default): the list still shows, narrowed by the
  filters that are valid.
- A filter's `initial` is its default when the request does not mention it at all (the partnership lists
  show active records, the user list shows active accounts), on the first page and every other page.
- `SearchFilter` is the search box: the text, trimmed, found (case-insensitively) in any of its fields.
- `SortFilter` is sorting by a hidden `sort` value the column headings set; an unknown value falls back to
  the default order silently (there is nothing on the page to correct), and every order ends with the
  primary key so pages never overlap.
- `query_string()` is the current filter without the page number, for export (CSV/Excel) links and sort
  links, so a download holds exactly the rows the page lists.
"""

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet
from django.forms.models import ModelChoiceField
from django.http import QueryDict

CHOICE_ERROR = "Select an option from the list"
SEARCH_LIMIT = 200

# Django's own wording for a choice it does not recognise; anything else was chosen by the list itself.
_DJANGO_CHOICE_ERRORS = ("Select a valid choice", "“%(pk)s” is not a valid value")


class SearchFilter(django_filters.CharFilter):
    """The search box: the trimmed text, found case-insensitively in any of `fields` (or handed to
    `method`, for a search a QuerySet method already knows how to do)."""

    def __init__(self, *, fields=(), label="Search", max_length=SEARCH_LIMIT, **kwargs):
        self.search_fields = tuple(fields)
        kwargs.setdefault(
            "error_messages", {"max_length": f"Search text must be {max_length} characters or fewer"}
        )
        super().__init__(label=label, max_length=max_length, **kwargs)

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        condition = Q()
        for name in self.search_fields:
            condition |= Q(**{f"{name}__icontains": value})
        return qs.filter(condition)


class _SortField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, *, keys=(), **kwargs):
        self.keys = set(keys)
        super().__init__(max_length=40, **kwargs)

    def clean(self, value):
        # A hidden value only a hand-edited address can spoil: fall back to the default order quietly.
        value = (value or "").strip()[:40]
        return value if value.lstrip("-") in self.keys else ""


class SortFilter(django_filters.Filter):
    """Sorting: `orderings` maps each key to the fields it orders by; "-key" reverses them. Empty values sort
    last either way, and the primary key breaks ties so that pagination is stable."""

    field_class = _SortField

    def __init__(self, *, orderings, default, **kwargs):
        self.orderings = {key: tuple(fields) for key, fields in orderings.items()}
        self.default = default
        kwargs.setdefault("required", False)
        super().__init__(keys=self.orderings, **kwargs)

    def key(self, value):
        return value or self.default

    def filter(self, qs, value):
        key = self.key(value)
        descending = key.startswith("-")
        order = []
        for name in self.orderings[key.lstrip("-")]:
            # "Empty last" only where a value can be empty: a plain order on a column that is never empty
            # is the same order, and one an index in either direction serves (PostgreSQL keeps empty
            # values last going up and first going down, so an explicit NULLS LAST going down could not use
            # an ordinary index: docs/adr/0025-page-cost-that-does-not-grow.md).
            nulls = {"nulls_last": True} if _may_be_empty(qs.model, name) else {}
            order.append(F(name).desc(**nulls) if descending else F(name).asc(**nulls))
        return qs.order_by(*order, "-pk" if descending else "pk")


def _may_be_empty(model, path: str) -> bool:
    """Can the value at `path` (a field, or a lookup through forward relations) be NULL in a row of `model`?
    Through an optional or many-valued relation it can."""
    for part in path.split("__"):
        field = model._meta.get_field(part)
        if field.null or field.many_to_many or field.one_to_many or not field.concrete:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return True


class GovukFilterSet(django_filters.FilterSet):
    """The base of every list's filters. Build it with `request=` (its GET is the data) or with `data=`."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if data is None and request is not None:
            data = request.GET
        data = data.copy() if data is not None else QueryDict(mutable=True)
        self._defaulted = set()
        for name, filter_ in self.base_filters.items():
            initial = filter_.extra.get("initial")
            if initial is not None and name not in data:
                data[name] = initial
                self._defaulted.add(name)
        # Always bound: the defaults and the sort order apply to the unfiltered first page too.
        super().__init__(data, queryset, request=request, prefix=prefix)
        for field in self.form.fields.values():
            for code in ("invalid_choice", "invalid_pk_value", "invalid_list"):
                message = str(field.error_messages.get(code, ""))
                if message.startswith(_DJANGO_CHOICE_ERRORS):
                    field.error_messages[code] = CHOICE_ERROR
        # A choice of rows declared on the class (not worked out per request) draws the same for everyone
        # asking for the same value: core.jinja.govuk_field keeps its markup, named by this class and
        # filter. The field's own queryset is remembered, so a queryset set on it later is not mistaken.
        for name, field in self.form.fields.items():
            declared = getattr(self.base_filters.get(name), "queryset", None)
            if isinstance(declared, QuerySet) and isinstance(field, ModelChoiceField):
                field.declared_choices = ((type(self), name), field.queryset)
        # A field that offers a short list of choices shows the one already chosen too (partnership's
        # AgencyChoiceField): it is told what the query string asks for.
        for name, field in self.form.fields.items():
            if hasattr(field, "chosen"):
                field.chosen = self.form.data.getlist(self.form.add_prefix(name))

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self.form.is_valid()  # invalid filters drop out of cleaned_data and are ignored
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def filter_queryset(self, queryset):
        """The valid filters apply; an invalid one is ignored, or falls back to its default if it has one."""
        cleaned = dict(self.form.cleaned_data)
        for name in self.form.errors:
            filter_ = self.filters.get(name)
            initial = filter_.extra.get("initial") if filter_ is not None else None
            if initial is not None:
                cleaned[name] = self.form.fields[name].clean(initial)
        for name, value in cleaned.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def value(self, name):
        """The cleaned value of one filter, or None when it is empty or invalid."""
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or None

    # --- Links that keep the current filter ---

    def query_string(self, **changes):
        """The current filter as "?a=b" (or "" when there is none), without the page number."""
        query = self.data.copy() if isinstance(self.data, QueryDict) else QueryDict(mutable=True)
        if not isinstance(self.data, QueryDict):
            for key, value in self.data.items():
                query[key] = value
        for name in ("page", *self._defaulted):
            query.pop(name, None)
        for key, value in changes.items():
            query[key] = value
        return "?" + query.urlencode() if query else ""

    def url_with_filters(self, url):
        """`url` (an export, say) with the current filter, so it lists exactly the rows this page shows."""
        return str(url) + self.query_string()

    # --- Sorting ---

    def _sort_filter(self):
        return next(((n, f) for n, f in self.filters.items() if isinstance(f, SortFilter)), (None, None))

    def sort_key(self):
        """The key the list is sorted by ("-key" when reversed)."""
        name, sort = self._sort_filter()
        return sort.key(self.value(name)) if sort else ""

    def sort_columns(self, labels, *, reversible=True):
        """Column headings for a sortable table: label, link and aria-sort for each key in `labels`."""
        name, _sort = self._sort_filter()
        current = self.sort_key()
        columns = []
        for key, label in labels.items():
            is_current = current.lstrip("-") == key
            descending = current.startswith("-")
            next_key = ("" if descending else "-") + key if is_current and reversible else key
            aria = ("descending" if descending else "ascending") if is_current else "none"
            columns.append(
                {
                    "key": key,
                    "label": label,
                    "href": self.query_string(**{name: next_key}),
                    "aria": aria,
                }
            )
        return columns
