"""The one statutory and operational deadlines page, over every kind in the deadline registry: one
django-filter FilterSet (kind, group, agency, status) applied to each kind's scoped queryset, the kinds'
rows merged by one UNION query ordered by due date, paginated, and each page's rows fetched with one query
per kind. So the number of queries does not grow with the number of deadlines."""

import itertools

import django_filters
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, F, Value
from django.utils import timezone

from . import deadlines as engine
from .filters import GovukFilterSet
from .policy import can

STATUS_CHOICES = [
    ("attention", f"Overdue or due in the next {engine.DUE_SOON_WORKING_DAYS} working days"),
    ("overdue", "Overdue"),
    ("due_soon", f"Due in the next {engine.DUE_SOON_WORKING_DAYS} working days"),
    ("open", "All open deadlines"),
    ("closed", "Met or closed"),
    ("all", "All"),
]
DEFAULT_STATUS = "attention"

# Who supplies the group and agency choices: the partnership app registers a callable returning
# [(id, name)] for each (core does not import it).
FILTER_CHOICES: dict[str, object] = {}


def register_filter_choices(name: str, choices) -> None:
    FILTER_CHOICES[name] = choices


# A choice of the agency filter that stands for a set of agencies (partnership registers "Any school": a
# partnership has hundreds of schools, and a choice for each made the page grow with them, ADR 0038):
# value -> (label, a callable giving the agencies' ids, as a queryset the database reads as a subquery).
AGENCY_SETS: dict[str, tuple[str, object]] = {}


def register_agency_set(value: str, label: str, ids) -> None:
    AGENCY_SETS[value] = (label, ids)


def _choices(name, chosen=()):
    """The filter's choices. The agency supplier is given the values asked for, so that it can offer a
    short list (the agencies that are not schools, "Any school") and the school already chosen."""
    supplier = FILTER_CHOICES.get(name)
    if supplier is None:
        return []
    found = supplier(chosen=chosen) if name == "agency" else supplier()
    return [(str(pk), label) for pk, label in found]


class DeadlineFilter(GovukFilterSet):
    """Filters one kind's queryset; the page applies it to each kind in turn (`kind=` the kind). On the
    shared list kit: a junk value is reported and ignored, and the status defaults to needing attention."""

    kind = django_filters.ChoiceFilter(label="Kind of deadline", empty_label="All kinds", method="by_kind")
    group = django_filters.ChoiceFilter(label="Group", empty_label="All groups", method="by_group")
    agency = django_filters.ChoiceFilter(label="Agency", empty_label="All agencies", method="by_agency")
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, empty_label=None, method="by_status", initial=DEFAULT_STATUS
    )

    def __init__(self, data=None, queryset=None, *, deadline_kind=None, kinds=(), group_choices=None,
                 agency_choices=None, today=None, request=None, prefix=None, form=None):  # fmt: skip
        self.deadline_kind = deadline_kind
        self.today = today or timezone.localdate()
        if form is not None:
            # The page's one form, already built and checked: each kind's filter reuses it rather than
            # building and validating the same choices again for every kind.
            self._form = form
        super().__init__(data, queryset, request=request, prefix=prefix)
        if form is not None:
            return
        # The base has built the form already: the choices known only now go on its fields.
        choices = {
            "kind": [(k.code, k.label) for k in kinds],
            "group": group_choices or [],
            "agency": agency_choices or [],
        }
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options
            field = self.form.fields[name]
            field.choices = options  # the field adds its empty label ("All kinds") itself

    def by_kind(self, queryset, name, value):
        return queryset if value == self.deadline_kind.code else queryset.none()

    def _by_path(self, queryset, path, value):
        if not path:
            return queryset.none()  # this kind has no group (agency): it matches no chosen one
        return queryset.filter(**{path: int(value)})

    def by_group(self, queryset, name, value):
        return self._by_path(queryset, self.deadline_kind.group_field, value)

    def by_agency(self, queryset, name, value):
        if value in AGENCY_SETS:  # "Any school": every agency of the set
            path = self.deadline_kind.agency_field
            return queryset.filter(**{f"{path}__in": AGENCY_SETS[value][1]()}) if path else queryset.none()
        return self._by_path(queryset, self.deadline_kind.agency_field, value)

    def by_status(self, queryset, name, value):
        return apply_status(queryset, value, self.today)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.value("status"):  # an empty status ("status=") is the default, as on the first visit
            queryset = apply_status(queryset, DEFAULT_STATUS, self.today)
        return queryset


def apply_status(queryset, status, today):
    if status == "overdue":
        return queryset.overdue(today)
    if status == "due_soon":
        return queryset.due_soon(today)
    if status == "open":
        return queryset.open()
    if status == "closed":
        return queryset.closed()
    if status == "all":
        return queryset
    return queryset.needing_attention(today)


def visible_kinds(user):
    return [kind for kind in engine.kinds() if can(user, kind.permission)]


