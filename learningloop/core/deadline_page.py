"""The one statutory and operational deadlines page, over every kind in the deadline registry: one
django-filter FilterSet (kind, group, agency, status) applied to each kind's scoped queryset, the kinds'
rows merged by one UNION query ordered by due date, paginated, and each page's rows fetched with one query
per kind. So the number of queries does not grow with the number of deadlines."""

import django_filters
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


def _choices(name):
    supplier = FILTER_CHOICES.get(name)
    return [(str(pk), label) for pk, label in supplier()] if supplier else []


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
                 agency_choices=None, today=None, request=None, prefix=None):  # fmt: skip
        self.deadline_kind = deadline_kind
        self.today = today or timezone.localdate()
        super().__init__(data, queryset, request=request, prefix=prefix)
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
    options = {
        "kinds": kinds,
        "group_choices": _choices("group"),
        "agency_choices": _choices("agency"),
        "today": today,
    }
    data = request.GET  # always bound, so the default status applies to an unfiltered page
    shown = DeadlineFilter(data, queryset=kinds[0].queryset(request.user) if kinds else None,
                           deadline_kind=kinds[0] if kinds else None, **options)  # fmt: skip
    parts = []
    for kind in kinds:
        filterset = DeadlineFilter(data, queryset=kind.queryset(request.user), deadline_kind=kind, **options)
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
    return shown, combined.order_by("dl_due", "dl_kind", "dl_pk"), {k.code: k for k in kinds}


def hydrate(page_rows, kinds_by_code, today):
    """The page's (due, kind, pk) triples as DeadlineRows, one query per kind on the page."""
    wanted: dict[str, list[int]] = {}
    for _due, code, pk in page_rows:
        wanted.setdefault(code, []).append(pk)
    objects = {}
    for code, pks in wanted.items():
        kind = kinds_by_code[code]
        for obj in kind.with_related(kind.queryset().filter(pk__in=pks)):
            objects[(code, obj.pk)] = obj
    rows = []
    for _due, code, pk in page_rows:
        obj = objects.get((code, pk))
        if obj is not None:
            rows.append(kinds_by_code[code].as_row(obj, today))
    return rows


CSV_HEADERS = ["What is due", "For", "Agency", "Group", "Kind", "Due date", "Status"]


def deadline_csv(request, *, today=None):
    """Every deadline the page lists for these filters (all its pages), as a CSV download."""
    from .spreadsheets import CSV, spreadsheet_response

    today = today or timezone.localdate()
    _filters, combined, kinds = deadline_rows(request, today=today)
    rows = hydrate(list(combined), kinds, today) if combined is not None else []
    return spreadsheet_response(
        headers=CSV_HEADERS,
        rows=([r.what, r.subject, r.agency, r.group, r.kind.label, r.due_on, r.status.text] for r in rows),
        fmt=CSV,
        filename=f"deadlines-{today:%Y-%m-%d}",
    )
