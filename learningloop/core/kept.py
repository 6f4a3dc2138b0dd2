"""Small reference rows every page shows, kept in each process for a minute (ADR 0025, revision of 3
December 2026).

On PostgreSQL each statement costs about a millisecond, and a list page read, besides its rows, the
partnership's name and each filter's choices (themes, groups, source types, agencies that are not
schools): five statements of rows that change a few times a year. They are kept here instead:

- a save or delete of a model the rows come from, in this process, forgets them at once (signals below),
  so whoever changes a theme sees the change on their next page;
- another app server shows the change within KEPT_SECONDS (a bulk update, which sends no signal, too);
- only what pages *show* is kept: a filter's choices and the heading. A chosen value is still checked
  against the database when the form is validated, and no edit form's choices are kept.

Each entry is keyed by its SQL and parameters, so rows read for one user are never shown to another."""

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

KEPT_SECONDS = 60
MOST_KEPT = 256  # entries; the oldest read is dropped first

_kept: OrderedDict[object, tuple[float, object, frozenset[str]]] = OrderedDict()
_lock = threading.Lock()


def kept(key, read: Callable[[], object], *, models: Iterable | Callable[[], Iterable]) -> object:
    """`read()`'s value, read again when older than KEPT_SECONDS or when one of `models` was saved here
    (`models` may be a function giving them: it is asked only when the value is read)."""
    now = time.monotonic()
    with _lock:  # a threaded server (runserver, gthread) may forget an entry while another reads it
        entry = _kept.get(key)
        if entry is not None and entry[0] > now:
            _kept.move_to_end(key)
            return entry[1]
    value = read()  # outside the lock: a slow read holds up no other thread
    if callable(models):
        models = models()
    with _lock:
        _kept[key] = (now + KEPT_SECONDS, value, frozenset(m._meta.label for m in models))
        _kept.move_to_end(key)
        while len(_kept) > MOST_KEPT:
            _kept.popitem(last=False)
    return value


def kept_rows(queryset) -> list:
    """The queryset's rows (model objects), kept as above. Forgotten when any model whose table the query
    reads is saved or deleted here."""
    sql, params = queryset.query.sql_with_params()
    return kept(("rows", queryset.db, sql, tuple(params)), lambda: list(queryset), models=_read_by(queryset))


def kept_choices_markup(key, queryset, render: Callable[[], str]) -> str:
    """A list filter's field drawn with its choices (`render()`), kept under `key` as above: the key names
    the filter as its class declares it (GovukFilterSet) and the value asked for, so no SQL is compiled to
    find it. Forgotten when a model whose table `queryset` (the field's choices) reads is saved here."""

    def models():
        queryset.query.sql_with_params()  # compiled on a miss only: its joins are known then
        return _read_by(queryset)

    return kept(("choices", queryset.db, *key), render, models=models)


def _read_by(queryset):
    """The models whose tables the (compiled) queryset reads."""
    tables = {join.table_name for join in queryset.query.alias_map.values()} | {queryset.model._meta.db_table}
    return _models_of(tables)


def forget(label: str | None = None):
    """Forget every entry (label None) or those read from the model with this label ("app.Model")."""
    with _lock:
        if label is None:
            _kept.clear()
            return
        for key in [k for k, entry in _kept.items() if label in entry[2]]:
            del _kept[key]


def _models_of(tables):
    by_table = _models_by_table()
    return [by_table[t] for t in tables if t in by_table]


@functools.cache
def _models_by_table():
    """Built once: every page's filters ask, and the installed models do not change while serving."""
    return {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}


def _changed(sender, **kwargs):
    if _kept:
        forget(sender._meta.label)


post_save.connect(_changed, dispatch_uid="core-kept-saved")
post_delete.connect(_changed, dispatch_uid="core-kept-deleted")
m2m_changed.connect(_changed, dispatch_uid="core-kept-m2m")