def deadline_rows(request, *, today=None):
    """(filter, union queryset of (due, kind code, pk), kinds by code) for this user and these filters."""
    today = today or timezone.localdate()
    kinds = visible_kinds(request.user)
    data = request.GET  # always bound, so the default status applies to an unfiltered page
    options = {
        "kinds": kinds,
        "group_choices": _choices("group"),
        "agency_choices": _choices("agency", chosen=data.getlist("agency")),
        "today": today,
    }
    shown = DeadlineFilter(data, queryset=kinds[0].queryset(request.user) if kinds else None,
                           deadline_kind=kinds[0] if kinds else None, **options)  # fmt: skip
    shown.form.is_valid()
    parts = []
    for kind in kinds:
        filterset = DeadlineFilter(
            data, queryset=kind.queryset(request.user), deadline_kind=kind, form=shown.form, today=today
        )
        due_field = kind.model_class.deadline_due_field
        parts.append(
            filterset.qs.order_by()
            .annotate(
                dl_due=F(due_field),
                dl_kind=Value(kind.code, output_field=CharField()),
                dl_pk=F("pk"),
            )
            .values_list("dl_due", "dl_kind", "dl_pk")
        )
    if not parts:
        return shown, None, {}
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    merged = MergedDeadlines(parts, combined.order_by("dl_due", "dl_kind", "dl_pk"))
    return shown, merged, {k.code: k for k in kinds}


class MergedDeadlines:
    """Every kind's (due, kind code, pk) merged in due date order, for a paginator or a CSV: read as one
    UNION query, and counted by one statement that adds up each kind's own count. SQLite counts a UNION by
    reading every row of it (18 ms for the 240,000 deadlines of twice the large partnership, ten years of
    them met) and each kind's count from its table or index (3 ms for all of them); PostgreSQL takes as
    long either way."""

    ordered = True  # for the paginator: the merged rows are in a stable order

    def __init__(self, parts, merged):
        self.parts = parts
        self.merged = merged

    def count(self) -> int:
        counts, params = [], []
        for part in self.parts:
            try:
                sql, part_params = part.query.sql_with_params()
            except EmptyResultSet:  # a kind the filters leave out (`kind=` another): none of its rows
                continue
            # Each part's SQL is Django's own compilation, its values bound as parameters.
            counts.append(f"(SELECT COUNT(*) FROM ({sql}) AS kind_rows)")  # noqa: S608
            params += part_params
        if not counts:
            return 0
        with connections[self.merged.db].cursor() as cursor:
            cursor.execute("SELECT " + " + ".join(counts), params)
            return cursor.fetchone()[0]

    def __getitem__(self, item):
        return self.merged[item]

    def iterator(self, chunk_size=None):
        return self.merged.iterator(chunk_size=chunk_size)


def hydrate(page_rows, kinds_by_code, today):
    """The page's (due, kind, pk) triples as DeadlineRows, one query of plain values per kind on the page."""
    wanted: dict[str, list[int]] = {}
    for _due, code, pk in page_rows:
        wanted.setdefault(code, []).append(pk)
    objects = {}
    for code, pks in wanted.items():
        # Plain values in no order: the page's order is the triples' (a sort by the model's own order was a
        # tenth of reading a thousand actions, and a model per row and per related row most of the rest).
        for row in kinds_by_code[code].page_rows(pks):
            objects[(code, row.pk)] = row
    rows = []
    for _due, code, pk in page_rows:
        obj = objects.get((code, pk))
        if obj is not None:
            rows.append(kinds_by_code[code].as_row(obj, today))
    return rows


# The CSV reads its rows this many at a time (one query per kind each time), as the writer asks for them, so
# a long CSV built by the worker holds one chunk of objects at a time. The request itself counts the rows
# first (one COUNT): a download too large for the request is queued without reading any (ADR 0038).
CSV_CHUNK = 500


def _hydrated_in_chunks(combined, kinds_by_code, today):
    chunk = CSV_CHUNK
    triples = combined.iterator(chunk_size=chunk)
    while batch := list(itertools.islice(triples, chunk)):
        yield from hydrate(batch, kinds_by_code, today)


CSV_HEADERS = ["What is due", "For", "Agency", "Group", "Kind", "Due date", "Status"]


def deadline_csv(request, *, today=None):
    """Every deadline the page lists for these filters (all its pages), as a CSV download."""
    from .spreadsheets import CSV, spreadsheet_response

    today = today or timezone.localdate()
    _filters, combined, kinds = deadline_rows(request, today=today)
    rows = _hydrated_in_chunks(combined, kinds, today) if combined is not None else iter(())
    return spreadsheet_response(
        headers=CSV_HEADERS,
        rows=([r.what, r.subject, r.agency, r.group, r.kind.label, r.due_on, r.status.text] for r in rows),
        fmt=CSV,
        filename=f"deadlines-{today:%Y-%m-%d}",
        count=combined.count if combined is not None else None,
    )
